import { auditCard } from '../../../cards/president/index.js';
import { canReadAuditEntry, juryOf } from '../../../domain/index.js';
import { formatDate, formatTime } from '../../format.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { auditSentence } from './audit-sentences.js';
import { presidentScope } from './consolidation-flow.js';

/** Entries per page of the journal: a page stays well within the card budget. */
export const AUDIT_PAGE_SIZE = 20;

/** A whole number written as digits (as the card sends it back), or null. */
function wholeNumber(value: string | number | undefined): number | null {
  if (value === undefined) return null;
  const text = String(value).trim();
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/**
 * Which page to show. Pages count back from the newest entry as it was when the card was
 * shown (`total`), so entries added since do not shift a page; the trail only grows, so a
 * `total` above its length, or a page past its start, was not sent by our card.
 */
function pageOf(asked: { page?: string | number; total?: string | number }, length: number): { page: number; total: number; refused: boolean } {
  if (asked.page === undefined && asked.total === undefined) return { page: 0, total: length, refused: false };
  const page = wholeNumber(asked.page);
  const total = wholeNumber(asked.total);
  const fits = page !== null && total !== null && total <= length && (page === 0 || page * AUDIT_PAGE_SIZE < total);
  return fits ? { page, total, refused: false } : { page: 0, total: length, refused: true };
}

/**
 * The evaluation's trail, for the president: a page of entries, newest first, each as a
 * sentence. Entries about another member's grid keep their values hidden until the
 * collection closes (the sentence then says only who did what kind of change).
 */
export async function showAudit(turn: Turn, evaluationId: string, asked: { page?: string | number; total?: string | number } = {}): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const trail = await turn.services.repositories.audit.listTrail(evaluationId);
  const { page, total, refused } = pageOf(asked, trail.length);
  if (refused) turn.log('info', 'audit page refused', { evaluation: evaluationId, outcome: 'bad_page' });
  const end = total - page * AUDIT_PAGE_SIZE;
  const start = Math.max(0, end - AUDIT_PAGE_SIZE);
  const shown = trail.slice(start, end).reverse();
  const context = { t: turn.t, people: juryOf(scope.session), referential: scope.referential };
  const tz = turn.services.timezone;
  await turn.sendCard(
    auditCard({
      locale: turn.locale,
      evaluationId,
      candidate: candidateName(scope),
      entries: shown.map((entry) => ({
        at: `${formatDate(entry.at, tz)} ${formatTime(entry.at, tz)}`,
        sentence: auditSentence(context, entry, canReadAuditEntry(scope.session, scope.evaluation, entry, turn.userId).type === 'allow'),
      })),
      ...(shown.length ? { range: turn.t('president.audit.page', { from: page * AUDIT_PAGE_SIZE + 1, to: page * AUDIT_PAGE_SIZE + shown.length, total }) } : {}),
      ...(refused ? { notice: turn.t('president.audit.badPage') } : {}),
      ...(start > 0 ? { older: { page: page + 1, total } } : {}),
      ...(page > 0 ? { newer: { page: page - 1, total } } : {}),
    }),
  );
}
