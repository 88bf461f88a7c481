import { notesCard, recordedCard, reportCard, submitConfirmCard } from '../../../cards/evaluation/index.js';
import {
  afterSubmission,
  expectedMemberIds,
  LIMITS,
  setDomainComments,
  submitGrid,
  type MemberGrid,
} from '../../../domain/index.js';
import { answerRefusal, GRID_FORBIDDEN, operateOn } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import { candidateName, rowPlaces } from './frame-view.js';
import { viewContext, viewContextFor } from './view-context.js';
import { reportView } from './report-view.js';
import { deliverConsolidation } from '../president/consolidation-flow.js';
import { personOf } from './profile.js';
import { recipientLocale } from './recipients.js';
import { appendAudit, evaluationContext, loadScope, operationContext, ownGrid, saveCursor, savedGrid, updateOwnGrid, type EvaluationScope } from './scope.js';
import { commentsFrom, type EvaluationSubmission } from './verbs.js';

type CommentsSubmission = Extract<EvaluationSubmission, { verb: 'grid.comments' }>;
type SubmitSubmission = Extract<EvaluationSubmission, { verb: 'grid.submit' }>;

/** The individual report (grille de report des appréciations individuelles). */
export async function sendReport(turn: Turn, scope: EvaluationScope, grid: MemberGrid, notice?: string): Promise<void> {
  const profile = await turn.services.repositories.profiles.get(turn.userId);
  const me = personOf(turn, profile) ?? { id: turn.userId, name: turn.userName, function: '' };
  await saveCursor(turn, { evaluationId: scope.evaluation.id, step: 'report' });
  await turn.sendCard(reportCard(reportView(viewContext(turn), scope, grid, me, notice)), scope.referential.grids.individualReport);
}

export async function showReport(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId, { fillsGrid: true });
  if (!scope) return;
  await sendReport(turn, scope, await ownGrid(turn, scope));
}

/** "Voir les notes": the whole notes of one row of the person's own grid. */
export async function showNotes(turn: Turn, evaluationId: string, rowId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId, { fillsGrid: true });
  if (!scope) return;
  const place = rowPlaces(scope.referential).find((p) => p.row.id === rowId);
  if (!place) {
    await turn.say(turn.t('error.badSubmission'));
    return;
  }
  const grid = await ownGrid(turn, scope);
  await turn.sendCard(notesCard({ locale: turn.locale, evaluationId, rowTitle: place.row.title, notes: grid.rows[rowId]?.notes ?? '' }), place.row.title);
}

function checkComments(turn: Turn, comments: Record<string, string>): string | undefined {
  const tooLong = Object.values(comments).find((c) => c.length > LIMITS.domainComment);
  return tooLong === undefined ? undefined : turn.t('evaluation.report.commentTooLong', { max: LIMITS.domainComment, count: tooLong.length });
}

async function giveBackComments(turn: Turn, comments: Record<string, string>): Promise<void> {
  await turn.say(turn.t('evaluation.grid.givenBack'));
  for (const comment of Object.values(comments).filter(Boolean)) {
    for (let start = 0; start < comment.length; start += LIMITS.notes) await turn.say(comment.slice(start, start + LIMITS.notes));
  }
}

/** Comments over their limit: said with the limit, given back as messages, and the report shown again; nothing saved. */
async function commentsRefused(turn: Turn, scope: EvaluationScope, comments: Record<string, string>): Promise<boolean> {
  const problem = checkComments(turn, comments);
  if (!problem) return false;
  await turn.say(`${problem} ${turn.t('evaluation.grid.nothingChanged')}`);
  await giveBackComments(turn, comments);
  await sendReport(turn, scope, await ownGrid(turn, scope));
  return true;
}

export async function saveComments(turn: Turn, submission: CommentsSubmission): Promise<void> {
  const scope = await loadScope(turn, submission.evaluationId, { fillsGrid: true });
  if (!scope) return;
  const comments = commentsFrom(submission);
  if (await commentsRefused(turn, scope, comments)) return;
  const ctx = evaluationContext(turn, scope);
  const saved = await updateOwnGrid(
    turn,
    scope,
    (grid) => setDomainComments(grid, { rev: submission.rev, comments }, ctx, { verb: submission.verb }),
    savedGrid,
  );
  if (!saved) return;
  const { current, outcome } = saved;
  switch (outcome.type) {
    case 'invalid':
      await turn.say(turn.t('error.badSubmission'));
      return sendReport(turn, scope, current);
    case 'saved':
      await appendAudit(turn, outcome.audit);
      await turn.replaceActedCard(recordedCard({ locale: turn.locale, title: turn.t('evaluation.report.commentsRecorded'), facts: [] }));
      return sendReport(turn, scope, outcome.grid, turn.t('evaluation.report.commentsSaved'));
    case 'unchanged':
      return sendReport(turn, scope, current, turn.t('evaluation.report.commentsSaved'));
    default:
      return answerRefusal(turn, outcome, { resend: (fresh) => sendReport(turn, scope, fresh), forbidden: GRID_FORBIDDEN });
  }
}

