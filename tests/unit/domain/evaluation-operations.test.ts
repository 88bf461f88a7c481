import { describe, expect, it } from 'vitest';
import { correctHeader, createEvaluation } from '../../../src/domain/evaluation-operations.js';
import { evaluationSchema, type EvaluationState } from '../../../src/domain/model.js';
import { claire, lea, makeEvaluation, makeSession, marc, opCtx } from './fixture.js';

const header = { candidateLastName: 'Dupont', candidateFirstName: 'Léa', company: 'Laiterie du Val' };

describe('createEvaluation', () => {
  it('the president adds a candidate: draft, the day’s date, added to the day', () => {
    const session = { ...makeSession(), evaluationIds: [] };
    const result = createEvaluation(session, { id: 'evaluation-2', header }, opCtx(claire));
    if (result.type !== 'created') throw new Error('expected created');
    expect(evaluationSchema.parse(result.evaluation)).toEqual(result.evaluation);
    expect(result.evaluation).toMatchObject({ state: 'draft', mode: 'jury', header: { ...header, date: '2026-11-28' }, sessionId: 'session-1' });
    expect(result.session.evaluationIds).toEqual(['evaluation-2']);
    expect(result.audit[0]).toMatchObject({ action: 'evaluation.create', scopeId: 'evaluation-2' });
  });

  it.each([
    ['a member', marc.id, header, { type: 'forbidden', reason: 'not_president' }],
    ['the candidate', lea.id, header, { type: 'forbidden', reason: 'not_a_member' }],
    ['an empty name', claire.id, { ...header, candidateLastName: ' ' }, { type: 'invalid', reason: 'invalid_header', field: 'candidateLastName' }],
    ['a company of 151 characters', claire.id, { ...header, company: 'c'.repeat(151) }, { type: 'invalid', reason: 'invalid_header', field: 'company' }],
  ])('refuses %s', (_label, actorId, h, expected) => {
    expect(createEvaluation(makeSession(), { id: 'e', header: h }, opCtx(actorId))).toEqual(expected);
  });
});

describe('correctHeader (the president, audited)', () => {
  it('returns the new evaluation and the audit entry with before/after', () => {
    const result = correctHeader(makeEvaluation('in_progress'), makeSession(), { company: ' Laiterie du Val SAS ' }, opCtx(claire));
    if (result.type !== 'corrected') throw new Error('expected corrected');
    expect(result.evaluation.header.company).toBe('Laiterie du Val SAS');
    expect(result.audit).toEqual([
      expect.objectContaining({
        action: 'evaluation.header_correct',
        by: claire.id,
        target: 'evaluation:evaluation-1',
        before: { company: 'Laiterie du Val' },
        after: { company: 'Laiterie du Val SAS' },
      }),
    ]);
  });

  it('a correction that changes nothing is not recorded', () => {
    expect(correctHeader(makeEvaluation('draft'), makeSession(), { company: 'Laiterie du Val' }, opCtx(claire))).toEqual({ type: 'unchanged' });
  });

  it.each<[string, string, EvaluationState, object, object]>([
    ['a member', marc.id, 'draft', { company: 'X' }, { type: 'forbidden', reason: 'not_president' }],
    ['the candidate', lea.id, 'draft', { company: 'X' }, { type: 'forbidden', reason: 'not_a_member' }],
    ['after signature', claire.id, 'signed', { company: 'X' }, { type: 'forbidden', reason: 'evaluation_signed' }],
    ['a cancelled evaluation', claire.id, 'cancelled', { company: 'X' }, { type: 'forbidden', reason: 'evaluation_closed' }],
    ['a bad date', claire.id, 'draft', { date: '28/11/2026' }, { type: 'invalid', reason: 'invalid_header', field: 'date' }],
  ])('refuses %s', (_label, actorId, state, patch, expected) => {
    expect(correctHeader(makeEvaluation(state), makeSession(), patch, opCtx(actorId))).toMatchObject(expected);
  });
});
