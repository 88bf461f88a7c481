import { scoresIn } from '../../../domain/index.js';
import type { Feature } from '../../feature.js';
import type { BotServices } from '../../services.js';
import type { Turn } from '../../turn.js';
import { createFromForm, showCreateForm } from './create-flow.js';
import { openGrid, saveFromCard, saveLines, sendRow } from './grid-flow.js';
import { endEvaluation, noticeHandler, NOTICE_TIMER, sendFrame, showFrame, startEvaluation } from './interview-flow.js';
import { decide, join, saveProfileFromCard } from './join-flow.js';
import { saveComments, sendReport, showNotes, showReport, submit } from './report-flow.js';
import { loadScope, ownGrid } from './scope.js';
import type { EvaluationSubmission } from './verbs.js';

/**
 * Brings the juror back to the exact card they were on (frame, a row in the
 * notes or scoring pass, the report), with everything they had saved.
 * Returns false when there is nothing to resume.
 */
async function resume(turn: Turn, afterRestart: boolean, commandFollows = false): Promise<boolean> {
  const state = await turn.services.repositories.userStates.get(turn.userId);
  const cursor = state?.evaluationCursor;
  if (!cursor) return false;
  const scope = await loadScope(turn, cursor.evaluationId);
  if (!scope) return false;
  // A command typed after the restart is answered next: one line here, not the old card on top of the answer.
  if (afterRestart && commandFollows) {
    await turn.say(turn.t('evaluation.resume.afterRestartBrief'));
    return true;
  }
  if (afterRestart) await turn.say(turn.t('evaluation.resume.afterRestart'));
  // A president who presides without scoring has no grid: the frame is where they are.
  if (!scoresIn(scope.session, scope.evaluation, turn.userId)) {
    await sendFrame(turn, scope);
    return true;
  }
  const grid = await ownGrid(turn, scope);
  switch (cursor.step) {
    case 'frame':
      await sendFrame(turn, scope);
      return true;
    case 'report':
      await sendReport(turn, scope, grid);
      return true;
    case 'notes':
    case 'scoring':
      if (grid.state === 'submitted') {
        await sendReport(turn, scope, grid, turn.t('evaluation.grid.submittedReadOnly'));
        return true;
      }
      await sendRow(turn, scope, grid, cursor.rowId ?? scope.referential.domains[0]?.rows[0]?.id ?? '', cursor.step);
      return true;
  }
}

/** States in which the juror still has something to do on their card. */
const LIVE_STATES: ReadonlySet<string> = new Set(['draft', 'in_progress', 'interview_ended']);

/** Unknown text mid-evaluation: the juror's card again rather than the command list. */
async function backToCard(turn: Turn, notice: string): Promise<boolean> {
  const state = await turn.services.repositories.userStates.get(turn.userId);
  const cursor = state?.evaluationCursor;
  if (!cursor) return false;
  const evaluation = await turn.services.repositories.evaluations.get(cursor.evaluationId);
  if (!evaluation || !LIVE_STATES.has(evaluation.state)) return false;
  const grid = await turn.services.repositories.grids.get(evaluation.id, turn.userId);
  if (grid?.state === 'submitted') return false;
  await turn.say(notice);
  return resume(turn, false);
}

/** `annuler`: leaves the current step (a join waiting for a name); never deletes anything saved. */
async function cancelStep(turn: Turn): Promise<void> {
  const { userStates } = turn.services.repositories;
  const state = await userStates.get(turn.userId);
  if (state?.pendingJoinCode) {
    const { pendingJoinCode: _dropped, ...rest } = state;
    await userStates.save({ ...rest, updatedAt: turn.now().toISOString() });
  }
  await turn.say(turn.t('evaluation.cancelStep'));
}

export function evaluationFeature(services: BotServices): Feature<EvaluationSubmission> {
  return {
    name: 'evaluation',
    commands: [
      {
        id: 'newEvaluation',
        names: ['nouvelle evaluation', 'new evaluation'],
        nameKey: 'command.newEvaluation',
        descriptionKey: 'command.newEvaluation.description',
        takesArgument: false,
        listed: true,
        run: (turn) => showCreateForm(turn),
      },
      {
        id: 'join',
        names: ['rejoindre', 'join'],
        nameKey: 'command.join',
        descriptionKey: 'command.join.description',
        takesArgument: true,
        listed: true,
        run: (turn, argument) => join(turn, argument),
      },
      {
        id: 'resume',
        names: ['reprendre', 'resume'],
        nameKey: 'command.resume',
        descriptionKey: 'command.resume.description',
        takesArgument: false,
        listed: true,
        run: async (turn) => {
          if (!(await resume(turn, false))) await turn.say(turn.t('evaluation.resume.nothing'));
        },
      },
      {
        id: 'cancel',
        names: ['annuler', 'cancel'],
        nameKey: 'command.cancel',
        descriptionKey: 'command.cancel.description',
        takesArgument: false,
        listed: true,
        run: cancelStep,
      },
    ],
    async onSubmission(turn, submission) {
      switch (submission.verb) {
        case 'evaluation.create':
          return createFromForm(turn, submission);
        case 'profile.save':
          return saveProfileFromCard(turn, submission);
        case 'session.decide':
          return decide(turn, submission);
        case 'evaluation.frame':
          return showFrame(turn, submission.evaluationId);
        case 'evaluation.start':
          return startEvaluation(turn, submission.evaluationId);
        case 'evaluation.end':
          return endEvaluation(turn, submission.evaluationId);
        case 'grid.open':
          return openGrid(turn, submission.evaluationId, submission.phase, submission.rowId);
        case 'grid.save':
          return saveFromCard(turn, submission);
        case 'grid.lines':
          return saveLines(turn, submission);
        case 'grid.report':
          return showReport(turn, submission.evaluationId);
        case 'grid.notes':
          return showNotes(turn, submission.evaluationId, submission.rowId);
        case 'grid.comments':
          return saveComments(turn, submission);
        case 'grid.submit':
          return submit(turn, submission);
      }
    },
    onResume: (turn, commandFollows) => resume(turn, true, commandFollows),
    onUnknownText: backToCard,
    timerHandlers: { [NOTICE_TIMER]: noticeHandler(services) },
  };
}
