import { reasonFormCard } from '../../../cards/president/index.js';
import {
  checkRevision,
  juryOf,
  submissionFingerprint,
  LIMITS,
  type Duplicate,
  type Evaluation,
  type EvaluationChanged,
  type Forbidden,
  type ForbiddenReason,
  type Invalid,
  type InvalidReason,
  type NeedsConfirmation,
  type Stale,
  type Unchanged,
} from '../../../domain/index.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { operateOn } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import { candidateName } from '../evaluation/frame-view.js';
import { recipientLocale } from '../evaluation/recipients.js';
import { giveBack } from '../evaluation/row-input.js';
import type { EvaluationScope } from '../evaluation/scope.js';
import { viewContextFor } from '../evaluation/view-context.js';
import { presidentScope } from './consolidation-flow.js';
import { showDashboard } from './dashboard-flow.js';

/**
 * What the president's evaluation forms share: the reason form, the evaluation revision a form
 * carries (a stale form is refused with the current dashboard), the refusals, and the one-line
 * messages sent to members.
 */

/** What a refused president action says, by reason; « action refusée » otherwise. */
const REFUSALS: Partial<Record<ForbiddenReason | InvalidReason, MessageKey>> = {
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
export async function refuse(turn: Turn, outcome: Forbidden | Invalid, reason = ''): Promise<void> {
  const counts = { max: LIMITS.reason, count: reason.trim().length };
  await turn.say(`${turn.t(REFUSALS[outcome.reason] ?? 'president.refused', counts)} ${turn.t('evaluation.grid.nothingChanged')}`);
  // The form comes back empty: what was typed comes back as a message, to copy and shorten.
  if (outcome.reason === 'reason_too_long') await giveBack(turn, reason);
}

export function namesOf(scope: EvaluationScope, ids: readonly string[]): string[] {
  return juryOf(scope.session).filter((p) => ids.includes(p.id)).map((p) => p.name);
}

export async function submittedIds(turn: Turn, scope: EvaluationScope): Promise<string[]> {
  const grids = await turn.services.repositories.grids.listForEvaluation(scope.evaluation.id, juryOf(scope.session).map((p) => p.id));
  return grids.filter((g) => g.state === 'submitted').map((g) => g.memberId);
}

/** What a president's form carries: the evaluation revision it was shown at, and what was typed. */
export interface Form {
  verb: string;
  evaluationRev: number | undefined;
  values: unknown;
}

export function fingerprintOf(turn: Turn, evaluationId: string, form: Form): string {
  return submissionFingerprint({ verb: form.verb, ids: { evaluationId, actorId: turn.userId }, rev: form.evaluationRev ?? -1, values: form.values });
}

/**
 * Saves an evaluation change decided on the stored record (conditional update, retried on
 * conflict), if the form was shown at the evaluation's current revision: an older one is stale
 * (a form without a revision too), the very submission last applied is a double click.
 */
export async function changeEvaluation<R extends EvaluationChanged | NeedsConfirmation | Forbidden | Invalid | Unchanged | { type: 'corrected'; evaluation: Evaluation }>(
  turn: Turn,
  evaluationId: string,
  form: Form,
  apply: (current: Evaluation) => R,
): Promise<R | Duplicate | Stale<Evaluation> | undefined> {
  const fingerprint = fingerprintOf(turn, evaluationId, form);
  return turn.services.repositories.evaluations.update(
    evaluationId,
    operateOn<Evaluation, R | Duplicate | Stale<Evaluation>>(
      (current) => {
        const revision = checkRevision(current, form.evaluationRev ?? -1, fingerprint);
        return revision.type === 'current' ? apply(current) : revision;
      },
      (result) => ('evaluation' in result ? { ...result.evaluation, lastSubmission: fingerprint } : undefined),
    ),
  );
}

/** A form shown before the evaluation changed: refused, nothing changed, and the current dashboard instead. */
export async function refuseStale(turn: Turn, outcome: Duplicate | Stale<Evaluation>): Promise<void> {
  turn.log('info', 'president form refused', { outcome: outcome.type });
  if (outcome.type === 'duplicate') return;
  await showDashboard(turn, turn.t('error.oldCard'));
}

/** Tells each of these people one sentence, in their language, in their own chat. */
export async function tell(turn: Turn, ids: readonly string[], key: string, message: (t: ReturnType<typeof viewContextFor>['t']) => string): Promise<void> {
  for (const id of ids) {
    if (id === turn.userId) continue;
    const view = viewContextFor(await recipientLocale(turn.services, id), turn.now(), turn.services.timezone);
    await turn.services.notifier.notify({ key: `${key}/${id}`, userId: id, activity: { type: 'message', text: message(view.t) } });
  }
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
