import {
  checkRevision,
  forbidden,
  followTransition,
  juryOf,
  reopenGrid,
  reopenSigned,
} from '../../../domain/index.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { appendAudit, evaluationContext } from '../evaluation/scope.js';
import { deliverConsolidation, presidentScope, updateSynthesis } from './consolidation-flow.js';
import { changeEvaluation, fingerprintOf, namesOf, reasonForm, refuse, refuseStale, tell } from './evaluation-forms.js';
import type { PresidentSubmission } from './verbs.js';

type Of<V extends PresidentSubmission['verb']> = Extract<PresidentSubmission, { verb: V }>;

/** Reopens one member's submitted grid, with a reason, before signature; the member is told. */
export async function reopenMemberGrid(turn: Turn, submission: Of<'grid.reopen'>): Promise<void> {
  const scope = await presidentScope(turn, submission.evaluationId);
  if (!scope) return;
  const memberId = submission.memberId ?? '';
  const grid = await turn.services.repositories.grids.get(scope.evaluation.id, memberId);
  if (!grid || !juryOf(scope.session).some((p) => p.id === memberId)) return reasonForm(turn, scope.evaluation.id, 'reopenGrid', turn.t('president.reopenGrid.choose'));
  const ctx = evaluationContext(turn, scope);
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
