import type { Referential } from '../referential/schema.js';
import type { AuditEntry, Evaluation, MemberGrid, RowEntry, Session } from './model.js';
import { rowEntrySchema } from './model.js';
import type { EvaluationContext } from './operation-context.js';
import type { Duplicate, Forbidden, Invalid, NeedsConfirmation, Stale, Unchanged } from './outcome.js';
import { forbidden, invalid, UNCHANGED } from './outcome.js';
import { auditEntry, auditTarget, changedFields } from './audit.js';
import { checkRevision, submissionFingerprint, type CardSubmission } from './check-revision.js';
import { applyTransition, checkReason, nextState } from './lifecycle.js';
import { canActAsPresident, canEditGrid } from './permissions.js';
import { scoresIn } from './jury.js';
import { allRowIds } from './referential-lookup.js';
import { reportDomains, type DomainReport } from './report-domains.js';
import { checkDomainComments } from './check-domain-comments.js';
import { nextRowEntry, type SaveRowInput } from './next-row-entry.js';

export type { SaveRowInput } from './next-row-entry.js';

/**
 * A member's grid: notes row by row during the interview, a percentage (or *non évalué*)
 * per row afterwards, a comment per domain, then submission. Every applied change bumps
 * `rev` and remembers the submission's fingerprint (double clicks vs stale cards).
 */

export type GridRefusal = Duplicate | Stale<MemberGrid> | Forbidden;

export interface GridSaved {
  type: 'saved';
  grid: MemberGrid;
  audit: AuditEntry[];
}

