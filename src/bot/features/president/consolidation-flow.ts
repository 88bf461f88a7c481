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
  type Evaluation,
  type EvaluationContext,
  type LifecycleAction,
  type Synthesis,
} from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import type { BotServices } from '../../services.js';
import { cardActivity, type Turn } from '../../turn.js';
import { candidateName, viewContext, viewContextFor } from '../evaluation/build-views.js';
import { recipientLocale } from '../evaluation/recipients.js';
import { appendAudit, loadScope, operationContext, type EvaluationScope } from '../evaluation/scope.js';
import { commentMaterial, consolidationView, signPreviewView, synthesisView } from './build-views.js';
import { deliverSignedSynthesis } from './synthesis-delivery.js';
import { agreementInputs, type PresidentSubmission } from './verbs.js';

type Save = Extract<PresidentSubmission, { verb: 'synthesis.save' | 'synthesis.preview' }>;

/** The consolidation of the submitted grids of the members kept in the collection. */
async function consolidationOf(services: BotServices, scope: EvaluationScope): Promise<DomainConsolidation[]> {
  const ids = juryOf(scope.session).map((p) => p.id);
  const grids = await services.repositories.grids.listForEvaluation(scope.evaluation.id, ids);
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

async function scopeFor(services: BotServices, evaluationId: string): Promise<EvaluationScope | undefined> {
  const evaluation = await services.repositories.evaluations.get(evaluationId);
  const session = evaluation ? await services.repositories.sessions.get(evaluation.sessionId) : undefined;
  const referential = evaluation ? services.referentials.get(evaluation.referentialId) : undefined;
  return evaluation && session && referential ? { evaluation, session, referential, role: 'president' } : undefined;
}

/**
 * Unprompted, in the president's own chat, once every grid is in (or the
 * collection was closed): the consolidation card. Idempotent per closing.
 */
export async function deliverConsolidation(services: BotServices, evaluationId: string): Promise<void> {
  const scope = await scopeFor(services, evaluationId);
  if (!scope) return;
  const consolidation = await consolidationOf(services, scope);
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
 * Undefined when the evaluation has no synthesis yet.
 */
export async function updateSynthesis<R extends { type: string; synthesis?: Synthesis }>(
  turn: Turn,
  scope: EvaluationScope,
  verb: string,
  writes: R['type'],
  operate: (current: Synthesis, ctx: EvaluationContext) => R,
): Promise<R | undefined> {
  const ctx = { ...operationContext(turn), referential: scope.referential, session: scope.session, evaluation: scope.evaluation, verb };
  return turn.services.repositories.syntheses.update<R | undefined>(scope.evaluation.id, (current) => {
    if (!current) return { result: undefined };
    const result = operate(current, ctx);
    return result.type === writes && result.synthesis ? { write: result.synthesis, result } : { result };
  });
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

const SAVE_REFUSALS: Partial<Record<string, MessageKey>> = {
  percentage_out_of_range: 'evaluation.percentage.out_of_range',
  percentage_not_integer: 'evaluation.percentage.not_integer',
  percentage_and_reason: 'evaluation.grid.percentageAndReason',
  reason_too_long: 'evaluation.grid.reasonTooLong',
  comment_too_long: 'president.commentTooLong',
};

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
      const message = turn.t(`evaluation.percentage.${parsed.reason}` as MessageKey, { value: input.agreed.slice(0, 20) });
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
  const outcome = await updateSynthesis(turn, scope, submission.verb, 'saved', (current, ctx) => saveAgreement(current, input, ctx));
  if (!outcome) return sendConsolidation(turn, scope);
  turn.log('info', 'synthesis save', { evaluation: scope.evaluation.id, outcome: outcome.type });
  switch (outcome.type) {
    case 'duplicate':
      return;
    case 'stale':
      await turn.say(turn.t('error.oldCard'));
      return sendConsolidation(turn, scope);
    case 'forbidden':
      await turn.say(turn.t(outcome.reason === 'evaluation_signed' ? 'president.signedLocked' : 'evaluation.grid.closed'));
      return;
    case 'invalid':
      await turn.say(`${turn.t(SAVE_REFUSALS[outcome.reason] ?? 'error.badSubmission', tooLongCounts(outcome.reason, input))} ${turn.t('evaluation.grid.nothingChanged')}`);
      return sendConsolidation(turn, scope);
    case 'saved':
    case 'unchanged': {
      let current = scope;
      let synthesis = await turn.services.repositories.syntheses.get(scope.evaluation.id);
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
  }
}
