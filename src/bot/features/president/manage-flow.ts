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
  checkRevision,
  submissionFingerprint,
  followTransition,
  forbidden,
  type Duplicate,
  type Evaluation,
  type Stale,
  type Unchanged,
  type EvaluationChanged,
  type Forbidden,
  type Invalid,
  type NeedsConfirmation,
  LIMITS,
} from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { viewContextFor } from '../evaluation/view-context.js';
import { recipientLocale } from '../evaluation/recipients.js';
import { giveBack } from '../evaluation/row-input.js';
import { appendAudit, operationContext, type EvaluationScope } from '../evaluation/scope.js';
import { deliverConsolidation, presidentScope, sendConsolidation, updateSynthesis } from './consolidation-flow.js';
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

/** What a president's form carries: the evaluation revision it was shown at, and what was typed. */
interface Form {
  verb: string;
  evaluationRev: number | undefined;
  values: unknown;
}

function fingerprintOf(turn: Turn, evaluationId: string, form: Form): string {
  return submissionFingerprint({ verb: form.verb, ids: { evaluationId, actorId: turn.userId }, rev: form.evaluationRev ?? -1, values: form.values });
}

/**
 * Saves an evaluation change decided on the stored record (conditional update, retried on
 * conflict), if the form was shown at the evaluation's current revision: an older one is stale
 * (a form without a revision too), the very submission last applied is a double click.
 */
async function changeEvaluation<R extends EvaluationChanged | NeedsConfirmation | Forbidden | Invalid | Unchanged | { type: 'corrected'; evaluation: Evaluation }>(
  turn: Turn,
  evaluationId: string,
  form: Form,
  apply: (current: Evaluation) => R,
): Promise<R | Duplicate | Stale<Evaluation> | undefined> {
  const fingerprint = fingerprintOf(turn, evaluationId, form);
  return turn.services.repositories.evaluations.update<R | Duplicate | Stale<Evaluation> | undefined>(evaluationId, (current) => {
    if (!current) return { result: undefined };
    const revision = checkRevision(current, form.evaluationRev ?? -1, fingerprint);
    if (revision.type !== 'current') return { result: revision };
    const result = apply(current);
    const written = 'evaluation' in result ? result.evaluation : undefined;
    return written ? { write: { ...written, lastSubmission: fingerprint }, result } : { result };
  });
}

/** A form shown before the evaluation changed: refused, nothing changed, and the current dashboard instead. */
async function refuseStale(turn: Turn, outcome: Duplicate | Stale<Evaluation>): Promise<void> {
  turn.log('info', 'president form refused', { outcome: outcome.type });
  if (outcome.type === 'duplicate') return;
  await showDashboard(turn, turn.t('error.oldCard'));
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

export async function reasonForm(turn: Turn, evaluationId: string, action: 'cancel' | 'reopenGrid' | 'reopenSynthesis', error?: string): Promise<void> {
  const scope = await presidentScope(turn, evaluationId);
  if (!scope) return;
  const submitted = await submittedIds(turn, scope);
  const members = juryOf(scope.session).filter((p) => submitted.includes(p.id)).map((p) => ({ id: p.id, title: `${p.name} (${p.function})` }));
  await turn.sendCard(
    reasonFormCard({
      locale: turn.locale,
      evaluationId,
      evaluationRev: scope.evaluation.rev,
      action,
      title: turn.t(`president.${action}.title`),
      // A lone professional has no members to inform.
      explanation: turn.t(
        action === 'reopenSynthesis' && scope.session.mode === 'professional' ? 'president.reopenSynthesis.explanationAlone' : `president.${action}.explanation`,
        { candidate: candidateName(scope) },
      ),
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
  // The evaluation first, on its stored state and only from a current form: a run killed before the grid's
  // write leaves the collection open with every grid still in, and the president can reopen again.
  const form = { verb: submission.verb, evaluationRev: submission.evaluationRev, values: { memberId, reason: submission.reason ?? '' } };
  const moved = await changeEvaluation(turn, scope.evaluation.id, form, (current) => followTransition(current, 'reopen_grid', 'evaluation.collection_reopen', ctx, outcome.grid.reopenings.at(-1)?.reason));
  if (!moved) return;
  if (moved.type === 'duplicate' || moved.type === 'stale') return refuseStale(turn, moved);
  if (moved.type === 'forbidden') return refuse(turn, moved, submission.reason);
  const saved = await turn.services.repositories.grids.save(outcome.grid, grid.rev);
  if (saved.type !== 'saved') {
    await turn.say(turn.t('error.oldCard'));
    return;
  }
  await appendAudit(turn, [...outcome.audit.filter((entry) => entry.action.startsWith('grid.')), ...(moved.type === 'changed' ? moved.audit : [])]);
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
  const form = { verb: submission.verb, evaluationRev: submission.evaluationRev, values: { reason: submission.reason ?? '' } };
  const revision = checkRevision(scope.evaluation, form.evaluationRev ?? -1, fingerprintOf(turn, scope.evaluation.id, form));
  if (revision.type !== 'current') return refuseStale(turn, revision);
  const synthesis = await turn.services.repositories.syntheses.get(scope.evaluation.id);
  if (!synthesis?.signed) return refuse(turn, { type: 'forbidden', reason: 'illegal_transition' });
  // Decided on the stored synthesis (retried on conflict): a second reopen finds nothing signed any more.
  const outcome = await updateSynthesis(turn, scope, 'synthesis.reopen', 'reopened', (current, ctx) =>
    current.signed ? reopenSigned(current, { rev: current.rev, reason: submission.reason ?? '' }, ctx) : forbidden('illegal_transition', scope.evaluation.state),
  );
  if (!outcome) return;
  if (outcome.type === 'invalid' && outcome.reason === 'reason_required') return reasonForm(turn, scope.evaluation.id, 'reopenSynthesis', turn.t('president.reason.required'));
  if (outcome.type !== 'reopened') {
    if (outcome.type === 'duplicate' || outcome.type === 'stale') return refuseStale(turn, { type: 'stale', current: scope.evaluation });
    return refuse(turn, outcome, submission.reason);
  }
  // The synthesis is the source of truth; the evaluation (and the audit) follow from it, on a later read too.
  await turn.services.repositories.evaluations.settle(scope.evaluation.id, outcome.synthesis);
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
