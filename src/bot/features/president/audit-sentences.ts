import { AUDIT_ACTIONS, formatPercent, type AuditAction, type AuditEntry, type Person } from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import type { Translate } from '../../../i18n/translate.js';
import type { Referential } from '../../../referential/schema.js';

/** Quoted free text (notes, comments) is cut to this many characters, to keep entries compact. */
const QUOTE_CHARS = 160;

/** What a sentence needs: the reader's language, the jury's names and the guide's titles. */
export interface AuditSentenceContext {
  t: Translate;
  people: readonly Person[];
  referential: Referential;
}

type Fields = Record<string, unknown>;

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

function fieldsOf(value: unknown): Fields {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function nameOf(ctx: AuditSentenceContext, id: string): string {
  return ctx.people.find((p) => p.id === id)?.name ?? id;
}

function quote(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return `« ${chars.length > QUOTE_CHARS ? `${chars.slice(0, QUOTE_CHARS).join('')}…` : chars.join('')} »`;
}

function rowTitle(ctx: AuditSentenceContext, rowId: unknown): string {
  const id = String(rowId ?? '');
  return ctx.referential.domains.flatMap((d) => d.rows).find((r) => r.id === id)?.title ?? id;
}

function domainTitle(ctx: AuditSentenceContext, domainId: string): string {
  return ctx.referential.domains.find((d) => d.id === domainId)?.title ?? domainId;
}

function percentOrDash(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value) : '—';
}

/** The row's source as the card names it; a value this version does not know is left out. */
const SOURCE_LABELS: ReadonlyMap<string, MessageKey> = new Map([
  ['workstation', 'card.row.source.workstation'],
  ['questions', 'card.row.source.questions'],
  ['both', 'card.row.source.both'],
]);

/** What changed on a row, part by part ("note : 70 %", "notes : « … »"). */
function rowParts(ctx: AuditSentenceContext, after: Fields): string[] {
  const { t } = ctx;
  const parts: string[] = [];
  if ('percentage' in after) parts.push(after.percentage === null ? t('president.audit.part.scoreCleared') : t('president.audit.part.score', { value: percentOrDash(after.percentage) }));
  if (typeof after.notEvaluatedReason === 'string') parts.push(t('president.audit.part.notEvaluated', { reason: after.notEvaluatedReason }));
  if (typeof after.notes === 'string') parts.push(after.notes.trim() ? t('president.audit.part.notes', { notes: quote(after.notes) }) : t('president.audit.part.notesCleared'));
  const source = typeof after.source === 'string' ? SOURCE_LABELS.get(after.source) : undefined;
  if (source) parts.push(t('president.audit.part.source', { source: t(source) }));
  if (Array.isArray(after.questionsUsed)) parts.push(t('president.audit.part.questions', { count: after.questionsUsed.length }));
  if (Array.isArray(after.linesUsed)) parts.push(t('president.audit.part.lines', { count: after.linesUsed.length }));
  return parts;
}

function rowSentence(ctx: AuditSentenceContext, who: string, after: Fields): string {
  const { t } = ctx;
  const row = rowTitle(ctx, after.rowId);
  const changed = Object.keys(after).filter((key) => key !== 'rowId');
  // The common case, in one short sentence: "a noté la ligne « X » : 70 %".
  if (changed.length === 1 && typeof after.percentage === 'number') return t('president.audit.rowScored', { who, row, value: formatPercent(after.percentage) });
  if (changed.length <= 2 && typeof after.notEvaluatedReason === 'string' && (changed.length === 1 || after.percentage === null)) {
    return t('president.audit.rowNotEvaluated', { who, row, reason: after.notEvaluatedReason });
  }
  const parts = rowParts(ctx, after);
  return parts.length ? t('president.audit.rowChanged', { who, row, parts: parts.join(' ; ') }) : t('president.audit.rowSaved', { who, row });
}

function commentsSentence(ctx: AuditSentenceContext, who: string, after: Fields, before: Fields): string {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  const parts = keys.map((domainId) => {
    const text = typeof after[domainId] === 'string' ? (after[domainId] as string) : '';
    return text.trim() ? `${domainTitle(ctx, domainId)} : ${quote(text)}` : ctx.t('president.audit.part.commentCleared', { domain: domainTitle(ctx, domainId) });
  });
  return ctx.t('president.audit.comments', { who, parts: parts.join(' ; ') });
}

function reportedSentence(ctx: AuditSentenceContext, who: string, after: Fields): string {
  const reported = fieldsOf(after.reported);
  const parts = Object.entries(reported).map(([domainId, value]) => `${domainTitle(ctx, domainId)} ${typeof value === 'number' ? formatPercent(value) : ctx.t('evaluation.report.domainNotEvaluated')}`);
  return parts.length ? ctx.t('president.audit.gridSubmittedWith', { who, parts: parts.join(', ') }) : ctx.t('president.audit.gridSubmitted', { who });
}

