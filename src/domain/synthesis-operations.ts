import type { AuditEntry, DomainAgreement, Evaluation, Synthesis } from './model.js';
import { LIMITS } from './model.js';
import type { EvaluationContext, OperationContext } from './operation-context.js';
import type { Duplicate, Forbidden, Invalid, Stale, Unchanged } from './outcome.js';
import { forbidden, invalid, UNCHANGED } from './outcome.js';
import { auditEntry, auditTarget, changedFields } from './audit.js';
import { checkRevision, submissionFingerprint, type CardSubmission } from './check-revision.js';
import type { DomainConsolidation } from './consolidate.js';
import { juryOf } from './jury.js';
import { applyTransition, checkReason, collectionHasClosed, nextState, type EvaluationChanged } from './lifecycle.js';
import { scoreProblem } from './percentage.js';
import { canActAsPresident } from './permissions.js';

/**
 * The president's synthesis (or the lone professional's): one agreed percentage (or
 * *non évalué* with a reason) per domain, one unified comment, then the signature.
 */

export type SynthesisRefusal = Duplicate | Stale<Synthesis> | Forbidden;

export interface SynthesisChanged<T extends 'saved' | 'signed' | 'reopened'> {
  type: T;
  synthesis: Synthesis;
  evaluation: Evaluation;
  audit: AuditEntry[];
}

/**
 * The synthesis once the collection has closed, pre-filled with the rounded means (a domain
 * nobody evaluated stays undecided). `comment` is clipped to the synthesis limit: it is a
 * pre-fill (e.g. the members' domain comments) that the president rewrites.
 */
export function createSynthesis(
  evaluation: Evaluation,
  consolidation: readonly DomainConsolidation[],
  ctx: OperationContext,
  comment = '',
): { type: 'created'; synthesis: Synthesis; audit: AuditEntry[] } | Forbidden {
  if (evaluation.state === 'signed') return forbidden('evaluation_signed', evaluation.state);
  if (evaluation.state === 'cancelled') return forbidden('evaluation_closed', evaluation.state);
  if (!collectionHasClosed(evaluation)) return forbidden('collection_open', evaluation.state);
  const domains = Object.fromEntries(
    consolidation.map((d): [string, DomainAgreement] => [d.domainId, { percentage: d.proposal, notEvaluatedReason: null }]),
  );
  const synthesis: Synthesis = {
    schemaVersion: 1,
    evaluationId: evaluation.id,
    rev: 0,
    domains,
    comment: comment.trim().slice(0, LIMITS.synthesisComment),
    replaced: [],
    updatedAt: ctx.now.toISOString(),
  };
  const audit = synthesisAudit(synthesis, ctx, 'synthesis.create', undefined, { domains });
  return { type: 'created', synthesis, audit: [audit] };
}

function synthesisAudit(
  synthesis: Synthesis,
  ctx: OperationContext,
  action: 'synthesis.create' | 'synthesis.save' | 'synthesis.sign' | 'synthesis.reopen',
  before: unknown,
  after: unknown,
  reason?: string,
): AuditEntry {
  return auditEntry({
    id: ctx.newId(),
    scopeId: synthesis.evaluationId,
    by: ctx.actorId,
    action,
    target: auditTarget.synthesis(synthesis.evaluationId),
    before,
    after,
    now: ctx.now,
    ...(reason === undefined ? {} : { reason }),
  });
}

/** President only, current card (or double click), then the lifecycle's word on `action`. */
function guard(
  synthesis: Synthesis,
  verb: string,
  rev: number,
  values: unknown,
  ctx: EvaluationContext,
  action: 'consolidate' | 'sign' | 'reopen_signed',
  card: CardSubmission | undefined,
): { type: 'go'; fingerprint: string; to: Evaluation['state'] } | SynthesisRefusal {
  if (synthesis.evaluationId !== ctx.evaluation.id || ctx.evaluation.sessionId !== ctx.session.id) {
    throw new Error('synthesis operation: synthesis, evaluation and session do not belong together');
  }
  const president = canActAsPresident(ctx.session, ctx.actorId, action === 'consolidate' ? 'consolidate' : action);
  if (president.type === 'deny') return forbidden(president.reason === 'not_a_member' ? 'not_a_member' : 'not_president');
  const fingerprint = submissionFingerprint({
    verb: card?.verb ?? verb,
    ids: { evaluationId: synthesis.evaluationId, actorId: ctx.actorId },
    rev,
    values: card?.values ?? values,
  });
  const revision = checkRevision(synthesis, rev, fingerprint);
  if (revision.type !== 'current') return revision;
  const check = nextState(ctx.evaluation.mode, ctx.evaluation.state, action);
  if (check.type === 'forbidden') return check;
  return { type: 'go', fingerprint, to: check.to };
}

