import { describe, expect, it } from 'vitest';
import {
  afterSubmission,
  cancelEvaluation,
  closeCollection,
  collectionHasClosed,
  endInterview,
  LIFECYCLE_ACTIONS,
  nextState,
  startInterview,
  type LifecycleAction,
} from '../../../src/domain/lifecycle.js';
import { evaluationSchema, type EvaluationState } from '../../../src/domain/model.js';
import { timeSpent } from '../../../src/domain/interview-clock.js';
import { claire, ines, lea, makeEvaluation, makeSession, marc, minutesAfter, opCtx, paul, stranger } from './fixture.js';

/** Target state, or "!reason" for a refusal. Columns follow LIFECYCLE_ACTIONS. */
type Row = Record<LifecycleAction, string>;
const row = (...cells: string[]): Row => Object.fromEntries(LIFECYCLE_ACTIONS.map((a, i) => [a, cells[i] as string])) as Row;
const all = (cell: string, except: Partial<Row> = {}): Row => ({ ...row(...LIFECYCLE_ACTIONS.map(() => cell)), ...except });

// prettier-ignore
const JURY: Record<EvaluationState, Row> = {
  //                    start           end                  edit_grid             submit                close_collection      reopen_grid         consolidate           sign                  reopen_signed     cancel
  draft:             row('in_progress', '!interview_not_started', 'draft',          '!interview_not_started', '!interview_not_started', '!illegal_transition', '!interview_not_started', '!interview_not_started', '!illegal_transition', 'cancelled'),
  in_progress:       row('!illegal_transition', 'interview_ended', 'in_progress',   'interview_ended',    '!illegal_transition', '!illegal_transition', '!collection_open', '!collection_open', '!illegal_transition', 'cancelled'),
  interview_ended:   row('!illegal_transition', '!illegal_transition', 'interview_ended', 'interview_ended', 'collection_closed', 'interview_ended', '!collection_open', '!collection_open', '!illegal_transition', 'cancelled'),
  collection_closed: row('!illegal_transition', '!illegal_transition', '!collection_closed', '!collection_closed', '!collection_closed', 'interview_ended', 'consolidated', '!illegal_transition', '!illegal_transition', 'cancelled'),
  consolidated:      row('!illegal_transition', '!illegal_transition', '!collection_closed', '!collection_closed', '!collection_closed', 'interview_ended', 'consolidated', 'signed', '!illegal_transition', 'cancelled'),
  submitted:         row('!illegal_transition', '!illegal_transition', '!collection_closed', '!collection_closed', '!collection_closed', '!illegal_transition', '!illegal_transition', '!illegal_transition', '!illegal_transition', '!illegal_transition'),
  signed:            all('!evaluation_signed', { reopen_signed: 'consolidated' }),
  cancelled:         all('!evaluation_closed'),
};

// prettier-ignore
const PROFESSIONAL: Partial<Record<EvaluationState, Row>> = {
  draft:       row('in_progress', '!interview_not_started', 'draft', '!interview_not_started', '!interview_not_started', '!illegal_transition', '!interview_not_started', '!interview_not_started', '!illegal_transition', 'cancelled'),
  in_progress: row('!illegal_transition', 'in_progress', 'in_progress', 'submitted', '!illegal_transition', '!illegal_transition', '!collection_open', '!collection_open', '!illegal_transition', 'cancelled'),
  submitted:   row('!illegal_transition', '!illegal_transition', '!grid_submitted', '!grid_submitted', '!collection_closed', 'in_progress', 'submitted', 'signed', '!illegal_transition', 'cancelled'),
  signed:      all('!evaluation_signed', { reopen_signed: 'submitted' }),
  cancelled:   all('!evaluation_closed'),
};

const cases = (mode: 'jury' | 'professional', table: Partial<Record<EvaluationState, Row>>) =>
  Object.entries(table).flatMap(([state, cells]) =>
    LIFECYCLE_ACTIONS.map((action) => [mode, state as EvaluationState, action, (cells as Row)[action]] as const),
  );

describe('nextState: every state × action', () => {
  it.each([...cases('jury', JURY), ...cases('professional', PROFESSIONAL)])('%s: %s + %s → %s', (mode, state, action, expected) => {
    const result = nextState(mode, state, action);
    if (expected.startsWith('!')) expect(result).toEqual({ type: 'forbidden', reason: expected.slice(1), state });
    else expect(result).toEqual({ type: 'allowed', to: expected });
  });
});

