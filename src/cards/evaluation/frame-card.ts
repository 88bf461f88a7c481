import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { headerFacts } from './header-facts.js';
import { bulletList, numberedList } from './markdown-list.js';
import { renderCard } from './render-card.js';
import type { FrameView } from './views.js';

/**
 * The interview frame: the clock, header and jury first, then the guide's objectives, steps and
 * principles folded behind a toggle (they are long, and the same for every candidate); only the allowed buttons.
 */
export function frameCard(view: FrameView): CardJson {
  const t = translator(view.locale);
  return renderCard('frame', {
    evaluationId: view.evaluationId,
    headerFacts: headerFacts(view.header, t, 'members'),
    jury: view.jury,
    workstationAdvice: view.workstationAdvice ?? '',
    showAdvice: Boolean(view.workstationAdvice),
    objectives: view.objectives,
    capacitiesList: bulletList(view.objectives.capacities),
    stepsList: numberedList(view.steps),
    principlesList: bulletList(view.principles),
    clock: view.clock,
    actions: view.actions,
    l: {
      title: t('card.frame.title'),
      jury: t(view.alone ? 'card.frame.jury.alone' : 'card.frame.jury'),
      objectives: t('card.frame.objectives'),
      steps: t('card.frame.steps'),
      principles: t('card.frame.principles'),
      guide: t('card.frame.guide'),
      start: t('card.frame.start'),
      notes: t('card.frame.notes'),
      end: t('card.frame.end'),
      scoring: t('card.frame.scoring'),
      report: t('card.frame.report'),
    },
  });
}
