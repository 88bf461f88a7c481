import { confirmCard, headerFormCard, reasonFormCard } from '../../../cards/president/index.js';
import {
  cancelEvaluation,
  closeCollection,
  correctHeader,
  expectedMemberIds,
  isoDate,
  juryOf,
  reopenGrid,
  reopenSigned,
  type EvaluationChanged,
  type Forbidden,
  type Invalid,
  type NeedsConfirmation,
  LIMITS,
} from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { operateOn } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { viewContextFor } from '../evaluation/view-context.js';
import { recipientLocale } from '../evaluation/recipients.js';
import { giveBack } from '../evaluation/row-input.js';
import { appendAudit, operationContext, type EvaluationScope } from '../evaluation/scope.js';
import { deliverConsolidation, presidentScope, sendConsolidation } from './consolidation-flow.js';
import { showDashboard } from './dashboard-flow.js';
import type { PresidentSubmission } from './verbs.js';

type Of<V extends PresidentSubmission['verb']> = Extract<PresidentSubmission, { verb: V }>;

const REFUSALS: Partial<Record<string, MessageKey>> = {
  not_president: 'evaluation.presidentOnly',
  not_a_member: 'evaluation.notFound',
  evaluation_signed: 'president.signedLocked',
  evaluation_closed: 'evaluation.grid.closed',
  reason_required: 'president.reason.required',
  reason_too_long: 'evaluation.grid.reasonTooLong',
  interview_not_started: 'president.notStarted',
  collection_closed: 'president.collectionClosed',
  no_submission: 'president.noSubmission',
  invalid_header: 'president.header.invalid',
};

/** `reason` is the motive the president typed, counted when it is too long. */
async function refuse(turn: Turn, outcome: Forbidden | Invalid, reason = ''): Promise<void> {
  const counts = { max: LIMITS.reason, count: reason.trim().length };
  await turn.say(`${turn.t(REFUSALS[outcome.reason] ?? 'president.refused', counts)} ${turn.t('evaluation.grid.nothingChanged')}`);
  // The form comes back empty: what was typed comes back as a message, to copy and shorten.
  if (outcome.reason === 'reason_too_long') await giveBack(turn, reason);
}

function namesOf(scope: EvaluationScope, ids: readonly string[]): string[] {
  return juryOf(scope.session).filter((p) => ids.includes(p.id)).map((p) => p.name);
}

async function submittedIds(turn: Turn, scope: EvaluationScope): Promise<string[]> {
  const grids = await turn.services.repositories.grids.listForEvaluation(scope.evaluation.id, juryOf(scope.session).map((p) => p.id));
  return grids.filter((g) => g.state === 'submitted').map((g) => g.memberId);
}

/** Saves an evaluation change with conflict retry. */
async function changeEvaluation<R extends EvaluationChanged | NeedsConfirmation | Forbidden | Invalid | { type: 'unchanged' } | { type: 'corrected' }>(
  turn: Turn,
  evaluationId: string,
  apply: (current: EvaluationScope['evaluation']) => R,
): Promise<R | undefined> {
  return turn.services.repositories.evaluations.update(
    evaluationId,
    operateOn(apply, (result) => ('evaluation' in result ? (result as { evaluation: EvaluationScope['evaluation'] }).evaluation : undefined)),
  );
}

/** Tells each of these people one sentence, in their language, in their own chat. */
async function tell(turn: Turn, ids: readonly string[], key: string, message: (t: ReturnType<typeof viewContextFor>['t']) => string): Promise<void> {
  for (const id of ids) {
    if (id === turn.userId) continue;
    const view = viewContextFor(await recipientLocale(turn.services, id), turn.now(), turn.services.timezone);
    await turn.services.notifier.notify({ key: `${key}/${id}`, userId: id, activity: { type: 'message', text: message(view.t) } });
  }
}

/** *Relancer*: names who has not submitted, asks for confirmation, then reminds them. */
export async function remind(turn: Turn, submission: Of<'evaluation.remind'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const submitted = await submittedIds(turn, scope);
  const missing = expectedMemberIds(scope.session, scope.evaluation).filter((id) => !submitted.includes(id) && id !== turn.userId);
  if (missing.length === 0) {
    await turn.say(turn.t('president.remind.nobody'));
    return;
  }
  const confirmed = submission.confirm === true || submission.confirm === 'true';
  if (!confirmed) {
    const names = namesOf(scope, missing);
    await turn.sendCard(confirmCard({ locale: turn.locale, evaluationId: scope.evaluation.id, action: 'remind', title: turn.t('president.remind.title'), explanation: turn.t('president.remind.explanation', { candidate: candidateName(scope) }), names }));
    return;
  }
  const key = `remind/${scope.evaluation.id}/${turn.now().toISOString()}`;
  await tell(turn, missing, key, (t) => t('president.remind.message', { president: scope.session.president.name, candidate: candidateName(scope) }));
  await turn.say(turn.t('president.remind.done', { names: namesOf(scope, missing).join(', ') }));
}