export async function submit(turn: Turn, submission: SubmitSubmission): Promise<void> {
  const scope = await loadScope(turn, submission.evaluationId, { fillsGrid: true });
  if (!scope) return;
  const comments = { ...commentsFrom(submission), ...submission.comments };
  if (await commentsRefused(turn, scope, comments)) return;
  const confirmEmptyDomains = submission.confirmEmpty === true || submission.confirmEmpty === 'true';
  const ctx = evaluationContext(turn, scope);
  const submitted = await updateOwnGrid(
    turn,
    scope,
    (grid) => submitGrid(grid, { rev: submission.rev, confirmEmptyDomains, comments }, ctx, { verb: submission.verb }),
    (result) => (result.type === 'submitted' ? result.grid : undefined),
  );
  if (!submitted) return;
  const { current, outcome } = submitted;
  turn.log('info', 'grid submit', { evaluation: scope.evaluation.id, outcome: outcome.type });
  const titleOf = (rowId: string) => rowPlaces(scope.referential).find((p) => p.row.id === rowId)?.row.title ?? rowId;
  switch (outcome.type) {
    case 'invalid':
      if (outcome.reason === 'rows_incomplete') {
        await turn.say(turn.t('evaluation.report.incomplete', { rows: (outcome.ids ?? []).map(titleOf).join(' ; ') }));
      } else {
        await turn.say(turn.t('error.badSubmission'));
      }
      return sendReport(turn, scope, current);
    case 'needs_confirmation': {
      const domains = scope.referential.domains.filter((d) => outcome.ids.includes(d.id)).map((d) => d.title);
      await turn.sendCard(submitConfirmCard({ locale: turn.locale, evaluationId: scope.evaluation.id, rev: submission.rev, domains, comments }));
      return;
    }
    case 'submitted':
      await appendAudit(turn, outcome.audit);
      await afterGridSubmitted(turn, scope, outcome.grid);
      return;
    default:
      return answerRefusal(turn, outcome, {
        resend: (fresh) => sendReport(turn, scope, fresh),
        forbidden: { ...GRID_FORBIDDEN, interview_not_started: 'evaluation.report.notStarted' },
      });
  }
}

/** The evaluation follows the grids: the first submission ends the interview, the last closes the collection. */
async function afterGridSubmitted(turn: Turn, scope: EvaluationScope, grid: MemberGrid): Promise<void> {
  const { repositories } = turn.services;
  const expected = expectedMemberIds(scope.session, scope.evaluation);
  const ctx = operationContext(turn);
  const grids = await repositories.grids.listForEvaluation(scope.evaluation.id, expected);
  const submittedIds = grids.filter((g) => g.state === 'submitted').map((g) => g.memberId);
  const outcome = await repositories.evaluations.update(
    scope.evaluation.id,
    operateOn(
      (current) => afterSubmission(current, scope.session, submittedIds, ctx),
      (result) => (result.type === 'changed' ? result.evaluation : undefined),
    ),
  );
  if (outcome?.type === 'changed') await appendAudit(turn, outcome.audit);
  const evaluation = outcome?.type === 'changed' ? outcome.evaluation : scope.evaluation;
  const summary = reportView(viewContext(turn), { ...scope, evaluation }, grid, { id: turn.userId, name: '', function: '' });
  await turn.replaceActedCard(
    recordedCard({
      locale: turn.locale,
      title: turn.t('evaluation.report.submittedTitle'),
      facts: summary.domains.map((d) => ({ title: d.title, value: d.reported })),
    }),
  );
  await turn.say(turn.t('evaluation.report.submitted', { candidate: candidateName(scope) }));
  await sendReport(turn, { ...scope, evaluation }, grid);

  // The grids are all in: the consolidation card reaches the president (or the professional), unprompted.
  if (evaluation.state === 'collection_closed' || evaluation.state === 'submitted') await deliverConsolidation(turn.services, evaluation.id, { scope: { ...scope, evaluation }, grids });
  const president = scope.session.president;
  if (president.id === turn.userId || scope.session.mode === 'professional') return;
  const locale = await recipientLocale(turn.services, president.id);
  const view = viewContextFor(locale, turn.now(), turn.services.timezone);
  const profile = await repositories.profiles.get(turn.userId);
  const name = profile?.name ?? turn.userName;
  const all = evaluation.state === 'collection_closed';
  // Only who submitted and how many: the president sees no values before the collection closes.
  const text = all
    ? view.t('evaluation.report.allSubmitted', { candidate: candidateName(scope) })
    : view.t('evaluation.report.memberSubmitted', { name, candidate: candidateName(scope), count: submittedIds.length, total: expected.length });
  await turn.services.notifier.notify({ key: `submitted/${scope.evaluation.id}/${turn.userId}/${grid.rev}`, userId: president.id, activity: { type: 'message', text } });
}