export interface SaveAgreementInput {
  rev: number;
  /** Per domain: a percentage, or *non évalué* with a reason; both null leaves it undecided. */
  domains: Readonly<Record<string, { percentage: number | null; notEvaluatedReason: string | null }>>;
  comment?: string;
}

/** Saves the agreed values and comment; the evaluation becomes `consolidated` (jury). */
export function saveAgreement(
  synthesis: Synthesis,
  input: SaveAgreementInput,
  ctx: EvaluationContext,
  card?: CardSubmission,
): SynthesisChanged<'saved'> | Unchanged | SynthesisRefusal | Invalid {
  const { rev, ...values } = input;
  const go = guard(synthesis, 'synthesis.save', rev, values, ctx, 'consolidate', card);
  if (go.type !== 'go') return go;

  const domains: Record<string, DomainAgreement> = { ...synthesis.domains };
  for (const [domainId, agreement] of Object.entries(input.domains)) {
    const field = `domains.${domainId}`;
    if (!ctx.referential.domains.some((d) => d.id === domainId)) return invalid('unknown_domain', { field, ids: [domainId] });
    const reason = agreement.notEvaluatedReason?.trim() || null;
    const problem = scoreProblem(agreement.percentage, reason);
    if (problem) return invalid(problem, { field, ids: [domainId] });
    domains[domainId] = { percentage: agreement.percentage, notEvaluatedReason: reason };
  }
  const comment = input.comment === undefined ? synthesis.comment : input.comment.trim();
  if (comment.length > LIMITS.synthesisComment) return invalid('comment_too_long', { field: 'comment' });

  const diff = changedFields({ domains: synthesis.domains, comment: synthesis.comment }, { domains, comment });
  const synthesisChanged = Object.keys(diff.after).length > 0;
  const stateChanges = go.to !== ctx.evaluation.state;
  if (!synthesisChanged && !stateChanges) return UNCHANGED;

  const audit: AuditEntry[] = [];
  let saved = synthesis;
  if (synthesisChanged) {
    saved = { ...synthesis, domains, comment, rev: synthesis.rev + 1, lastSubmission: go.fingerprint, updatedAt: ctx.now.toISOString() };
    audit.push(synthesisAudit(synthesis, ctx, 'synthesis.save', diff.before, diff.after));
  }
  let evaluation = ctx.evaluation;
  if (stateChanges) {
    const change = applyTransition(evaluation, go.to, {}, 'evaluation.consolidate', ctx);
    evaluation = change.evaluation;
    audit.push(...change.audit);
  }
  return { type: 'saved', synthesis: saved, evaluation, audit };
}

/** Domains of the referential without exactly one of a percentage or a reason. */
export function undecidedDomains(synthesis: Pick<Synthesis, 'domains'>, domainIds: readonly string[]): string[] {
  return domainIds.filter((id) => {
    const agreement = synthesis.domains[id];
    const hasPercentage = agreement?.percentage != null;
    const hasReason = Boolean(agreement?.notEvaluatedReason);
    return hasPercentage === hasReason;
  });
}

/**
 * The president signs: every domain decided. The signed version lists the president and the
 * members who took part (not those left out at the collection's close); the record locks.
 * The signer is the jury day's president (the guard has checked the actor is).
 */
export function sign(synthesis: Synthesis, input: { rev: number }, ctx: EvaluationContext, card?: CardSubmission): SynthesisChanged<'signed'> | SynthesisRefusal | Invalid {
  const go = guard(synthesis, 'synthesis.sign', input.rev, {}, ctx, 'sign', card);
  if (go.type !== 'go') return go;
  const domainIds = ctx.referential.domains.map((d) => d.id);
  const undecided = undecidedDomains(synthesis, domainIds);
  if (undecided.length) return invalid('domains_undecided', { field: 'domains', ids: undecided });

  const signedAt = ctx.now.toISOString();
  const [signedBy, ...others] = juryOf(ctx.session);
  if (!signedBy) throw new Error('sign: the jury has no president');
  const members = [signedBy, ...others.filter((p) => !ctx.evaluation.excludedMemberIds.includes(p.id))];
  const signed = {
    domains: Object.fromEntries(domainIds.map((id) => [id, synthesis.domains[id] as DomainAgreement])),
    comment: synthesis.comment,
    signedBy,
    signedAt,
    members,
  };
  const next: Synthesis = { ...synthesis, signed, rev: synthesis.rev + 1, lastSubmission: go.fingerprint, updatedAt: signedAt };
  const settled = settleWithSynthesis(ctx.evaluation, next);
  if (settled.type !== 'changed') throw new Error('sign: the signed synthesis does not settle the evaluation');
  return { type: 'signed', synthesis: next, evaluation: settled.evaluation, audit: settled.audit };
}