describe('startInterview', () => {
  it('the president starts: in_progress, the clock starts, audited', () => {
    const result = startInterview(makeEvaluation('draft'), makeSession(), opCtx(claire, minutesAfter(0)));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(evaluationSchema.parse(result.evaluation)).toEqual(result.evaluation);
    expect(result.evaluation).toMatchObject({ state: 'in_progress', startedAt: minutesAfter(0).toISOString() });
    expect(result.audit).toEqual([
      expect.objectContaining({ action: 'evaluation.start', by: claire.id, target: 'evaluation:evaluation-1', before: { state: 'draft', startedAt: undefined } }),
    ]);
  });

  it('the lone professional starts their own', () => {
    const result = startInterview(makeEvaluation('draft', { mode: 'professional' }), makeSession({ mode: 'professional' }), opCtx(paul));
    expect(result.type === 'changed' && result.evaluation.state).toBe('in_progress');
  });

  it.each([
    ['a member', marc.id, 'draft', 'not_president'],
    ['a stranger', stranger.id, 'draft', 'not_a_member'],
    ['the candidate', lea.id, 'draft', 'not_a_member'],
    ['twice', claire.id, 'in_progress', 'illegal_transition'],
    ['after signature', claire.id, 'signed', 'evaluation_signed'],
  ] as const)('refuses %s', (_label, actorId, state, reason) => {
    expect(startInterview(makeEvaluation(state), makeSession(), opCtx(actorId))).toMatchObject({ type: 'forbidden', reason });
  });
});

describe('endInterview', () => {
  it('the president ends it: interview_ended, time spent = end − start', () => {
    const result = endInterview(makeEvaluation('in_progress'), makeSession(), opCtx(claire, minutesAfter(43)));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(result.evaluation).toMatchObject({ state: 'interview_ended', endedAt: minutesAfter(43).toISOString() });
    expect(timeSpent(result.evaluation, minutesAfter(120))).toBe(43);
  });

  it('a lone professional ends it: the end time is kept, the state stays in_progress (they score next)', () => {
    const session = makeSession({ mode: 'professional' });
    const result = endInterview(makeEvaluation('in_progress', { mode: 'professional' }), session, opCtx(paul, minutesAfter(40)));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(result.evaluation).toMatchObject({ state: 'in_progress', endedAt: minutesAfter(40).toISOString() });
    expect(endInterview(result.evaluation, session, opCtx(paul))).toMatchObject({ type: 'forbidden', reason: 'illegal_transition' });
  });

  it.each([
    ['a member', marc.id, 'in_progress', 'not_president'],
    ['before the start', claire.id, 'draft', 'interview_not_started'],
    ['twice', claire.id, 'interview_ended', 'illegal_transition'],
  ] as const)('refuses %s', (_label, actorId, state, reason) => {
    expect(endInterview(makeEvaluation(state), makeSession(), opCtx(actorId))).toMatchObject({ type: 'forbidden', reason });
  });
});

describe('afterSubmission', () => {
  const session = makeSession(); // Claire, Marc, Inès

  it('the first submission ends the interview (time spent = end − start)', () => {
    const result = afterSubmission(makeEvaluation('in_progress'), session, [marc.id], opCtx(marc, minutesAfter(44)));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(result.evaluation).toMatchObject({ state: 'interview_ended', endedAt: minutesAfter(44).toISOString() });
    expect(result.audit.map((a) => a.action)).toEqual(['evaluation.end']);
  });

  it('keeps an end time already set by the president', () => {
    const ended = makeEvaluation('in_progress', { endedAt: minutesAfter(43).toISOString() });
    const result = afterSubmission(ended, session, [marc.id], opCtx(marc, minutesAfter(60)));
    expect(result.type === 'changed' && result.evaluation.endedAt).toBe(minutesAfter(43).toISOString());
  });

  it('the last expected submission closes the collection', () => {
    const result = afterSubmission(makeEvaluation('interview_ended'), session, [marc.id, ines.id, claire.id], opCtx(claire));
    expect(result.type === 'changed' && result.evaluation.state).toBe('collection_closed');
  });

  it('a one-person jury: the single submission ends the interview and closes the collection', () => {
    const alone = makeSession({ members: [] });
    const result = afterSubmission(makeEvaluation('in_progress'), alone, [claire.id], opCtx(claire));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(result.evaluation.state).toBe('collection_closed');
    expect(result.audit.map((a) => a.action)).toEqual(['evaluation.end', 'evaluation.collection_close']);
  });

  it('does not wait for members left out earlier', () => {
    const evaluation = makeEvaluation('interview_ended', { excludedMemberIds: [ines.id] });
    const result = afterSubmission(evaluation, session, [marc.id, claire.id], opCtx(claire));
    expect(result.type === 'changed' && result.evaluation.state).toBe('collection_closed');
  });

  it.each([
    ['some still to submit', makeEvaluation('interview_ended'), [marc.id]],
    ['already closed (a retry)', makeEvaluation('collection_closed'), [marc.id, ines.id, claire.id]],
    ['signed', makeEvaluation('signed'), [marc.id, ines.id, claire.id]],
  ])('changes nothing when %s', (_label, evaluation, submitted) => {
    expect(afterSubmission(evaluation, session, submitted, opCtx(claire))).toEqual({ type: 'unchanged' });
  });

  it('professional mode: in_progress → submitted', () => {
    const result = afterSubmission(makeEvaluation('in_progress', { mode: 'professional' }), makeSession({ mode: 'professional' }), [paul.id], opCtx(paul));
    expect(result.type === 'changed' && result.evaluation.state).toBe('submitted');
    expect(result.type === 'changed' && result.audit.map((a) => a.action)).toEqual(['evaluation.submit']);
  });
});