/** A new, empty grid for a member of the jury (every row present, nothing entered). */
export function createGrid(
  evaluation: Evaluation,
  session: Session,
  memberId: string,
  referential: Referential,
  now: Date,
): { type: 'created'; grid: MemberGrid } | Forbidden {
  if (evaluation.sessionId !== session.id) throw new Error('createGrid: the evaluation does not belong to this session');
  if (canEditGrid(session, { memberId }, memberId).type === 'deny') return forbidden('not_a_member');
  if (!scoresIn(session, evaluation, memberId)) return forbidden('not_a_scorer');
  const rows = Object.fromEntries(allRowIds(referential).map((rowId) => [rowId, rowEntrySchema.parse({})]));
  return {
    type: 'created',
    grid: {
      schemaVersion: 1,
      evaluationId: evaluation.id,
      memberId,
      rev: 0,
      state: 'open',
      rows,
      domainComments: {},
      reopenings: [],
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * Checks shared by the member's own operations, in this order: is it their grid, is the card
 * current (or a double click), does the evaluation's state allow it, is the grid still open.
 */
function guardOwnGrid(
  grid: MemberGrid,
  verb: string,
  rev: number,
  values: unknown,
  ctx: EvaluationContext,
  action: 'edit_grid' | 'submit',
  card: CardSubmission | undefined,
): { type: 'go'; fingerprint: string } | GridRefusal {
  assertSameEvaluation(grid, ctx);
  const permission = canEditGrid(ctx.session, grid, ctx.actorId);
  if (permission.type === 'deny') return forbidden(permission.reason === 'not_a_member' ? 'not_a_member' : 'not_grid_owner');
  const fingerprint = fingerprintOf(grid, card?.verb ?? verb, rev, card?.values ?? values, ctx);
  const revision = checkRevision(grid, rev, fingerprint);
  if (revision.type !== 'current') return revision;
  const check = nextState(ctx.evaluation.mode, ctx.evaluation.state, action);
  if (check.type === 'forbidden') return check;
  if (grid.state === 'submitted') return forbidden('grid_submitted', ctx.evaluation.state);
  return { type: 'go', fingerprint };
}

function assertSameEvaluation(grid: MemberGrid, ctx: EvaluationContext): void {
  if (grid.evaluationId !== ctx.evaluation.id || ctx.evaluation.sessionId !== ctx.session.id) {
    throw new Error('grid operation: grid, evaluation and session do not belong together');
  }
}

function fingerprintOf(grid: MemberGrid, verb: string, rev: number, values: unknown, ctx: EvaluationContext): string {
  return submissionFingerprint({
    verb,
    ids: { evaluationId: grid.evaluationId, memberId: grid.memberId, actorId: ctx.actorId },
    rev,
    values,
  });
}

function bump(grid: MemberGrid, fingerprint: string, now: Date, patch: Partial<MemberGrid>): MemberGrid {
  return { ...grid, ...patch, rev: grid.rev + 1, lastSubmission: fingerprint, updatedAt: now.toISOString() };
}

function gridAudit(grid: MemberGrid, ctx: EvaluationContext, action: 'grid.row_save' | 'grid.comments_save' | 'grid.submit' | 'grid.reopen', before: unknown, after: unknown, reason?: string): AuditEntry {
  return auditEntry({
    id: ctx.newId(),
    scopeId: grid.evaluationId,
    by: ctx.actorId,
    action,
    target: auditTarget.grid(grid.evaluationId, grid.memberId),
    before,
    after,
    now: ctx.now,
    ...(reason === undefined ? {} : { reason }),
  });
}

/** Saves one row (fields left undefined stay as they are). */
export function saveRow(grid: MemberGrid, input: SaveRowInput, ctx: EvaluationContext, card?: CardSubmission): GridSaved | Unchanged | GridRefusal | Invalid {
  const { rev, ...values } = input;
  const guard = guardOwnGrid(grid, 'grid.saveRow', rev, values, ctx, 'edit_grid', card);
  if (guard.type !== 'go') return guard;

  const next = nextRowEntry(grid.rows[input.rowId], input, ctx.referential);
  if (next.type === 'invalid') return next;
  const before = grid.rows[input.rowId] ?? rowEntrySchema.parse({});
  const { savedAt: _before, ...beforeValues } = before;
  const { savedAt: _after, ...afterValues } = next.entry;
  const diff = changedFields(beforeValues, afterValues);
  if (Object.keys(diff.after).length === 0) return UNCHANGED;

  const entry: RowEntry = { ...next.entry, savedAt: ctx.now.toISOString() };
  const saved = bump(grid, guard.fingerprint, ctx.now, { rows: { ...grid.rows, [input.rowId]: entry } });
  const audit = gridAudit(grid, ctx, 'grid.row_save', { rowId: input.rowId, ...diff.before }, { rowId: input.rowId, ...diff.after });
  return { type: 'saved', grid: saved, audit: [audit] };
}

/** Saves the member's per-domain comments (≤ 1,000 characters each; empty removes it). */
export function setDomainComments(
  grid: MemberGrid,
  input: { rev: number; comments: Readonly<Record<string, string>> },
  ctx: EvaluationContext,
  card?: CardSubmission,
): GridSaved | Unchanged | GridRefusal | Invalid {
  const guard = guardOwnGrid(grid, 'grid.setDomainComments', input.rev, input.comments, ctx, 'edit_grid', card);
  if (guard.type !== 'go') return guard;
  const comments = checkDomainComments(grid.domainComments, input.comments, ctx.referential);
  if (comments.type === 'invalid') return comments;
  const diff = changedFields(grid.domainComments, comments.comments);
  if (Object.keys(diff.after).length === 0) return UNCHANGED;
  const saved = bump(grid, guard.fingerprint, ctx.now, { domainComments: comments.comments });
  return { type: 'saved', grid: saved, audit: [gridAudit(grid, ctx, 'grid.comments_save', diff.before, diff.after)] };
}

/** One domain's comment: setDomainComments with a single entry. */
export function setDomainComment(
  grid: MemberGrid,
  input: { rev: number; domainId: string; comment: string },
  ctx: EvaluationContext,
): GridSaved | Unchanged | GridRefusal | Invalid {
  return setDomainComments(grid, { rev: input.rev, comments: { [input.domainId]: input.comment } }, ctx);
}

export interface SubmitGridInput {
  rev: number;
  /** The member confirmed submitting with domains that have no evaluated row. */
  confirmEmptyDomains?: boolean;
  /** Comments typed on the report card, saved with the submission. */
  comments?: Readonly<Record<string, string>>;
}

export interface GridSubmitted {
  type: 'submitted';
  grid: MemberGrid;
  report: DomainReport[];
  audit: AuditEntry[];
}

/**
 * Submits the individual report. Every row needs a percentage or a *non évalué* reason
 * (`rows_incomplete` names the others); a domain without any evaluated row asks for
 * confirmation first. Then call afterSubmission for the evaluation's state.
 */
export function submitGrid(
  grid: MemberGrid,
  input: SubmitGridInput,
  ctx: EvaluationContext,
  card?: CardSubmission,
): GridSubmitted | NeedsConfirmation | GridRefusal | Invalid {
  const { rev, ...values } = input;
  const guard = guardOwnGrid(grid, 'grid.submit', rev, values, ctx, 'submit', card);
  if (guard.type !== 'go') return guard;
  const comments = checkDomainComments(grid.domainComments, input.comments ?? {}, ctx.referential);
  if (comments.type === 'invalid') return comments;

  const report = reportDomains(grid, ctx.referential);
  const missing = report.flatMap((d) => d.missing);
  if (missing.length) return invalid('rows_incomplete', { ids: missing });
  const empty = report.filter((d) => d.value === null).map((d) => d.domainId);
  if (empty.length && !input.confirmEmptyDomains) return { type: 'needs_confirmation', reason: 'empty_domains', ids: empty };

  const submitted = bump(grid, guard.fingerprint, ctx.now, {
    state: 'submitted',
    submittedAt: ctx.now.toISOString(),
    domainComments: comments.comments,
  });
  const reported = Object.fromEntries(report.map((d) => [d.domainId, d.value]));
  const audit = gridAudit(grid, ctx, 'grid.submit', { state: grid.state }, { state: 'submitted', reported });
  return { type: 'submitted', grid: submitted, report, audit: [audit] };
}

export interface GridReopened {
  type: 'reopened';
  grid: MemberGrid;
  evaluation: Evaluation;
  audit: AuditEntry[];
}

/**
 * The president reopens one member's submitted grid, with a reason, before signature
 * (after it, reopen the synthesis first). The collection reopens with it: the member
 * resubmits and the collection closes again when every expected grid is in.
 */
export function reopenGrid(
  grid: MemberGrid,
  input: { rev: number; reason: string },
  ctx: EvaluationContext,
  card?: CardSubmission,
): GridReopened | GridRefusal | Invalid {
  assertSameEvaluation(grid, ctx);
  const president = canActAsPresident(ctx.session, ctx.actorId, 'reopen_grid');
  if (president.type === 'deny') return forbidden(president.reason === 'not_a_member' ? 'not_a_member' : 'not_president');
  const fingerprint = fingerprintOf(grid, card?.verb ?? 'grid.reopen', input.rev, card?.values ?? { reason: input.reason }, ctx);
  const revision = checkRevision(grid, input.rev, fingerprint);
  if (revision.type !== 'current') return revision;
  const check = nextState(ctx.evaluation.mode, ctx.evaluation.state, 'reopen_grid');
  if (check.type === 'forbidden') return check;
  if (grid.state !== 'submitted') return forbidden('grid_open', ctx.evaluation.state);
  const reason = checkReason(input.reason);
  if (reason.type === 'invalid') return reason;

  const { submittedAt: _submittedAt, ...rest } = grid;
  const reopenings = [...grid.reopenings, { at: ctx.now.toISOString(), by: ctx.actorId, reason: reason.reason }];
  const reopened = bump(rest, fingerprint, ctx.now, { state: 'open', reopenings });
  const audit = [gridAudit(grid, ctx, 'grid.reopen', { state: 'submitted' }, { state: 'open' }, reason.reason)];
  let evaluation = ctx.evaluation;
  if (check.to !== evaluation.state) {
    const change = applyTransition(evaluation, check.to, {}, 'evaluation.collection_reopen', ctx, reason.reason);
    evaluation = change.evaluation;
    audit.push(...change.audit);
  }
  return { type: 'reopened', grid: reopened, evaluation, audit };
}
