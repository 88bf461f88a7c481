import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { fitToBudget } from './fit-to-budget.js';
import type { DayExportView } from './views.js';

/**
 * The day's results for the deliberation: each candidate with their state, marked exported
 * (signed) or not; the download is offered only when one is signed. A day too long for the
 * card budget leaves its last candidates off the card (never off the export) and says so.
 */
export function dayExportCard(view: DayExportView): CardJson {
  const t = translator(view.locale);
  const signed = view.candidates.filter((c) => c.included).length;
  const total = view.candidates.length;
  return fitToBudget(total, (left) =>
    renderCard('day-export', {
      sessionId: view.sessionId,
      dayLine: t('ecard.day', { date: view.date, role: view.role }),
      showEmpty: total === 0,
      candidates: view.candidates.slice(0, total - left).map((c) => ({
        candidate: c.candidate,
        mark: t(c.included ? 'ecard.included' : 'ecard.excluded'),
        color: c.included ? 'Good' : 'Default',
        // null leaves the property out: only exported candidates are highlighted.
        style: c.included ? 'good' : null,
        facts: [
          { title: t('ecard.company'), value: c.company },
          { title: t('ecard.state'), value: c.state },
        ],
      })),
      cut: t('ecard.cut', { count: left }),
      showCut: left > 0,
      countLine: signed > 0 ? t('ecard.count', { signed, total }) : t('ecard.none'),
      canDownload: signed > 0,
      l: {
        title: t('ecard.title'),
        intro: t('ecard.intro'),
        empty: t('ecard.empty'),
        download: t('ecard.download'),
        back: t('ecard.back'),
      },
    }),
  );
}
