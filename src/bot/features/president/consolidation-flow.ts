import { consolidationCard, signPreviewCard, synthesisCard } from '../../../cards/president/index.js';
import {
  canReadConsolidation,
  consolidate,
  createSynthesis,
  followTransition,
  juryOf,
  LIMITS,
  memberReportsFor,
  parsePercentage,
  saveAgreement,
  type AuditAction,
  type AuditEntry,
  type DomainConsolidation,
  type CardSubmission,
  type Evaluation,
  type EvaluationContext,
  type LifecycleAction,
  type MemberGrid,
  type Synthesis,
} from '../../../domain/index.js';
import type { BotServices } from '../../services.js';
import { cardActivity, type Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { viewContext, viewContextFor } from '../evaluation/view-context.js';
import { recipientLocale } from '../evaluation/recipients.js';
import { answerRefusal, invalidMessageKey, operateOn, percentageMessage } from '../../outcomes.js';
import { appendAudit, evaluationContext, loadScope, operationContext, readScope, type EvaluationScope } from '../evaluation/scope.js';
import { commentMaterial, consolidationView, signPreviewView, synthesisView } from './synthesis-views.js';
import { deliverSignedSynthesis } from './synthesis-delivery.js';
import { agreementInputs, type PresidentSubmission } from './verbs.js';

type Save = Extract<PresidentSubmission, { verb: 'synthesis.save' | 'synthesis.preview' }>;

/** The consolidation of the submitted grids of the members kept in the collection (`read`: grids the turn has just read). */
async function consolidationOf(services: BotServices, scope: EvaluationScope, read?: readonly MemberGrid[]): Promise<DomainConsolidation[]> {
  const grids = read ?? (await services.repositories.grids.listForEvaluation(scope.evaluation.id, juryOf(scope.session).map((p) => p.id)));
  return consolidate(scope.referential, memberReportsFor(scope.session, scope.evaluation, grids), { divergenceThreshold: services.divergenceThreshold });
}

/** The synthesis draft, created on first need, pre-filled with the rounded means and the members' comments. */
async function ensureSynthesis(services: BotServices, scope: EvaluationScope, consolidation: readonly DomainConsolidation[]): Promise<Synthesis | undefined> {
  const existing = await services.repositories.syntheses.get(scope.evaluation.id);
  if (existing) return existing;
  const ctx = { actorId: scope.session.president.id, now: services.clock.now(), newId: services.newId };
  const created = createSynthesis(scope.evaluation, consolidation, ctx, commentMaterial(scope, consolidation));
  if (created.type !== 'created') return undefined;
  const saved = await services.repositories.syntheses.save(created.synthesis, null);
  if (saved.type === 'saved') {
    for (const entry of created.audit) await services.repositories.audit.append(entry);
    return saved.record;
  }
  return saved.current;
}

/**
 * Unprompted, in the president's own chat, once every grid is in (or the
 * collection was closed): the consolidation card. Idempotent per closing.
 * `read`: the evaluation as it now is and the grids the turn has just read, so none is read again.
 */
export async function deliverConsolidation(
  services: BotServices,
  evaluationId: string,
  read?: { scope: EvaluationScope; grids: readonly MemberGrid[] },
): Promise<void> {
  const scope = read ? { ...read.scope, role: 'president' as const } : await readScope(services, evaluationId, (session) => session.president.id);
  if (!scope) return;
  const consolidation = await consolidationOf(services, scope, read?.grids);
  const synthesis = await ensureSynthesis(services, scope, consolidation);
  if (!synthesis) return;
  const president = scope.session.president;
  const view = viewContextFor(await recipientLocale(services, president.id), services.clock.now(), services.timezone);
  const text = view.t(scope.session.mode === 'jury' ? 'president.consolidation.ready' : 'president.consolidation.readyProfessional', { candidate: candidateName(scope) });
  const card = consolidationCard(consolidationView(view, scope, synthesis, consolidation, services.divergenceThreshold));
  await services.notifier.notify({
    key: `consolidation/${evaluationId}/${synthesis.updatedAt}/${synthesis.replaced.length}`,
    userId: president.id,
    activity: { ...cardActivity(card, text), text },
  });
}

/** The president's scope, or a message saying why not. */
export async function presidentScope(turn: Turn, evaluationId: string): Promise<EvaluationScope | undefined> {
  const scope = await loadScope(turn, evaluationId);
  if (!scope) return undefined;
  if (scope.role !== 'president') {
    turn.log('info', 'president action refused', { evaluation: evaluationId, outcome: 'not_president' });
    await turn.say(turn.t('evaluation.presidentOnly'));
    return undefined;
  }
  return scope;
}

/**
 * Runs a synthesis operation inside the repository's retry loop, so a concurrent write is
 * re-read rather than shown as a conflict; only the outcome of type `writes` is stored.
 * Undefined when the evaluation has no synthesis yet. `card`: the submission's verb, for its fingerprint.
 */
export async function updateSynthesis<R extends { type: string; synthesis?: Synthesis }>(
  turn: Turn,
  scope: EvaluationScope,
  verb: string,
  writes: R['type'],
  operate: (current: Synthesis, ctx: EvaluationContext, card: CardSubmission) => R,
): Promise<R | undefined> {
  const ctx = evaluationContext(turn, scope);
  return turn.services.repositories.syntheses.update(
    scope.evaluation.id,
    operateOn(
      (current) => operate(current, ctx, { verb }),
      (result) => (result.type === writes ? result.synthesis : undefined),
    ),
  );
}

/**
 * Moves the stored evaluation as `action` says from its current state (conditional update,
 * retried), audits the move, and returns the evaluation as stored.
 */
export async function followEvaluation(turn: Turn, evaluationId: string, action: LifecycleAction, auditAction: AuditAction, reason?: string): Promise<Evaluation> {
  const ctx = operationContext(turn);
  const outcome = await turn.services.repositories.evaluations.update<{ evaluation: Evaluation; audit: readonly AuditEntry[] } | undefined>(evaluationId, (current) => {
    if (!current) return { result: undefined };
    const change = followTransition(current, action, auditAction, ctx, reason);
    // The repository bumps rev on write: the result says so too, for the cards that carry it.
    return change.type === 'changed'
      ? { write: change.evaluation, result: { evaluation: { ...change.evaluation, rev: current.rev + 1 }, audit: change.audit } }
      : { result: { evaluation: current, audit: [] } };
  });
  if (!outcome) throw new Error(`followEvaluation: evaluation ${evaluationId} vanished`);
  await appendAudit(turn, outcome.audit);
  return outcome.evaluation;
}

/** The consolidation card; every path that shows it again (a refusal, a stale card) goes through the same gate. */
export async function sendConsolidation(turn: Turn, scope: EvaluationScope, notice?: string): Promise<void> {
  if (canReadConsolidation(scope.session, scope.evaluation, turn.userId).type === 'deny') {
    await turn.say(turn.t('president.consolidation.notYet'));
    return;
  }
  const consolidation = await consolidationOf(turn.services, scope);
  const synthesis = await ensureSynthesis(turn.services, scope, consolidation);
  if (!synthesis) {
    await turn.say(turn.t('president.consolidation.notYet'));
    return;
  }
  const card = consolidationCard(consolidationView(viewContext(turn), scope, synthesis, consolidation, turn.services.divergenceThreshold, notice));
  await turn.sendCard(card, candidateName(scope));
}

/** `synthesis.open`: the consolidation card, or the signed synthesis once signed. */
export async function openConsolidation(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  if (canReadConsolidation(scope.session, scope.evaluation, turn.userId).type === 'deny') {
    await turn.say(turn.t('president.consolidation.notYet'));
    return;
  }
  const synthesis = await turn.services.repositories.syntheses.get(evaluationId);
  if (scope.evaluation.state === 'signed' && synthesis?.signed) {
    await turn.sendCard(synthesisCard(synthesisView(viewContext(turn), scope, synthesis.signed)));
    // A signature whose run died before telling the members is told now; what was sent is not sent again.
    await deliverSignedSynthesis(turn.services, evaluationId);
    return;
  }
  await sendConsolidation(turn, scope);
}

/** The limit and what was typed, for a refused comment or a refused domain reason (the longest). */
function tooLongCounts(reason: string, input: { comment?: string; domains: Record<string, { notEvaluatedReason: string | null }> }): { max: number; count: number } {
  if (reason === 'comment_too_long') return { max: LIMITS.synthesisComment, count: (input.comment ?? '').trim().length };
  return { max: LIMITS.reason, count: Math.max(0, ...Object.values(input.domains).map((d) => d.notEvaluatedReason?.length ?? 0)) };
}

export async function saveConsolidation(turn: Turn, submission: Save): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const domains: Record<string, { percentage: number | null; notEvaluatedReason: string | null }> = {};
  for (const input of agreementInputs(submission, scope.referential.domains.map((d) => d.id))) {
    const title = scope.referential.domains.find((d) => d.id === input.domainId)?.title ?? input.domainId;
    if (input.notEvaluated) {
      const reason = input.reason?.trim() ?? '';
      if (!reason) {
        await turn.say(`${turn.t('president.reasonRequired', { domain: title })} ${turn.t('evaluation.grid.nothingChanged')}`);
        return sendConsolidation(turn, scope);
      }
      domains[input.domainId] = { percentage: null, notEvaluatedReason: reason };
      continue;
    }
    if (input.agreed === undefined) continue;
    if (input.agreed.trim() === '') {
      domains[input.domainId] = { percentage: null, notEvaluatedReason: null };
      continue;
    }
    const parsed = parsePercentage(input.agreed);
    if (parsed.type === 'invalid') {
      const message = percentageMessage(turn, parsed.reason, input.agreed);
      await turn.say(`${title} : ${message} ${turn.t('evaluation.grid.nothingChanged')}`);
      return sendConsolidation(turn, scope);
    }
    domains[input.domainId] = { percentage: parsed.value, notEvaluatedReason: null };
  }
  const comment = submission.comment?.replace(/\r\n/g, '\n');
  if (comment !== undefined && comment.trim().length > LIMITS.synthesisComment) {
    await turn.say(`${turn.t('president.commentTooLong', { max: LIMITS.synthesisComment, count: comment.trim().length })} ${turn.t('evaluation.grid.nothingChanged')}`);
    await turn.say(turn.t('evaluation.grid.givenBack'));
    for (let start = 0; start < comment.length; start += LIMITS.notes) await turn.say(comment.slice(start, start + LIMITS.notes));
    return sendConsolidation(turn, scope);
  }
  const input = { rev: submission.rev, domains, ...(comment === undefined ? {} : { comment }) };
  // The synthesis the decision was made on (the last attempt's, after a conflict): shown again without reading it twice.
  let decidedOn: Synthesis | undefined;
  const outcome = await updateSynthesis(turn, scope, submission.verb, 'saved', (current, ctx, card) => {
    decidedOn = current;
    return saveAgreement(current, input, ctx, card);
  });
  if (!outcome) return sendConsolidation(turn, scope);
  turn.log('info', 'synthesis save', { evaluation: scope.evaluation.id, outcome: outcome.type });
  switch (outcome.type) {
    case 'invalid':
      await turn.say(`${turn.t(invalidMessageKey(outcome.reason), tooLongCounts(outcome.reason, input))} ${turn.t('evaluation.grid.nothingChanged')}`);
      return sendConsolidation(turn, scope);
    case 'saved':
    case 'unchanged': {
      let current = scope;
      let synthesis = decidedOn;
      if (outcome.type === 'saved') {
        // The synthesis's own entries; the state change is re-decided on the stored evaluation, never copied from this turn's snapshot.
        await appendAudit(turn, outcome.audit.filter((entry) => entry.action.startsWith('synthesis.')));
        current = { ...scope, evaluation: await followEvaluation(turn, scope.evaluation.id, 'consolidate', 'evaluation.consolidate') };
        synthesis = outcome.synthesis;
      }
      if (!synthesis) return;
      if (submission.verb === 'synthesis.preview') {
        await turn.sendCard(signPreviewCard(signPreviewView(viewContext(turn), current, synthesis, turn.userId)), turn.t('president.preview.summary'));
        return;
      }
      return sendConsolidation(turn, current, turn.t('president.saved'));
    }
    default:
      return answerRefusal(turn, outcome, { resend: () => sendConsolidation(turn, scope), forbidden: { evaluation_signed: 'president.signedLocked' } });
  }
}
