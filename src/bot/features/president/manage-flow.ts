import { confirmCard, headerFormCard } from '../../../cards/president/index.js';
import { cancelEvaluation, closeCollection, correctHeader, expectedMemberIds, isoDate, juryOf, type Forbidden } from '../../../domain/index.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { appendAudit, operationContext } from '../evaluation/scope.js';
import { presidentScope, sendConsolidation } from './consolidation-flow.js';
import { showDashboard } from './dashboard-flow.js';
import { changeEvaluation, namesOf, reasonForm, refuse, refuseStale, submittedIds, tell } from './evaluation-forms.js';
import type { PresidentSubmission } from './verbs.js';

type Of<V extends PresidentSubmission['verb']> = Extract<PresidentSubmission, { verb: V }>;

/** *Relancer*: names who has not submitted, asks for confirmation, then reminds them. */
export async function remind(turn: Turn, submission: Of<'evaluation.remind'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  // Nothing is stored, but a reminder decided on an older card may name the wrong people.
  if (submission.evaluationRev !== scope.evaluation.rev) return refuseStale(turn, { type: 'stale', current: scope.evaluation });
  const submitted = await submittedIds(turn, scope);
  const missing = expectedMemberIds(scope.session, scope.evaluation).filter((id) => !submitted.includes(id) && id !== turn.userId);
  if (missing.length === 0) {
    await turn.say(turn.t('president.remind.nobody'));
    return;
  }
  const confirmed = submission.confirm === true || submission.confirm === 'true';
  if (!confirmed) {
    const names = namesOf(scope, missing);
    await turn.sendCard(confirmCard({ locale: turn.locale, evaluationId: scope.evaluation.id, evaluationRev: scope.evaluation.rev, action: 'remind', title: turn.t('president.remind.title'), explanation: turn.t('president.remind.explanation', { candidate: candidateName(scope) }), names }));
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
  const form = { verb: submission.verb, evaluationRev: submission.evaluationRev, values: { confirm } };
  const outcome = await changeEvaluation(turn, scope.evaluation.id, form, (current) => closeCollection(current, scope.session, { submittedMemberIds: submitted, confirm }, ctx));
  if (!outcome) return;
  if (outcome.type === 'duplicate' || outcome.type === 'stale') return refuseStale(turn, outcome);
  if (outcome.type === 'needs_confirmation') {
    const names = namesOf(scope, outcome.ids);
    // Nothing was written: the form's revision is still the evaluation's.
    await turn.sendCard(confirmCard({ locale: turn.locale, evaluationId: scope.evaluation.id, evaluationRev: submission.evaluationRev ?? scope.evaluation.rev, action: 'close', title: turn.t('president.close.title'), explanation: turn.t('president.close.explanation'), names }));
    return;
  }
  if (outcome.type !== 'changed') return refuse(turn, outcome);
  await appendAudit(turn, outcome.audit);
  turn.log('info', 'collection closed', { evaluation: scope.evaluation.id, excluded: outcome.evaluation.excludedMemberIds.length });
  await turn.say(turn.t('president.close.done', { candidate: candidateName(scope) }));
  await sendConsolidation(turn, { ...scope, evaluation: { ...outcome.evaluation, rev: scope.evaluation.rev + 1 } });
}

/** Cancels an evaluation with a reason (e.g. absent candidate); kept, with its trail. */
export async function cancel(turn: Turn, submission: Of<'evaluation.cancel'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const ctx = operationContext(turn);
  const form = { verb: submission.verb, evaluationRev: submission.evaluationRev, values: { reason: submission.reason ?? '' } };
  const outcome = await changeEvaluation(turn, scope.evaluation.id, form, (current) => cancelEvaluation(current, scope.session, { reason: submission.reason ?? '' }, ctx));
  if (!outcome) return;
  if (outcome.type === 'duplicate' || outcome.type === 'stale') return refuseStale(turn, outcome);
  if (outcome.type === 'invalid' && outcome.reason === 'reason_required') return reasonForm(turn, scope.evaluation.id, 'cancel', turn.t('president.reason.required'));
  if (outcome.type !== 'changed') return refuse(turn, outcome, submission.reason);
  await appendAudit(turn, outcome.audit);
  await turn.say(turn.t('president.cancel.done', { candidate: candidateName(scope) }));
  await tell(turn, juryOf(scope.session).map((p) => p.id), `cancelled/${scope.evaluation.id}`, (t) => t('president.cancel.told', { candidate: candidateName(scope), reason: submission.reason ?? '' }));
}

export async function headerForm(turn: Turn, evaluationId: string, error?: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const { header } = scope.evaluation;
  await turn.sendCard(headerFormCard({ locale: turn.locale, evaluationId, evaluationRev: scope.evaluation.rev, date: header.date, candidateLastName: header.candidateLastName, candidateFirstName: header.candidateFirstName, company: header.company, ...(error ? { error } : {}) }));
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
  const form = { verb: submission.verb, evaluationRev: submission.evaluationRev, values: patch };
  const outcome = await changeEvaluation(turn, scope.evaluation.id, form, (current) => correctHeader(current, scope.session, patch, ctx));
  if (!outcome) return;
  if (outcome.type === 'duplicate') return;
  if (outcome.type === 'stale') {
    // The form comes back with what is stored now.
    await turn.say(turn.t('error.oldCard'));
    return headerForm(turn, scope.evaluation.id);
  }
  if (outcome.type === 'invalid') return headerForm(turn, scope.evaluation.id, turn.t('president.header.invalid'));
  if (outcome.type === 'unchanged') {
    await turn.say(turn.t('president.header.unchanged'));
    return;
  }
  if (outcome.type !== 'corrected') return refuse(turn, outcome as Forbidden);
  await appendAudit(turn, outcome.audit);
  await showDashboard(turn, turn.t('president.header.done'));
}