/**
 * The president reopens a signed synthesis, with a reason: the signed version is archived
 * as *remplacée*, the evaluation goes back to `consolidated` (jury) or `submitted`
 * (professional), and the members are to be told.
 */
export function reopenSigned(
  synthesis: Synthesis,
  input: { rev: number; reason: string },
  ctx: EvaluationContext,
  card?: CardSubmission,
): SynthesisChanged<'reopened'> | SynthesisRefusal | Invalid {
  const go = guard(synthesis, 'synthesis.reopen', input.rev, { reason: input.reason }, ctx, 'reopen_signed', card);
  if (go.type !== 'go') return go;
  const reason = checkReason(input.reason);
  if (reason.type === 'invalid') return reason;
  const { signed, ...rest } = synthesis;
  if (!signed) throw new Error('reopenSigned: the evaluation is signed but its synthesis is not');
  const replacedAt = ctx.now.toISOString();
  const next: Synthesis = {
    ...rest,
    replaced: [...synthesis.replaced, { ...signed, replacedAt, reason: reason.reason, replacedBy: ctx.actorId }],
    rev: synthesis.rev + 1,
    lastSubmission: go.fingerprint,
    updatedAt: replacedAt,
  };
  const settled = settleWithSynthesis(ctx.evaluation, next);
  if (settled.type !== 'changed') throw new Error('reopenSigned: the reopened synthesis does not settle the evaluation');
  return { type: 'reopened', synthesis: next, evaluation: settled.evaluation, audit: settled.audit };
}

/**
 * The synthesis is the one source of truth of a signature: signing (or reopening) writes it
 * first, then the evaluation's state follows from it. A process killed between the two writes
 * leaves them apart; whoever reads the evaluation next settles it with this (storage does, on
 * read). Deterministic, audit ids included (derived from the signature's instant), so that the
 * signer's own follow-up and a reader's repair write the same state and the same entries once.
 * `synthesisRev` on the evaluation keeps a reader holding an older synthesis from undoing a
 * newer settlement.
 */
export function settleWithSynthesis(evaluation: Evaluation, synthesis: Synthesis | undefined): EvaluationChanged | Unchanged {
  if (!synthesis || (evaluation.synthesisRev ?? -1) >= synthesis.rev) return UNCHANGED;
  const { signed } = synthesis;
  if (signed) {
    const check = nextState(evaluation.mode, evaluation.state, 'sign');
    if (check.type === 'forbidden' || check.to === evaluation.state) return UNCHANGED;
    const ctx = settlementContext(evaluation.id, `sign:${signed.signedAt}`, signed.signedBy.id, signed.signedAt);
    const entry = synthesisAudit(synthesis, ctx, 'synthesis.sign', undefined, { signedBy: signed.signedBy.id, signedAt: signed.signedAt, members: signed.members.map((m) => m.id) });
    const change = applyTransition(evaluation, check.to, {}, 'evaluation.sign', ctx);
    return { type: 'changed', evaluation: { ...change.evaluation, synthesisRev: synthesis.rev }, audit: [entry, ...change.audit] };
  }
  const replaced = synthesis.replaced.at(-1);
  if (evaluation.state !== 'signed' || !replaced) return UNCHANGED;
  const check = nextState(evaluation.mode, evaluation.state, 'reopen_signed');
  if (check.type === 'forbidden') return UNCHANGED;
  const ctx = settlementContext(evaluation.id, `reopen:${replaced.replacedAt}`, replaced.replacedBy ?? replaced.signedBy.id, replaced.replacedAt);
  const entry = synthesisAudit(synthesis, ctx, 'synthesis.reopen', { signedAt: replaced.signedAt }, { replacedAt: replaced.replacedAt }, replaced.reason);
  const change = applyTransition(evaluation, check.to, {}, 'evaluation.reopen_signed', ctx, replaced.reason);
  return { type: 'changed', evaluation: { ...change.evaluation, synthesisRev: synthesis.rev }, audit: [entry, ...change.audit] };
}

/** Ids and instant of a settlement's audit entries, from the event itself: the same on every replay. */
function settlementContext(evaluationId: string, event: string, actorId: string, at: string): OperationContext {
  let count = 0;
  return { actorId, now: new Date(at), newId: () => `${evaluationId}:${event}:${(count += 1)}` };
}
