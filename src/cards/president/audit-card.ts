import { translator } from '../../i18n/translate.js';
import { renderCard } from '../evaluation/render-card.js';
import type { CardJson } from '../render-template.js';
import { fitToBudget } from './fit-to-budget.js';
import type { AuditView } from './views.js';

/**
 * One page of the evaluation's audit trail, newest first, each entry a sentence, with
 * buttons to the older and newer pages. If a page does not fit the card budget (it
 * should not: the bot pages by 20 and cuts quoted text), its oldest entries are left
 * out here and the card says how many.
 */
export function auditCard(view: AuditView): CardJson {
  const t = translator(view.locale);
  return fitToBudget(view.entries.length, (left) =>
    renderCard('audit', {
      evaluationId: view.evaluationId,
      candidateLine: t('pcard.audit.candidate', { candidate: view.candidate }),
      notice: view.notice ?? '',
      showNotice: Boolean(view.notice),
      range: view.range ?? '',
      showRange: Boolean(view.range),
      cut: t('pcard.audit.cut', { count: left }),
      showCut: left > 0,
      showEmpty: view.entries.length === 0,
      entries: view.entries.slice(0, view.entries.length - left),
      // Strings in the data: every client sends them back as typed, and the bot parses them.
      showOlder: Boolean(view.older),
      olderPage: String(view.older?.page ?? ''),
      olderTotal: String(view.older?.total ?? ''),
      showNewer: Boolean(view.newer),
      newerPage: String(view.newer?.page ?? ''),
      newerTotal: String(view.newer?.total ?? ''),
      l: {
        title: t('pcard.audit.title'),
        empty: t('pcard.audit.empty'),
        older: t('pcard.audit.older'),
        newer: t('pcard.audit.newer'),
        back: t('pcard.back'),
      },
    }),
  );
}
