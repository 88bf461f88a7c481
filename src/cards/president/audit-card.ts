import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { fitToBudget } from './fit-to-budget.js';
import type { AuditView } from './views.js';

/**
 * The evaluation's audit trail, oldest first. If the entries the bot gives do
 * not fit the card budget, the oldest are left out here and the card says how
 * many (on top of the view's own `truncated` line).
 */
export function auditCard(view: AuditView): CardJson {
  const t = translator(view.locale);
  return fitToBudget(view.entries.length, (left) =>
    renderCard('audit', {
      candidateLine: t('pcard.audit.candidate', { candidate: view.candidate }),
      truncated: view.truncated ?? '',
      showTruncated: Boolean(view.truncated),
      cut: t('pcard.audit.cut', { count: left }),
      showCut: left > 0,
      showEmpty: view.entries.length === 0,
      entries: view.entries.slice(left).map((entry) => ({
        when: t('pcard.audit.entry', { at: entry.at, who: entry.who }),
        action: entry.action,
        details: entry.details,
        hasDetails: entry.details.trim() !== '',
      })),
      l: {
        title: t('pcard.audit.title'),
        empty: t('pcard.audit.empty'),
        back: t('pcard.back'),
      },
    }),
  );
}
