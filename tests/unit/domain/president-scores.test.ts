import { describe, expect, it } from 'vitest';
import {
  afterSubmission,
  createEvaluation,
  createGrid,
  evaluationSchema,
  expectedMemberIds,
  memberReportsFor,
  scoresIn,
  scorersOf,
} from '../../../src/domain/index.js';
import { claire, fullValues, ines, makeEvaluation, makeGrid, makeSession, marc, opCtx, paul, referential, stranger, T0 } from './fixture.js';

const session = makeSession();

describe('a president who presides without scoring', () => {
  it.each([
    ['scores (the default)', {}, [claire.id, marc.id, ines.id]],
    ['said so explicitly', { presidentScores: true }, [claire.id, marc.id, ines.id]],
    ['presides without scoring', { presidentScores: false }, [marc.id, ines.id]],
  ])('the collection waits for the scorers only: president %s', (_label, over, expected) => {
    const evaluation = makeEvaluation('interview_ended', over);
    expect(expectedMemberIds(session, evaluation)).toEqual(expected);
    expect(scorersOf(session, evaluation).map((p) => p.id)).toEqual(expected);
  });

  it('fills no grid, while members and a lone professional do; someone off the jury never does', () => {
    const evaluation = makeEvaluation('in_progress', { presidentScores: false });
    expect(scoresIn(session, evaluation, claire.id)).toBe(false);
    expect(scoresIn(session, evaluation, marc.id)).toBe(true);
    expect(scoresIn(session, evaluation, stranger.id)).toBe(false);
    expect(createGrid(evaluation, session, claire.id, referential, T0)).toEqual({ type: 'forbidden', reason: 'not_a_scorer' });
    expect(createGrid(evaluation, session, marc.id, referential, T0).type).toBe('created');
    const alone = makeSession({ mode: 'professional' });
    expect(scoresIn(alone, makeEvaluation('in_progress', { mode: 'professional' }), paul.id)).toBe(true);
  });

  it('closes the collection when the two members have submitted, and consolidates their two grids', () => {
    const evaluation = makeEvaluation('interview_ended', { presidentScores: false, endedAt: T0.toISOString() });
    expect(afterSubmission(evaluation, session, [marc.id], opCtx(marc)).type).toBe('unchanged');
    const closed = afterSubmission(evaluation, session, [marc.id, ines.id], opCtx(ines));
    expect(closed.type === 'changed' && closed.evaluation.state).toBe('collection_closed');
    // A stray grid of the president (made before the choice was known) is left out.
    const grids = [makeGrid(claire.id, fullValues(10), { state: 'submitted' }), makeGrid(marc.id, fullValues(70), { state: 'submitted' }), makeGrid(ines.id, fullValues(50), { state: 'submitted' })];
    expect(memberReportsFor(session, evaluation, grids).map((r) => r.memberId)).toEqual([marc.id, ines.id]);
  });

  it('is recorded at creation; a lone professional always scores', () => {
    const created = createEvaluation(session, { id: 'evaluation-2', header: { candidateLastName: 'Bernard', candidateFirstName: 'Hugo', company: 'Fromagerie' }, presidentScores: false }, opCtx(claire));
    expect(created.type === 'created' && created.evaluation.presidentScores).toBe(false);
    const byDefault = createEvaluation(session, { id: 'evaluation-3', header: { candidateLastName: 'Morel', candidateFirstName: 'Sami', company: 'Biscuiterie' } }, opCtx(claire));
    expect(byDefault.type === 'created' && byDefault.evaluation.presidentScores).toBe(true);
    const alone = createEvaluation(makeSession({ mode: 'professional' }), { id: 'evaluation-4', header: { candidateLastName: 'Roy', candidateFirstName: 'Lina', company: 'Cidrerie' }, presidentScores: false }, opCtx(paul));
    expect(alone.type === 'created' && alone.evaluation.presidentScores).toBe(true);
  });

  it('reads an evaluation stored before the choice existed as one the president scores', () => {
    const { presidentScores: _absent, ...stored } = makeEvaluation('interview_ended');
    const parsed = evaluationSchema.parse(JSON.parse(JSON.stringify(stored)));
    expect(parsed.presidentScores).toBeUndefined();
    expect(expectedMemberIds(session, parsed)).toEqual([claire.id, marc.id, ines.id]);
  });
});