describe('closeCollection (the president, confirming who has not submitted)', () => {
  const session = makeSession();
  const ended = makeEvaluation('interview_ended');

  it('names those who have not submitted before closing', () => {
    expect(closeCollection(ended, session, { submittedMemberIds: [claire.id], confirm: false }, opCtx(claire))).toEqual({
      type: 'needs_confirmation',
      reason: 'members_not_submitted',
      ids: [marc.id, ines.id],
    });
  });

  it('once confirmed, closes and leaves them off the synthesis', () => {
    const result = closeCollection(ended, session, { submittedMemberIds: [claire.id, marc.id], confirm: true }, opCtx(claire));
    if (result.type !== 'changed') throw new Error('expected changed');
    expect(result.evaluation).toMatchObject({ state: 'collection_closed', excludedMemberIds: [ines.id] });
    expect(collectionHasClosed(result.evaluation)).toBe(true);
    expect(result.audit[0]).toMatchObject({ action: 'evaluation.collection_close', after: { state: 'collection_closed', excludedMemberIds: [ines.id] } });
  });

  it('closes without confirmation when everyone has submitted', () => {
    const result = closeCollection(ended, session, { submittedMemberIds: [claire.id, marc.id, ines.id], confirm: false }, opCtx(claire));
    expect(result.type === 'changed' && result.evaluation.excludedMemberIds).toEqual([]);
  });

  it.each([
    ['nobody has submitted', claire.id, ended, [], { type: 'invalid', reason: 'no_submission' }],
    ['a member asks', marc.id, ended, [marc.id], { type: 'forbidden', reason: 'not_president' }],
    ['during the interview', claire.id, makeEvaluation('in_progress'), [marc.id], { type: 'forbidden', reason: 'illegal_transition' }],
    ['already closed', claire.id, makeEvaluation('collection_closed'), [marc.id], { type: 'forbidden', reason: 'collection_closed' }],
  ])('refuses when %s', (_label, actorId, evaluation, submitted, expected) => {
    expect(closeCollection(evaluation, session, { submittedMemberIds: submitted, confirm: true }, opCtx(actorId))).toMatchObject(expected);
  });
});

describe('cancelEvaluation (with a reason, kept in the trail)', () => {
  it.each<[EvaluationState, 'jury' | 'professional']>([
    ['draft', 'jury'],
    ['in_progress', 'jury'],
    ['interview_ended', 'jury'],
    ['collection_closed', 'jury'],
    ['consolidated', 'jury'],
    ['in_progress', 'professional'],
    ['submitted', 'professional'],
  ])('from %s (%s)', (state, mode) => {
    const session = makeSession({ mode });
    const result = cancelEvaluation(makeEvaluation(state, { mode }), session, { reason: ' Candidate absente ' }, opCtx(session.president, minutesAfter(3)));
    if (result.type !== 'changed') throw new Error(`expected changed, got ${JSON.stringify(result)}`);
    expect(evaluationSchema.parse(result.evaluation)).toEqual(result.evaluation);
    expect(result.evaluation.state).toBe('cancelled');
    expect(result.evaluation.cancellation).toEqual({ reason: 'Candidate absente', at: minutesAfter(3).toISOString(), by: session.president.id, from: state });
    expect(result.audit[0]).toMatchObject({ action: 'evaluation.cancel', reason: 'Candidate absente' });
  });

  it.each([
    ['after signature', claire.id, 'signed', 'absente', { type: 'forbidden', reason: 'evaluation_signed' }],
    ['twice', claire.id, 'cancelled', 'absente', { type: 'forbidden', reason: 'evaluation_closed' }],
    ['without a reason', claire.id, 'draft', '  ', { type: 'invalid', reason: 'reason_required', field: 'reason' }],
    ['with a reason over 500 characters', claire.id, 'draft', 'r'.repeat(501), { type: 'invalid', reason: 'reason_too_long' }],
    ['by a member', marc.id, 'draft', 'absente', { type: 'forbidden', reason: 'not_president' }],
    ['by a stranger', stranger.id, 'draft', 'absente', { type: 'forbidden', reason: 'not_a_member' }],
  ] as const)('refuses %s', (_label, actorId, state, reason, expected) => {
    expect(cancelEvaluation(makeEvaluation(state), makeSession(), { reason }, opCtx(actorId))).toMatchObject(expected);
  });
});

describe('collectionHasClosed', () => {
  it.each<[EvaluationState, EvaluationState | undefined, boolean]>([
    ['draft', undefined, false],
    ['in_progress', undefined, false],
    ['interview_ended', undefined, false],
    ['collection_closed', undefined, true],
    ['consolidated', undefined, true],
    ['submitted', undefined, true],
    ['signed', undefined, true],
    ['cancelled', 'in_progress', false],
    ['cancelled', 'consolidated', true],
  ])('%s (cancelled from %s) → %s', (state, from, expected) => {
    const cancellation = from ? { reason: 'r', at: minutesAfter(1).toISOString(), by: 'p', from } : undefined;
    expect(collectionHasClosed({ state, cancellation })).toBe(expected);
  });
});
