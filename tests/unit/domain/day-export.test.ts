import { describe, expect, it } from 'vitest';
import { dayExport, exportedVersions, type Synthesis } from '../../../src/domain/index.js';
import { claire, ines, lea, makeEvaluation, makeSession, marc, minutesAfter, opCtx, paul, stranger } from './fixture.js';

function synthesis(evaluationId: string, signed: boolean): Synthesis {
  const domains = { 'relation-client': { percentage: 60, notEvaluatedReason: null } };
  return {
    schemaVersion: 1,
    evaluationId,
    rev: 3,
    domains,
    comment: 'Commentaire',
    ...(signed ? { signed: { domains, comment: 'Commentaire', signedBy: claire, signedAt: minutesAfter(60).toISOString(), members: [claire, marc, ines] } } : {}),
    replaced: [],
    updatedAt: minutesAfter(60).toISOString(),
  };
}

const session = { ...makeSession(), evaluationIds: ['e1', 'e2', 'e3', 'e4', 'e5'] };
const evaluations = [
  makeEvaluation('signed', { id: 'e1' }),
  makeEvaluation('interview_ended', { id: 'e2' }),
  makeEvaluation('cancelled', { id: 'e3' }),
  // Reopened after signature: back to consolidated, its signed version archived.
  makeEvaluation('consolidated', { id: 'e4' }),
  makeEvaluation('signed', { id: 'e5' }),
];
const syntheses = new Map([
  ['e1', synthesis('e1', true)],
  ['e4', synthesis('e4', false)],
  ['e5', synthesis('e5', true)],
]);

describe('exportedVersions', () => {
  it('keeps the signed evaluations only, in the day order', () => {
    expect(exportedVersions(evaluations, syntheses).map((e) => e.evaluation.id)).toEqual(['e1', 'e5']);
  });

  it('never takes an evaluation marked signed without a signed synthesis', () => {
    expect(exportedVersions([makeEvaluation('signed', { id: 'e9' })], new Map([['e9', synthesis('e9', false)]]))).toEqual([]);
  });
});

describe('dayExport', () => {
  it('lets the president export the signed evaluations, with one audit entry: who, when, how many', () => {
    const now = minutesAfter(120);
    const outcome = dayExport(session, evaluations, syntheses, opCtx(claire, now));
    expect(outcome.type).toBe('exported');
    if (outcome.type !== 'exported') return;
    expect(outcome.exported.map((e) => e.evaluation.id)).toEqual(['e1', 'e5']);
    expect(outcome.audit).toEqual([
      expect.objectContaining({
        scopeId: 'session-1',
        by: claire.id,
        at: now.toISOString(),
        action: 'session.export',
        target: 'session:session-1',
        after: { evaluations: 2, evaluationIds: ['e1', 'e5'] },
      }),
    ]);
  });

  it('lets the lone professional export their own day', () => {
    const own = makeSession({ mode: 'professional' });
    const outcome = dayExport(own, [makeEvaluation('signed', { id: 'e1', mode: 'professional' })], syntheses, opCtx(paul));
    expect(outcome.type).toBe('exported');
  });

  it.each([
    ['a juror', marc, 'not_president'],
    ['another juror', ines, 'not_president'],
    ['a candidate', lea, 'not_a_member'],
    ['the president of another day', paul, 'not_a_member'],
    ['a stranger', stranger, 'not_a_member'],
  ])('refuses %s, with no audit entry', (_who, person, reason) => {
    expect(dayExport(session, evaluations, syntheses, opCtx(person))).toEqual({ type: 'forbidden', reason });
  });

  it('has nothing to export, and writes nothing, while nothing is signed', () => {
    expect(dayExport(session, evaluations.slice(1, 4), syntheses, opCtx(claire))).toEqual({ type: 'nothing_signed' });
  });

  it('leaves out an evaluation of another day handed to it', () => {
    const outcome = dayExport(session, [makeEvaluation('signed', { id: 'e1', sessionId: 'session-2' }), evaluations[4]!], syntheses, opCtx(claire));
    expect(outcome.type === 'exported' && outcome.exported.map((e) => e.evaluation.id)).toEqual(['e5']);
  });
});
