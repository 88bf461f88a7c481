import { frameCard } from '../../../cards/evaluation/index.js';
import {
  endInterview,
  juryOf,
  noticesDue,
  scoresIn,
  startInterview,
  type Evaluation,
  type EvaluationChanged,
  type Forbidden,
  type Timer,
} from '../../../domain/index.js';
import type { BotServices } from '../../services.js';
import { formatTime } from '../../format.js';
import { operateOn } from '../../outcomes.js';
import { cardActivity, type Turn } from '../../turn.js';
import { LATE_NOTICE_LIMIT_MS } from '../../scheduler.js';
import { candidateName, frameView } from './frame-view.js';
import { viewContext, viewContextFor, type ViewContext } from './view-context.js';
import { appendAudit, loadScope, operationContext, ownGrid, saveCursor, type EvaluationScope } from './scope.js';
import { recipientLocale } from './recipients.js';

export const NOTICE_TIMER = 'interview.notice';

export async function sendFrame(turn: Turn, scope: EvaluationScope): Promise<void> {
  // A president who presides without scoring has no grid to create or to read.
  const grid = scoresIn(scope.session, scope.evaluation, turn.userId) ? await ownGrid(turn, scope) : undefined;
  await turn.sendCard(frameCard(frameView(viewContext(turn), scope, grid?.state === 'submitted')), candidateName(scope));
}

export async function showFrame(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId);
  if (!scope) return;
  await saveCursor(turn, { evaluationId, step: 'frame' });
  await sendFrame(turn, scope);
}

type Transition = (evaluation: Evaluation) => EvaluationChanged | Forbidden;

/** Applies a president's transition with conflict retry; the refusal, if any, is returned as is. */
async function transition(turn: Turn, evaluationId: string, apply: Transition): Promise<EvaluationChanged | Forbidden | undefined> {
  return turn.services.repositories.evaluations.update(
    evaluationId,
    operateOn(apply, (result) => (result.type === 'changed' ? result.evaluation : undefined)),
  );
}

/** Tells every other member of the jury, each in their own chat and language, with the frame card when useful. */
async function tellJury(turn: Turn, scope: EvaluationScope, key: string, message: (view: ViewContext) => string, withFrame: boolean): Promise<void> {
  for (const person of juryOf(scope.session)) {
    if (person.id === turn.userId) continue;
    const view = viewContextFor(await recipientLocale(turn.services, person.id), turn.now(), turn.services.timezone);
    const text = message(view);
    const theirs: EvaluationScope = { ...scope, role: person.id === scope.session.president.id ? 'president' : 'member' };
    const activity = withFrame ? { ...cardActivity(frameCard(frameView(view, theirs, false)), text), text } : { type: 'message', text };
    await turn.services.notifier.notify({ key: `${key}/${person.id}`, userId: person.id, activity });
  }
}

export async function startEvaluation(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId);
  if (!scope) return;
  const ctx = operationContext(turn);
  const outcome = await transition(turn, evaluationId, (current) => startInterview(current, scope.session, ctx));
  if (!outcome) return;
  if (outcome.type === 'forbidden') {
    if (scope.evaluation.startedAt && outcome.reason === 'illegal_transition') {
      await turn.say(turn.t('evaluation.start.already', { time: formatTime(scope.evaluation.startedAt, turn.services.timezone) }));
    } else {
      await turn.say(turn.t(outcome.reason === 'not_president' ? 'evaluation.presidentOnly' : 'evaluation.start.refused'));
    }
    return;
  }
  await appendAudit(turn, outcome.audit);
  const started = { ...scope, evaluation: outcome.evaluation };
  for (const notice of noticesDue(outcome.evaluation, scope.referential)) {
    await turn.services.repositories.timers.schedule({
      schemaVersion: 1,
      id: `notice/${evaluationId}/${notice.atMinutes}`,
      kind: NOTICE_TIMER,
      evaluationId,
      dueAt: notice.dueAt,
      payload: { atMinutes: notice.atMinutes },
    });
  }
  const time = formatTime(outcome.evaluation.startedAt ?? turn.now(), turn.services.timezone);
  turn.log('info', 'interview started', { evaluation: evaluationId });
  await turn.say(turn.t(scope.session.mode === 'professional' ? 'evaluation.start.doneAlone' : 'evaluation.start.done', { candidate: candidateName(started), time, limit: scope.referential.interview.durationMinutes }));
  await tellJury(turn, started, `started/${evaluationId}`, (v) => v.t('evaluation.start.told', { candidate: candidateName(started), time }), true);
  await saveCursor(turn, { evaluationId, step: 'frame' });
  await sendFrame(turn, started);
}

export async function endEvaluation(turn: Turn, evaluationId: string): Promise<void> {
  const scope = await loadScope(turn, evaluationId);
  if (!scope) return;
  const ctx = operationContext(turn);
  const outcome = await transition(turn, evaluationId, (current) => endInterview(current, scope.session, ctx));
  if (!outcome) return;
  if (outcome.type === 'forbidden') {
    const key = outcome.reason === 'not_president' ? 'evaluation.presidentOnly' : scope.evaluation.endedAt ? 'evaluation.end.already' : 'evaluation.end.refused';
    await turn.say(turn.t(key));
    return;
  }
  await appendAudit(turn, outcome.audit);
  const ended = { ...scope, evaluation: outcome.evaluation };
  const spent = Math.floor((Date.parse(outcome.evaluation.endedAt ?? '') - Date.parse(outcome.evaluation.startedAt ?? '')) / 60_000);
  turn.log('info', 'interview ended', { evaluation: evaluationId, minutes: spent });
  await turn.say(turn.t('evaluation.end.done', { spent, limit: scope.referential.interview.durationMinutes }));
  await tellJury(turn, ended, `ended/${evaluationId}`, (v) => v.t('evaluation.end.told', { candidate: candidateName(ended), spent }), true);
  await sendFrame(turn, ended);
}

/** The 35- and 45-minute notices: every member of the jury, while the interview runs. */
export function noticeHandler(services: BotServices) {
  return async (timer: Timer): Promise<void> => {
    const evaluation = await services.repositories.evaluations.get(timer.evaluationId);
    if (!evaluation || evaluation.state !== 'in_progress' || evaluation.endedAt) return;
    const session = await services.repositories.sessions.get(evaluation.sessionId);
    const referential = services.referentials.get(evaluation.referentialId);
    if (!session || !referential) return;
    const atMinutes = Number(timer.payload.atMinutes);
    const limit = referential.interview.durationMinutes;
    const candidate = `${evaluation.header.candidateFirstName} ${evaluation.header.candidateLastName}`;
    for (const person of juryOf(session)) {
      const { t } = viewContextFor(await recipientLocale(services, person.id), services.clock.now(), services.timezone);
      const text =
        atMinutes >= limit
          ? t('evaluation.notice.timeUp', { candidate, limit })
          : t('evaluation.notice.remaining', { candidate, spent: atMinutes, limit, left: limit - atMinutes });
      // Like a late timer, a notice that could not reach someone in time is dropped rather than delivered late.
      const expiresAt = new Date(Date.parse(timer.dueAt) + LATE_NOTICE_LIMIT_MS);
      await services.notifier.notify({ key: `${timer.id}/${person.id}`, userId: person.id, activity: { type: 'message', text }, expiresAt });
    }
  };
}