/** *Clore la collecte*: names who has not submitted (they are left off the synthesis), then closes. */
export async function close(turn: Turn, submission: Of<'evaluation.close'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const submitted = await submittedIds(turn, scope);
  const confirm = submission.confirm === true || submission.confirm === 'true';
  const ctx = operationContext(turn);
  const outcome = await changeEvaluation(turn, scope.evaluation.id, (current) => closeCollection(current, scope.session, { submittedMemberIds: submitted, confirm }, ctx));
  if (!outcome) return;
  if (outcome.type === 'needs_confirmation') {
    const names = namesOf(scope, outcome.ids);
    await turn.sendCard(confirmCard({ locale: turn.locale, evaluationId: scope.evaluation.id, action: 'close', title: turn.t('president.close.title'), explanation: turn.t('president.close.explanation'), names }));
    return;
  }
  if (outcome.type !== 'changed') return refuse(turn, outcome);
  await appendAudit(turn, outcome.audit);
  turn.log('info', 'collection closed', { evaluation: scope.evaluation.id, excluded: outcome.evaluation.excludedMemberIds.length });
  await turn.say(turn.t('president.close.done', { candidate: candidateName(scope) }));
  await sendConsolidation(turn, { ...scope, evaluation: outcome.evaluation });
}

export async function reasonForm(turn: Turn, evaluationId: string, action: 'cancel' | 'reopenGrid' | 'reopenSynthesis', error?: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const submitted = await submittedIds(turn, scope);
  const members = juryOf(scope.session).filter((p) => submitted.includes(p.id)).map((p) => ({ id: p.id, title: `${p.name} (${p.function})` }));
  await turn.sendCard(
    reasonFormCard({
      locale: turn.locale,
      evaluationId,
      action,
      title: turn.t(`president.${action}.title`),
      explanation: turn.t(`president.${action}.explanation`, { candidate: candidateName(scope) }),
      ...(action === 'reopenGrid' ? { members } : {}),
      ...(error ? { error } : {}),
    }),
  );
}

/** Cancels an evaluation with a reason (e.g. absent candidate); kept, with its trail. */
export async function cancel(turn: Turn, submission: Of<'evaluation.cancel'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const ctx = operationContext(turn);
  const outcome = await changeEvaluation(turn, scope.evaluation.id, (current) => cancelEvaluation(current, scope.session, { reason: submission.reason ?? '' }, ctx));
  if (!outcome) return;
  if (outcome.type === 'invalid' && outcome.reason === 'reason_required') return reasonForm(turn, scope.evaluation.id, 'cancel', turn.t('president.reason.required'));
  if (outcome.type !== 'changed') return refuse(turn, outcome, submission.reason);
  await appendAudit(turn, outcome.audit);
  await turn.say(turn.t('president.cancel.done', { candidate: candidateName(scope) }));
  await tell(turn, juryOf(scope.session).map((p) => p.id), `cancelled/${scope.evaluation.id}`, (t) => t('president.cancel.told', { candidate: candidateName(scope), reason: submission.reason ?? '' }));
}

