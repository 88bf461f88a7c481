import { describe, expect, it } from 'vitest';
import { consolidate, memberReportsFor } from '../../../src/domain/consolidate.js';
import { claire, fullValues, ines, makeEvaluation, makeGrid, makeSession, marc, referential, stranger, type RowValues } from './fixture.js';

const report = (memberId: string, values: RowValues, comments: Record<string, string> = {}) => ({
  memberId,
  grid: makeGrid(memberId, values, { state: 'submitted', domainComments: comments }),
});

/** Rows of domain 1 set so that the member's domain value is `v` (the other domains at 50). */
const domain1 = (v: number | null): RowValues =>
  v === null ? { ...fullValues(50), delais: 'x', litige: 'y', gpa: 'z' } : { ...fullValues(50), delais: v, litige: v, gpa: v };

describe('consolidate', () => {
  it('journey: Marc 75, Inès 45, Claire 60 → mean 60, spread 30, divergent', () => {
    const [d1] = consolidate(referential, [report('marc', domain1(75)), report('ines', domain1(45)), report('claire', domain1(60))]);
    expect(d1).toMatchObject({
      domainId: 'relation-client',
      values: [
        { memberId: 'marc', value: 75 },
        { memberId: 'ines', value: 45 },
        { memberId: 'claire', value: 60 },
      ],
      mean: 60,
      proposal: 60,
      min: 45,
      max: 75,
      spread: 30,
      divergent: true,
    });
  });

  it.each<[string, (number | null)[], Record<string, unknown>]>([
    ['one member: spread 0', [64], { mean: 64, proposal: 64, min: 64, max: 64, spread: 0, divergent: false }],
    ['spread 19: not divergent', [50, 69], { mean: 59.5, proposal: 60, spread: 19, divergent: false }],
    ['spread 20: divergent', [50, 70], { mean: 60, proposal: 60, spread: 20, divergent: true }],
    ['mean 56.5 proposes 57', [56, 57], { mean: 56.5, proposal: 57 }],
    ['three members, mean 56.33 → 56', [56, 56, 57], { proposal: 56, spread: 1 }],
    ['non évalué left out of mean, min, max', [80, null, 60], { mean: 70, proposal: 70, min: 60, max: 80, spread: 20, divergent: true }],
    ['no value at all: no proposal', [null, null], { mean: null, proposal: null, min: null, max: null, spread: null, divergent: false }],
    ['0 and 100', [0, 100], { mean: 50, proposal: 50, spread: 100, divergent: true }],
  ])('%s', (_label, memberValues, expected) => {
    const reports = memberValues.map((v, i) => report(`m${i}`, domain1(v)));
    expect(consolidate(referential, reports)[0]).toMatchObject(expected);
  });

  it('proposes the rounded mean of the reported (rounded) percentages, not of the unrounded row means', () => {
    // Rows 60, 61, 61 report 61 % (60.67 rounded); rows 60, 60, 60 report 60 %. (61 + 60) / 2 = 60.5 → 61,
    // where the unrounded means would give (60.67 + 60) / 2 = 60.33 → 60.
    const a = { ...fullValues(50), delais: 60, litige: 61, gpa: 61 };
    const b = { ...fullValues(50), delais: 60, litige: 60, gpa: 60 };
    const [d1] = consolidate(referential, [report('a', a), report('b', b)]);
    expect(d1).toMatchObject({ values: [{ memberId: 'a', value: 61 }, { memberId: 'b', value: 60 }], mean: 60.5, proposal: 61 });
  });

  it.each([
    [19, true],
    [20, true],
    [21, false],
  ])('a configurable threshold %s flags a spread of 20: %s', (threshold, divergent) => {
    const [d1] = consolidate(referential, [report('a', domain1(50)), report('b', domain1(70))], { divergenceThreshold: threshold });
    expect(d1?.divergent).toBe(divergent);
  });

  it('with no member, every domain has no proposal', () => {
    expect(consolidate(referential, []).map((d) => d.proposal)).toEqual([null, null, null]);
  });

  it('names the rows where members differ most, largest spread first, only spreads > 0', () => {
    const a = report('a', { ...fullValues(50), delais: 40, litige: 50, gpa: 90 });
    const b = report('b', { ...fullValues(50), delais: 70, litige: 50, gpa: 'non observé' });
    const c = report('c', { ...fullValues(50), delais: 60, litige: 55, gpa: 30 });
    const [d1, d2] = consolidate(referential, [a, b, c]);
    expect(d1?.rowDifferences.map((r) => [r.rowId, r.spread])).toEqual([
      ['gpa', 60],
      ['delais', 30],
      ['litige', 5],
    ]);
    expect(d1?.rowDifferences[0]?.values).toEqual([
      { memberId: 'a', value: 90 },
      { memberId: 'b', value: null },
      { memberId: 'c', value: 30 },
    ]);
    expect(d2?.rowDifferences).toEqual([]);
  });

  it('keeps at most maxRowDifferences rows', () => {
    const a = report('a', { ...fullValues(50), delais: 40, litige: 40, gpa: 40 });
    const b = report('b', { ...fullValues(50), delais: 60, litige: 70, gpa: 80 });
    expect(consolidate(referential, [a, b], { maxRowDifferences: 2 })[0]?.rowDifferences.map((r) => r.rowId)).toEqual(['gpa', 'litige']);
  });

  it('gathers the members’ non-empty comments per domain', () => {
    const [d1, d2] = consolidate(referential, [
      report('a', fullValues(50), { 'relation-client': ' Très à l’aise au téléphone. ' }),
      report('b', fullValues(50), { 'relation-client': '   ' }),
    ]);
    expect(d1?.comments).toEqual([{ memberId: 'a', comment: 'Très à l’aise au téléphone.' }]);
    expect(d2?.comments).toEqual([]);
  });

  it('throws on a nonsensical threshold (configuration bug)', () => {
    expect(() => consolidate(referential, [], { divergenceThreshold: -1 })).toThrow(RangeError);
  });
});

describe('memberReportsFor', () => {
  it('keeps the submitted grids of members not left out, in the jury order', () => {
    const session = makeSession(); // Claire, Marc, Inès
    const evaluation = makeEvaluation('collection_closed', { excludedMemberIds: [ines.id] });
    const grids = [
      makeGrid(marc.id, {}, { state: 'submitted' }),
      makeGrid(ines.id, {}, { state: 'submitted' }),
      makeGrid(claire.id, {}, { state: 'submitted' }),
      makeGrid(stranger.id, {}, { state: 'submitted' }),
      makeGrid(marc.id, {}, { state: 'submitted', evaluationId: 'other' }),
    ];
    expect(memberReportsFor(session, evaluation, grids).map((r) => r.memberId)).toEqual([claire.id, marc.id]);
    expect(memberReportsFor(session, makeEvaluation('collection_closed'), [makeGrid(marc.id)])).toEqual([]);
  });
});
