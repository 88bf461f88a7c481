import type { MessageKey } from '../../i18n/fr.js';
import type { Translate } from '../../i18n/translate.js';
import { translator } from '../../i18n/translate.js';
import { bulletList } from '../evaluation/markdown-list.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { fitToBudget } from './fit-to-budget.js';
import type { DashboardView, EvaluationLineView } from './views.js';

/** More buttons than this in one row go behind "Plus d'actions…" (Teams squeezes a long row). */
export const DASHBOARD_BUTTONS_PER_ROW = 4;

type ActionName = Exclude<keyof EvaluationLineView['actions'], 'day'>;

/** The buttons of an evaluation, most used first: the last ones go behind "Plus d'actions…". */
const BUTTONS: { action: ActionName; verb: string; label: MessageKey; style?: string }[] = [
  { action: 'open', verb: 'evaluation.frame', label: 'pcard.dashboard.open' },
  { action: 'consolidation', verb: 'synthesis.open', label: 'pcard.dashboard.consolidation' },
  { action: 'remind', verb: 'evaluation.remind', label: 'pcard.dashboard.remind' },
  { action: 'closeCollection', verb: 'evaluation.close', label: 'pcard.dashboard.close' },
  { action: 'reopenGrid', verb: 'grid.reopenForm', label: 'pcard.dashboard.reopenGrid' },
  { action: 'reopenSynthesis', verb: 'synthesis.reopenForm', label: 'pcard.dashboard.reopenSynthesis' },
  { action: 'header', verb: 'evaluation.headerForm', label: 'pcard.dashboard.header' },
  { action: 'audit', verb: 'evaluation.audit', label: 'pcard.dashboard.audit' },
  { action: 'cancel', verb: 'evaluation.cancelForm', label: 'pcard.dashboard.cancel', style: 'destructive' },
];

/**
 * The dashboard: one section per jury day (newest first), one block per
 * evaluation with its facts, the members' progress (never their values) and
 * only the buttons its `actions` allow; per day "Bilan de la journée". When
 * the days are too many for the card budget, the last evaluations (oldest
 * days) are left out and the card says how many.
 */
export function dashboardCard(view: DashboardView): CardJson {
  const t = translator(view.locale);
  const total = view.days.reduce((sum, day) => sum + day.evaluations.length, 0);
  return fitToBudget(total, (left) => render(view, t, keepFirst(view.days, total - left), left));
}

function keepFirst(days: DashboardView['days'], count: number): DashboardView['days'] {
  const kept: DashboardView['days'] = [];
  let room = count;
  for (const day of days) {
    if (room <= 0) break;
    kept.push({ ...day, evaluations: day.evaluations.slice(0, room) });
    room -= day.evaluations.length;
  }
  return kept;
}

function render(view: DashboardView, t: Translate, days: DashboardView['days'], left: number): CardJson {
  return renderCard('dashboard', {
    notice: view.notice ?? '',
    showNotice: Boolean(view.notice),
    showEmpty: view.days.length === 0,
    days: days.map((day) => ({
      sessionId: day.sessionId,
      heading: t('pcard.dashboard.day', { date: day.date, role: day.role }),
      showDayReview: day.evaluations.some((e) => e.actions.day),
      showExport: day.exportable === true,
      showDayActions: day.exportable === true || day.evaluations.some((e) => e.actions.day),
      evaluations: day.evaluations.map((line) => evaluation(line, t)),
    })),
    cut: t('pcard.dashboard.cut', { count: left }),
    showCut: left > 0,
    l: {
      title: t('pcard.dashboard.title'),
      empty: t('pcard.dashboard.empty'),
      members: t('pcard.dashboard.members'),
      agreed: t('pcard.dashboard.agreed'),
      more: t('pcard.dashboard.more'),
      dayReview: t('pcard.dashboard.dayReview'),
      export: t('pcard.dashboard.export'),
    },
  });
}

function evaluation(line: EvaluationLineView, t: Translate): object {
  const buttons = BUTTONS.filter((b) => line.actions[b.action]).map((b) => ({
    title: t(b.label),
    verb: b.verb,
    evaluationId: line.evaluationId,
    evaluationRev: line.evaluationRev,
    // null leaves the property out.
    style: b.style ?? null,
  }));
  const split = buttons.length > DASHBOARD_BUTTONS_PER_ROW ? DASHBOARD_BUTTONS_PER_ROW - 1 : buttons.length;
  return {
    candidate: line.candidate,
    facts: [
      { title: t('pcard.dashboard.company'), value: line.company },
      { title: t('pcard.dashboard.state'), value: line.state },
      { title: t('pcard.dashboard.time'), value: line.time },
    ],
    ownProgress: line.ownProgress ?? '',
    showOwnProgress: Boolean(line.ownProgress),
    members: line.members,
    showMembers: line.members.length > 0,
    agreedList: bulletList(line.agreed),
    showAgreed: line.agreed.length > 0,
    inline: buttons.slice(0, split),
    more: buttons.slice(split),
    showMore: buttons.length > split,
    showButtons: buttons.length > 0,
  };
}
