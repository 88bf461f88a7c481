import type { AuditEntry, Evaluation, EvaluationState, Mode, Session } from './model.js';
import { LIMITS } from './model.js';
import type { OperationContext } from './operation-context.js';
import type { Forbidden, Invalid, NeedsConfirmation, Unchanged } from './outcome.js';
import { forbidden, invalid, UNCHANGED } from './outcome.js';
import { auditEntry, auditTarget, type AuditAction } from './audit.js';
import { expectedMemberIds, roleIn } from './jury.js';

/**
 * The evaluation's lifecycle (DESIGN.md, "Lifecycle"), as a table per mode.
 * Jury: draft → in_progress → interview_ended → collection_closed → consolidated → signed.
 * Lone professional: draft → in_progress → submitted → signed.
 * `cancelled` from any state before signed; after signature only the president's reopen.
 */
export const LIFECYCLE_ACTIONS = [
  'start',
  'end',
  'edit_grid',
  'submit',
  'close_collection',
  'reopen_grid',
  'consolidate',
  'sign',
  'reopen_signed',
  'cancel',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

interface Rule {
  from: readonly EvaluationState[];
  /** null: the state stays as it is. */
  to: EvaluationState | null;
}

const BEFORE_SIGNATURE_JURY = ['draft', 'in_progress', 'interview_ended', 'collection_closed', 'consolidated'] as const;

const RULES: Record<Mode, Partial<Record<LifecycleAction, Rule>>> = {
  jury: {
    start: { from: ['draft'], to: 'in_progress' },
    end: { from: ['in_progress'], to: 'interview_ended' },
    edit_grid: { from: ['draft', 'in_progress', 'interview_ended'], to: null },
    // The first submission ends the interview; the collection closes when all are in (afterSubmission).
    submit: { from: ['in_progress', 'interview_ended'], to: 'interview_ended' },
    close_collection: { from: ['interview_ended'], to: 'collection_closed' },
    // A reopened grid must be submittable again: the collection reopens.
    reopen_grid: { from: ['interview_ended', 'collection_closed', 'consolidated'], to: 'interview_ended' },
    consolidate: { from: ['collection_closed', 'consolidated'], to: 'consolidated' },
    sign: { from: ['consolidated'], to: 'signed' },
    reopen_signed: { from: ['signed'], to: 'consolidated' },
    cancel: { from: BEFORE_SIGNATURE_JURY, to: 'cancelled' },
  },
  professional: {
    start: { from: ['draft'], to: 'in_progress' },
    // Records the end time; the lone professional then scores, still in_progress.
    end: { from: ['in_progress'], to: null },
    edit_grid: { from: ['draft', 'in_progress'], to: null },
    submit: { from: ['in_progress'], to: 'submitted' },
    reopen_grid: { from: ['submitted'], to: 'in_progress' },
    // The professional's report is the synthesis: saving it keeps the evaluation submitted.
    consolidate: { from: ['submitted'], to: 'submitted' },
    sign: { from: ['submitted'], to: 'signed' },
    reopen_signed: { from: ['signed'], to: 'submitted' },
    cancel: { from: ['draft', 'in_progress', 'submitted'], to: 'cancelled' },
  },
};

const COLLECTION_CLOSED_STATES: readonly EvaluationState[] = ['collection_closed', 'consolidated', 'submitted', 'signed'];

/** Whether the members' grids are in (collection closed, or later); a cancelled evaluation answers for the state it left. */
export function collectionHasClosed(evaluation: Pick<Evaluation, 'state' | 'cancellation'>): boolean {
  const state = evaluation.state === 'cancelled' ? evaluation.cancellation?.from : evaluation.state;
  return state !== undefined && COLLECTION_CLOSED_STATES.includes(state);
}

export type TransitionCheck = { type: 'allowed'; to: EvaluationState } | Forbidden;

/** The state an action leads to from this state, or why it may not happen. */
export function nextState(mode: Mode, state: EvaluationState, action: LifecycleAction): TransitionCheck {
  const rule = RULES[mode][action];
  if (rule && rule.from.includes(state)) return { type: 'allowed', to: rule.to ?? state };
  return forbidden(refusalReason(mode, state, action), state);
}

function refusalReason(mode: Mode, state: EvaluationState, action: LifecycleAction): Forbidden['reason'] {
  if (state === 'signed') return 'evaluation_signed';
  if (state === 'cancelled') return 'evaluation_closed';
  if (state === 'draft' && ['end', 'submit', 'close_collection', 'consolidate', 'sign'].includes(action)) return 'interview_not_started';
  if (mode === 'professional' && state === 'submitted' && (action === 'edit_grid' || action === 'submit')) return 'grid_submitted';
  if (COLLECTION_CLOSED_STATES.includes(state) && ['edit_grid', 'submit', 'close_collection'].includes(action)) return 'collection_closed';
  if ((state === 'in_progress' || state === 'interview_ended') && ['consolidate', 'sign'].includes(action)) return 'collection_open';
  return 'illegal_transition';
}

export interface EvaluationChanged {
  type: 'changed';
  evaluation: Evaluation;
  audit: AuditEntry[];
}

/** Applies an allowed transition with its extra fields and the audit entry recording it. */
export function applyTransition(
  evaluation: Evaluation,
  to: EvaluationState,
  patch: Partial<Evaluation>,
  action: AuditAction,
  ctx: OperationContext,
  reason?: string,
): EvaluationChanged {
  const next: Evaluation = { ...evaluation, ...patch, state: to };
  const before: Record<string, unknown> = { state: evaluation.state };
  const after: Record<string, unknown> = { state: to };
  for (const key of Object.keys(patch) as (keyof Evaluation)[]) {
    before[key] = evaluation[key];
    after[key] = next[key];
  }
  const entry = auditEntry({
    id: ctx.newId(),
    scopeId: evaluation.id,
    by: ctx.actorId,
    action,
    target: auditTarget.evaluation(evaluation.id),
    before,
    after,
    now: ctx.now,
    ...(reason === undefined ? {} : { reason }),
  });
  return { type: 'changed', evaluation: next, audit: [entry] };
}

/**
 * An action's effect on the evaluation as it is now, for a change decided on another record
 * first (a synthesis saved, a grid reopened) and applied inside the evaluation's conditional
 * update: re-run on the stored evaluation at each retry, never copied from the turn's snapshot.
 */
export function followTransition(
  evaluation: Evaluation,
  action: LifecycleAction,
  auditAction: AuditAction,
  ctx: OperationContext,
  reason?: string,
): EvaluationChanged | Unchanged | Forbidden {
  const check = nextState(evaluation.mode, evaluation.state, action);
  if (check.type === 'forbidden') return check;
  if (check.to === evaluation.state) return UNCHANGED;
  return applyTransition(evaluation, check.to, {}, auditAction, ctx, reason);
}

function presidentOnly(session: Session, evaluation: Evaluation, ctx: OperationContext): Forbidden | null {
  if (evaluation.sessionId !== session.id) throw new Error('lifecycle: the evaluation does not belong to this session');
  const role = roleIn(session, ctx.actorId);
  if (role === 'none') return forbidden('not_a_member');
  return role === 'president' ? null : forbidden('not_president');
}

/** *Démarrer l'entretien* (the president, or the lone professional): the clock starts. */
export function startInterview(evaluation: Evaluation, session: Session, ctx: OperationContext): EvaluationChanged | Forbidden {
  const refusal = presidentOnly(session, evaluation, ctx);
  if (refusal) return refusal;
  const check = nextState(evaluation.mode, evaluation.state, 'start');
  if (check.type === 'forbidden') return check;
  return applyTransition(evaluation, check.to, { startedAt: ctx.now.toISOString() }, 'evaluation.start', ctx);
}

/** *Terminer l'entretien*: time spent = end − start. In professional mode the state stays in_progress. */
export function endInterview(evaluation: Evaluation, session: Session, ctx: OperationContext): EvaluationChanged | Forbidden {
  const refusal = presidentOnly(session, evaluation, ctx);
  if (refusal) return refusal;
  const check = nextState(evaluation.mode, evaluation.state, 'end');
  if (check.type === 'forbidden') return check;
  if (evaluation.endedAt) return forbidden('illegal_transition', evaluation.state);
  return applyTransition(evaluation, check.to, { endedAt: ctx.now.toISOString() }, 'evaluation.end', ctx);
}

/**
 * What a grid submission does to the evaluation, once the grid is saved: the first one ends
 * the interview (jury) or submits the evaluation (professional); the last expected one closes
 * the collection. Idempotent: call it again after a storage retry and it changes nothing more.
 */
export function afterSubmission(
  evaluation: Evaluation,
  session: Session,
  submittedMemberIds: readonly string[],
  ctx: OperationContext,
): EvaluationChanged | Unchanged {
  let current = evaluation;
  const audit: AuditEntry[] = [];
  if (current.state === 'in_progress') {
    const to = current.mode === 'jury' ? 'interview_ended' : 'submitted';
    const patch = current.endedAt ? {} : { endedAt: ctx.now.toISOString() };
    const step = applyTransition(current, to, patch, current.mode === 'jury' ? 'evaluation.end' : 'evaluation.submit', ctx);
    current = step.evaluation;
    audit.push(...step.audit);
  }
  if (current.state === 'interview_ended') {
    const expected = expectedMemberIds(session, current);
    if (expected.every((id) => submittedMemberIds.includes(id))) {
      const step = applyTransition(current, 'collection_closed', {}, 'evaluation.collection_close', ctx);
      current = step.evaluation;
      audit.push(...step.audit);
    }
  }
  return audit.length ? { type: 'changed', evaluation: current, audit } : UNCHANGED;
}

/**
 * The president closes the collection. Members who have not submitted are named for
 * confirmation first; once confirmed they go into excludedMemberIds (left off the synthesis).
 */
export function closeCollection(
  evaluation: Evaluation,
  session: Session,
  input: { submittedMemberIds: readonly string[]; confirm: boolean },
  ctx: OperationContext,
): EvaluationChanged | NeedsConfirmation | Invalid | Forbidden {
  const refusal = presidentOnly(session, evaluation, ctx);
  if (refusal) return refusal;
  const check = nextState(evaluation.mode, evaluation.state, 'close_collection');
  if (check.type === 'forbidden') return check;
  const expected = expectedMemberIds(session, evaluation);
  const missing = expected.filter((id) => !input.submittedMemberIds.includes(id));
  if (missing.length === expected.length) return invalid('no_submission');
  if (missing.length > 0 && !input.confirm) return { type: 'needs_confirmation', reason: 'members_not_submitted', ids: missing };
  const excludedMemberIds = [...evaluation.excludedMemberIds, ...missing];
  return applyTransition(evaluation, check.to, { excludedMemberIds }, 'evaluation.collection_close', ctx);
}

/** Checks a free-text reason (cancel, reopen): required, at most LIMITS.reason characters. */
export function checkReason(reason: string | undefined | null): { type: 'ok'; reason: string } | Invalid {
  const trimmed = (reason ?? '').trim();
  if (!trimmed) return invalid('reason_required', { field: 'reason' });
  if (trimmed.length > LIMITS.reason) return invalid('reason_too_long', { field: 'reason' });
  return { type: 'ok', reason: trimmed };
}

/** The president cancels (e.g. absent candidate): kept, with the reason and the state it came from. */
export function cancelEvaluation(
  evaluation: Evaluation,
  session: Session,
  input: { reason: string },
  ctx: OperationContext,
): EvaluationChanged | Invalid | Forbidden {
  const refusal = presidentOnly(session, evaluation, ctx);
  if (refusal) return refusal;
  const check = nextState(evaluation.mode, evaluation.state, 'cancel');
  if (check.type === 'forbidden') return check;
  const reason = checkReason(input.reason);
  if (reason.type === 'invalid') return reason;
  const cancellation = { reason: reason.reason, at: ctx.now.toISOString(), by: ctx.actorId, from: evaluation.state };
  return applyTransition(evaluation, check.to, { cancellation }, 'evaluation.cancel', ctx, reason.reason);
}
