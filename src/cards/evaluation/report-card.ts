import { inputNames } from '../input-names.js';
import { translator } from '../../i18n/translate.js';
import type { CardJson } from '../render-template.js';
import { headerFacts } from './header-facts.js';
import { renderCard } from './render-card.js';
import type { ReportRowView, ReportView } from './views.js';

/** The report shows at most this many characters of a row's notes (DESIGN.md, card budget). */
export const REPORT_NOTES_EXCERPT = 300;

/** null: the default colour (the property is left out). */
const VALUE_COLORS: Record<ReportRowView['status'], string | null> = {
  scored: null,
  not_evaluated: 'Warning',
  missing: 'Attention',
};

/**
 * The individual report (*grille de report des appréciations individuelles*):
 * per domain its rows and the reported percentage, a comment for the
 * president, then "Soumettre ma grille". Once submitted it is read-only.
 */
export function reportCard(view: ReportView): CardJson {
  const t = translator(view.locale);
  const editable = !view.submitted;
  return renderCard('report', {
    evaluationId: view.evaluationId,
    rev: view.rev,
    title: view.title ?? t('card.report.title'),
    notice: view.notice ?? '',
    showNotice: Boolean(view.notice),
    submittedAt: view.submittedAt ?? '',
    showSubmittedAt: Boolean(view.submittedAt),
    headerFacts: headerFacts(view.header, t, 'member'),
    editable,
    domains: view.domains.map((domain) => ({
      title: domain.title,
      reported: domain.reported,
      inputId: inputNames.comment(domain.id),
      comment: domain.comment,
      showReadOnlyComment: !editable && domain.comment.trim() !== '',
      rows: domain.rows.map((row) => {
        const { excerpt, cut } = notesExcerpt(row);
        return {
          rowId: row.rowId,
          title: row.title,
          value: row.value,
          valueColor: VALUE_COLORS[row.status],
          // "70 %" or "À compléter" beside the title; "Non évalué : <reason>" is long, so below it.
          valueInline: row.status !== 'not_evaluated',
          notesExcerpt: excerpt,
          hasNotes: excerpt !== '',
          notesCut: cut,
          hasActions: cut || editable,
        };
      }),
    })),
    l: {
      appraisal: t('card.report.appraisal'),
      viewNotes: t('card.report.viewNotes'),
      modify: t('card.report.modify'),
      comment: t(view.alone ? 'card.report.comment.alone' : 'card.report.comment'),
      commentPlaceholder: t('card.report.commentPlaceholder'),
      commentError: t('card.report.commentError'),
      commentReadOnly: t('card.report.commentReadOnly'),
      beforeSubmit: t(view.alone ? 'card.report.beforeSubmit.alone' : 'card.report.beforeSubmit'),
      saveComments: t('card.report.saveComments'),
      submit: t('card.report.submit'),
    },
  });
}

/** The view's excerpt, cut again here if it is longer than the card may show (never more than 300 characters). */
function notesExcerpt(row: ReportRowView): { excerpt: string; cut: boolean } {
  const body = row.notesCut && row.notesExcerpt.endsWith('…') ? row.notesExcerpt.slice(0, -1) : row.notesExcerpt;
  const chars = Array.from(body);
  if (chars.length <= REPORT_NOTES_EXCERPT) return { excerpt: row.notesExcerpt, cut: row.notesCut };
  return { excerpt: `${chars.slice(0, REPORT_NOTES_EXCERPT).join('')}…`, cut: true };
}
