import { translator } from '../../i18n/translate.js';
import { bulletList } from '../evaluation/markdown-list.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { fitToBudget } from './fit-to-budget.js';
import type { DayView } from './views.js';

/**
 * The jury day's review (journey 1 step 8): each candidate's time and agreed
 * appraisals, each member's reported percentages against the agreed ones (the
 * guide's calibration after the first candidates), and equal treatment. A full
 * day with every question and relaunch listed per candidate can exceed the
 * card budget: the lists of the last candidates are then left out (their
 * summaries stay) and the card says so.
 */
export function dayCard(view: DayView): CardJson {
  const t = translator(view.locale);
  const withDetails = view.equalTreatment.filter((e) => e.details.length > 0).length;
  return fitToBudget(withDetails, (left) => {
    let room = withDetails - left;
    return renderCard('day', {
      dateLine: t('pcard.day.date', { date: view.date }),
      candidates: view.candidates.map((c) => ({
        candidate: c.candidate,
        time: t('pcard.day.time', { time: c.time }),
        agreedList: bulletList(c.agreed),
        hasAgreed: c.agreed.length > 0,
      })),
      noCandidate: view.candidates.length === 0,
      calibration: view.calibration,
      noCalibration: view.calibration.length === 0,
      equalTreatment: view.equalTreatment.map((e) => {
        const shown = e.details.length > 0 && room > 0;
        if (e.details.length > 0) room -= 1;
        return { candidate: e.candidate, summary: e.summary, detailsList: bulletList(e.details), hasDetails: shown };
      }),
      cut: t('pcard.day.cut', { count: left }),
      showCut: left > 0,
      l: {
        title: t('pcard.day.title'),
        candidates: t('pcard.day.candidates'),
        noCandidate: t('pcard.day.noCandidate'),
        calibration: t('pcard.day.calibration'),
        calibrationIntro: t('pcard.day.calibrationIntro'),
        noCalibration: t('pcard.day.noCalibration'),
        equalTreatment: t('pcard.day.equalTreatment'),
        equalTreatmentIntro: t('pcard.day.equalTreatmentIntro'),
        back: t('pcard.day.back'),
      },
    });
  });
}