function synthesisSentence(ctx: AuditSentenceContext, who: string, after: Fields, before: Fields): string {
  const parts: string[] = [];
  const domains = fieldsOf(after.domains);
  const previous = fieldsOf(before.domains);
  for (const [domainId, value] of Object.entries(domains)) {
    if (JSON.stringify(value) === JSON.stringify(previous[domainId])) continue;
    const agreement = fieldsOf(value);
    const text = typeof agreement.notEvaluatedReason === 'string' ? ctx.t('president.audit.part.notEvaluated', { reason: agreement.notEvaluatedReason }) : percentOrDash(agreement.percentage);
    parts.push(`${domainTitle(ctx, domainId)} : ${text}`);
  }
  if (typeof after.comment === 'string') parts.push(ctx.t('president.audit.part.comment', { comment: after.comment.trim() ? quote(after.comment) : '—' }));
  return parts.length ? ctx.t('president.audit.synthesisSaved', { who, parts: parts.join(' ; ') }) : ctx.t('president.audit.synthesisSavedPlain', { who });
}

const HEADER_FIELDS: Record<string, MessageKey> = {
  date: 'president.audit.field.date',
  candidateLastName: 'president.audit.field.candidateLastName',
  candidateFirstName: 'president.audit.field.candidateFirstName',
  company: 'president.audit.field.company',
};

function headerSentence(ctx: AuditSentenceContext, who: string, after: Fields, before: Fields): string {
  const parts = Object.keys(after).map((key) => {
    const label = HEADER_FIELDS[key] ? ctx.t(HEADER_FIELDS[key]) : key;
    return `${label} : ${quote(String(before[key] ?? ''))} → ${quote(String(after[key] ?? ''))}`;
  });
  return ctx.t('president.audit.headerCorrected', { who, parts: parts.join(' ; ') });
}

/** One sentence per action whose values do not matter (a start, a signature…). */
const PLAIN: Partial<Record<AuditAction, MessageKey>> = {
  'evaluation.create': 'president.audit.sentence.evaluation.create',
  'evaluation.start': 'president.audit.sentence.evaluation.start',
  'evaluation.end': 'president.audit.sentence.evaluation.end',
  'evaluation.collection_reopen': 'president.audit.sentence.evaluation.collection_reopen',
  'evaluation.consolidate': 'president.audit.sentence.evaluation.consolidate',
  'evaluation.submit': 'president.audit.sentence.evaluation.submit',
  'evaluation.sign': 'president.audit.sentence.evaluation.sign',
  'evaluation.reopen_signed': 'president.audit.sentence.evaluation.reopen_signed',
  'evaluation.cancel': 'president.audit.sentence.evaluation.cancel',
  'synthesis.create': 'president.audit.sentence.synthesis.create',
  'synthesis.sign': 'president.audit.sentence.synthesis.sign',
  'synthesis.reopen': 'president.audit.sentence.synthesis.reopen',
  'session.create': 'president.audit.sentence.session.create',
  'session.join_request': 'president.audit.sentence.session.join_request',
  'session.join_accept': 'president.audit.sentence.session.join_accept',
  'session.join_refuse': 'president.audit.sentence.session.join_refuse',
  'session.member_remove': 'president.audit.sentence.session.member_remove',
  'session.joining_close': 'president.audit.sentence.session.joining_close',
  'session.export': 'president.audit.sentence.session.export',
};

/**
 * One audit entry as a French sentence ("Marc Petit a noté la ligne « Traitement en interne
 * d'une erreur » : 70 %"). `readable` false (another member's grid while the collection is
 * open) keeps every value out: only who did what kind of change.
 */
export function auditSentence(ctx: AuditSentenceContext, entry: AuditEntry, readable: boolean): string {
  const { t } = ctx;
  const who = nameOf(ctx, entry.by);
  const after = fieldsOf(entry.after);
  const before = fieldsOf(entry.before);
  const sentence = ((): string => {
    if (!isAuditAction(entry.action)) return t('president.audit.unknown', { who, action: entry.action });
    if (!readable) return t('president.audit.hiddenSentence', { who, action: t(`president.audit.action.${entry.action}`) });
    switch (entry.action) {
      case 'grid.row_save':
        return rowSentence(ctx, who, after);
      case 'grid.comments_save':
        return commentsSentence(ctx, who, after, before);
      case 'grid.submit':
        return reportedSentence(ctx, who, after);
      case 'grid.reopen': {
        const owner = entry.target.split(':').at(-1) ?? '';
        return t('president.audit.gridReopened', { who, owner: nameOf(ctx, owner) });
      }
      case 'synthesis.save':
        return synthesisSentence(ctx, who, after, before);
      case 'evaluation.header_correct':
        return headerSentence(ctx, who, after, before);
      case 'evaluation.collection_close': {
        const excluded = Array.isArray(after.excludedMemberIds) ? after.excludedMemberIds.map((id) => nameOf(ctx, String(id))) : [];
        const names = excluded.length > 1 ? t('president.audit.andList', { first: excluded.slice(0, -1).join(', '), last: excluded.at(-1) ?? '' }) : (excluded[0] ?? '');
        return excluded.length
          ? t('president.audit.collectionClosedWithout', { who, names })
          : t('president.audit.collectionClosed');
      }
      default: {
        const key = PLAIN[entry.action];
        return key ? t(key, { who }) : t('president.audit.unknown', { who, action: t(`president.audit.action.${entry.action}`) });
      }
    }
  })();
  return entry.reason ? `${sentence} ${t('president.audit.reason', { reason: entry.reason })}` : sentence;
}