/** Reopens one member's submitted grid, with a reason, before signature; the member is told. */
export async function reopenMemberGrid(turn: Turn, submission: Of<'grid.reopen'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const memberId = submission.memberId ?? '';
  const grid = await turn.services.repositories.grids.get(scope.evaluation.id, memberId);
  if (!grid || !juryOf(scope.session).some((p) => p.id === memberId)) return reasonForm(turn, scope.evaluation.id, 'reopenGrid', turn.t('president.reopenGrid.choose'));
  const ctx = { ...operationContext(turn), referential: scope.referential, session: scope.session, evaluation: scope.evaluation };
  const outcome = reopenGrid(grid, { rev: grid.rev, reason: submission.reason ?? '' }, ctx);
  if (outcome.type === 'invalid' && outcome.reason === 'reason_required') return reasonForm(turn, scope.evaluation.id, 'reopenGrid', turn.t('president.reason.required'));
  if (outcome.type !== 'reopened') {
    if (outcome.type === 'duplicate' || outcome.type === 'stale') return;
    return refuse(turn, outcome, submission.reason);
  }
  const saved = await turn.services.repositories.grids.save(outcome.grid, grid.rev);
  if (saved.type !== 'saved') {
    await turn.say(turn.t('error.oldCard'));
    return;
  }
  await turn.services.repositories.evaluations.save(outcome.evaluation);
  await appendAudit(turn, outcome.audit);
  const name = namesOf(scope, [memberId])[0] ?? memberId;
  await turn.say(turn.t('president.reopenGrid.done', { name }));
  await tell(turn, [memberId], `grid-reopened/${scope.evaluation.id}/${outcome.grid.rev}`, (t) =>
    t('president.reopenGrid.told', { president: scope.session.president.name, candidate: candidateName(scope), reason: submission.reason ?? '' }),
  );
}

/** Reopens a signed synthesis: the signed version is kept as "remplacée"; members are told. */
export async function reopenSynthesis(turn: Turn, submission: Of<'synthesis.reopen'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const synthesis = await turn.services.repositories.syntheses.get(scope.evaluation.id);
  if (!synthesis) return refuse(turn, { type: 'forbidden', reason: 'illegal_transition' });
  const ctx = { ...operationContext(turn), referential: scope.referential, session: scope.session, evaluation: scope.evaluation };
  const outcome = reopenSigned(synthesis, { rev: synthesis.rev, reason: submission.reason ?? '' }, ctx);
  if (outcome.type === 'invalid' && outcome.reason === 'reason_required') return reasonForm(turn, scope.evaluation.id, 'reopenSynthesis', turn.t('president.reason.required'));
  if (outcome.type !== 'reopened') {
    if (outcome.type === 'duplicate' || outcome.type === 'stale') return;
    return refuse(turn, outcome, submission.reason);
  }
  const saved = await turn.services.repositories.syntheses.save(outcome.synthesis, synthesis.rev);
  if (saved.type !== 'saved') {
    await turn.say(turn.t('error.oldCard'));
    return;
  }
  await turn.services.repositories.evaluations.save(outcome.evaluation);
  await appendAudit(turn, outcome.audit);
  const members = synthesis.signed?.members.map((p) => p.id) ?? [];
  await tell(turn, members, `synthesis-reopened/${scope.evaluation.id}/${outcome.synthesis.rev}`, (t) =>
    t('president.reopenSynthesis.told', { president: scope.session.president.name, candidate: candidateName(scope), reason: submission.reason ?? '' }),
  );
  await turn.say(turn.t('president.reopenSynthesis.done'));
  await deliverConsolidation(turn.services, scope.evaluation.id);
}

export async function headerForm(turn: Turn, evaluationId: string, error?: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const { header } = scope.evaluation;
  await turn.sendCard(headerFormCard({ locale: turn.locale, evaluationId, date: header.date, candidateLastName: header.candidateLastName, candidateFirstName: header.candidateFirstName, company: header.company, ...(error ? { error } : {}) }));
}

/** Header correction, audited field by field. */
export async function correct(turn: Turn, submission: Of<'evaluation.header'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  if (submission.date !== undefined && !isoDate.safeParse(submission.date).success) return headerForm(turn, scope.evaluation.id, turn.t('evaluation.create.badDate'));
  const patch = {
    ...(submission.date ? { date: submission.date } : {}),
    ...(submission.candidateLastName !== undefined ? { candidateLastName: submission.candidateLastName.trim() } : {}),
    ...(submission.candidateFirstName !== undefined ? { candidateFirstName: submission.candidateFirstName.trim() } : {}),
    ...(submission.company !== undefined ? { company: submission.company.trim() } : {}),
  };
  const ctx = operationContext(turn);
  const outcome = await changeEvaluation(turn, scope.evaluation.id, (current) => correctHeader(current, scope.session, patch, ctx));
  if (!outcome) return;
  if (outcome.type === 'invalid') return headerForm(turn, scope.evaluation.id, turn.t('president.header.invalid'));
  if (outcome.type === 'unchanged') {
    await turn.say(turn.t('president.header.unchanged'));
    return;
  }
  if (outcome.type !== 'corrected') return refuse(turn, outcome as Forbidden);
  await appendAudit(turn, outcome.audit);
  await showDashboard(turn, turn.t('president.header.done'));
}
