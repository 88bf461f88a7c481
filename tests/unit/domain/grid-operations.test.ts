import { describe, expect, it } from 'vitest';
import {
  createGrid,
  reopenGrid,
  saveRow,
  setDomainComment,
  setDomainComments,
  submitGrid,
  type SaveRowInput,
} from '../../../src/domain/grid-operations.js';
import { EVALUATION_STATES, memberGridSchema, auditEntrySchema, type EvaluationState, type MemberGrid } from '../../../src/domain/model.js';
import {
  claire,
  evalCtx,
  fullValues,
  ines,
  lea,
  lineIdsOf,
  makeEvaluation,
  makeGrid,
  makeSession,
  marc,
  minutesAfter,
  paul,
  questionIdsOf,
  referential,
  stranger,
} from './fixture.js';

const inProgress = makeEvaluation('in_progress');
const ctxMarc = (evaluation = inProgress) => evalCtx(marc, evaluation);
const gpaQuestions = questionIdsOf('gpa');
const gpaLines = lineIdsOf('gpa');
const delaisLines = lineIdsOf('delais');

function expectSaved(result: ReturnType<typeof saveRow>): MemberGrid {
  if (result.type !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(result)}`);
  memberGridSchema.parse(result.grid);
  result.audit.forEach((a) => auditEntrySchema.parse(a));
  return result.grid;
}

describe('createGrid', () => {
  it('gives a jury member an empty open grid with every row', () => {
    const result = createGrid(inProgress, makeSession(), marc.id, referential, minutesAfter(1));
    if (result.type !== 'created') throw new Error('expected created');
    expect(memberGridSchema.parse(result.grid)).toEqual(result.grid);
    expect(result.grid).toMatchObject({ memberId: marc.id, rev: 0, state: 'open', domainComments: {} });
    expect(Object.keys(result.grid.rows)).toHaveLength(7);
    expect(result.grid.rows.gpa).toEqual({ notes: '', source: null, percentage: null, notEvaluatedReason: null, questionsUsed: [], linesUsed: [] });
  });

  it.each([[claire.id], [ines.id]])('the president is a juror too (%s)', (id) => {
    expect(createGrid(inProgress, makeSession(), id, referential, minutesAfter(1)).type).toBe('created');
  });

  it.each([[stranger.id], [lea.id]])('refuses anyone off the jury (%s)', (id) => {
    expect(createGrid(inProgress, makeSession(), id, referential, minutesAfter(1))).toEqual({ type: 'forbidden', reason: 'not_a_member' });
  });
});

describe('saveRow: what is accepted', () => {
  it('saves notes during the interview: rev + 1, savedAt, fingerprint, one audit entry', () => {
    const grid = makeGrid(marc.id);
    const result = saveRow(grid, { rowId: 'gpa', rev: 0, notes: 'Bonne écoute, reformule.' }, ctxMarc());
    const saved = expectSaved(result);
    expect(saved.rev).toBe(1);
    expect(saved.rows.gpa).toMatchObject({ notes: 'Bonne écoute, reformule.', savedAt: minutesAfter(50).toISOString() });
    expect(saved.lastSubmission).toMatch(/^[0-9a-f]{64}$/);
    expect(result.type === 'saved' && result.audit).toEqual([
      expect.objectContaining({
        action: 'grid.row_save',
        by: marc.id,
        target: 'grid:evaluation-1:aad-marc',
        before: { rowId: 'gpa', notes: '' },
        after: { rowId: 'gpa', notes: 'Bonne écoute, reformule.' },
      }),
    ]);
    expect(grid.rev).toBe(0); // the input record is not mutated
  });

  it.each<[string, Partial<SaveRowInput>, Record<string, unknown>]>([
    ['notes of exactly 4,000 characters', { notes: 'n'.repeat(4000) }, { notes: 'n'.repeat(4000) }],
    ['0 %', { percentage: 0 }, { percentage: 0 }],
    ['100 %', { percentage: 100 }, { percentage: 100 }],
    ['the source', { source: 'both' }, { source: 'both' }],
    ['non évalué with a reason (trimmed)', { notEvaluatedReason: '  Pas de GPA chez ce client  ' }, { notEvaluatedReason: 'Pas de GPA chez ce client', percentage: null }],
    ['questions used, in the referential order, once each', { questionsUsed: [...gpaQuestions].reverse().concat(gpaQuestions) }, { questionsUsed: gpaQuestions }],
    ['lines of the row’s sheet', { linesUsed: gpaLines.slice(0, 2) }, { linesUsed: gpaLines.slice(0, 2) }],
  ])('accepts %s', (_label, input, expected) => {
    const saved = expectSaved(saveRow(makeGrid(marc.id), { rowId: 'gpa', rev: 0, ...input }, ctxMarc()));
    expect(saved.rows.gpa).toMatchObject(expected);
  });

  it.each<[string, string | number | null, Partial<SaveRowInput>, Record<string, unknown>]>([
    ['a percentage replaces a non évalué', 'absent', { percentage: 55 }, { percentage: 55, notEvaluatedReason: null }],
    ['a non évalué replaces a percentage', 55, { notEvaluatedReason: 'non observé' }, { percentage: null, notEvaluatedReason: 'non observé' }],
    ['null clears a percentage', 55, { percentage: null }, { percentage: null, notEvaluatedReason: null }],
    ['an empty reason clears a non évalué', 'absent', { notEvaluatedReason: '   ' }, { percentage: null, notEvaluatedReason: null }],
    ['fields left out stay as they are', 55, { notes: 'ajout' }, { percentage: 55, notes: 'ajout' }],
  ])('%s', (_label, before, input, expected) => {
    const grid = makeGrid(marc.id, { gpa: before });
    expect(expectSaved(saveRow(grid, { rowId: 'gpa', rev: 0, ...input }, ctxMarc())).rows.gpa).toMatchObject(expected);
  });

  it.each<[EvaluationState]>([['draft'], ['in_progress'], ['interview_ended']])('is open while the evaluation is %s (a percentage is optional during the interview)', (state) => {
    expect(saveRow(makeGrid(marc.id), { rowId: 'delais', rev: 0, percentage: 40 }, ctxMarc(makeEvaluation(state))).type).toBe('saved');
  });

  it('answers unchanged (no new rev) when nothing differs', () => {
    const grid = makeGrid(marc.id, { gpa: 55 });
    expect(saveRow(grid, { rowId: 'gpa', rev: 0, percentage: 55, notes: '' }, ctxMarc())).toEqual({ type: 'unchanged' });
  });
});

describe('saveRow: what is refused (nothing changes)', () => {
  it.each<[string, SaveRowInput, Record<string, unknown>]>([
    ['an unknown row', { rowId: 'inconnue', rev: 0, notes: 'x' }, { reason: 'unknown_row', field: 'rowId' }],
    ['notes of 4,001 characters', { rowId: 'gpa', rev: 0, notes: 'n'.repeat(4001) }, { reason: 'notes_too_long', field: 'notes' }],
    ['10,000 characters of notes', { rowId: 'gpa', rev: 0, notes: 'n'.repeat(10_000) }, { reason: 'notes_too_long' }],
    ['140 %', { rowId: 'gpa', rev: 0, percentage: 140 }, { reason: 'percentage_out_of_range', field: 'percentage' }],
    ['101 %', { rowId: 'gpa', rev: 0, percentage: 101 }, { reason: 'percentage_out_of_range' }],
    ['-1 %', { rowId: 'gpa', rev: 0, percentage: -1 }, { reason: 'percentage_out_of_range' }],
    ['55.5 %', { rowId: 'gpa', rev: 0, percentage: 55.5 }, { reason: 'percentage_not_integer' }],
    ['NaN', { rowId: 'gpa', rev: 0, percentage: Number.NaN }, { reason: 'percentage_not_integer' }],
    ['a percentage and a reason', { rowId: 'gpa', rev: 0, percentage: 50, notEvaluatedReason: 'absent' }, { reason: 'percentage_and_reason' }],
    ['a reason over 500 characters', { rowId: 'gpa', rev: 0, notEvaluatedReason: 'r'.repeat(501) }, { reason: 'reason_too_long' }],
    ['a question of another row', { rowId: 'gpa', rev: 0, questionsUsed: questionIdsOf('gestion-litiges') }, { reason: 'unknown_question', ids: questionIdsOf('gestion-litiges') }],
    ['a made-up question', { rowId: 'delais', rev: 0, questionsUsed: ['q-forgee'] }, { reason: 'unknown_question', ids: ['q-forgee'] }],
    ['a line of a sheet the row does not use', { rowId: 'prise-de-commande', rev: 0, linesUsed: [delaisLines[0] as string] }, { reason: 'unknown_line', field: 'linesUsed' }],
    ['a made-up line', { rowId: 'gpa', rev: 0, linesUsed: ['ligne-forgee'] }, { reason: 'unknown_line', ids: ['ligne-forgee'] }],
  ])('refuses %s', (_label, input, expected) => {
    const grid = makeGrid(marc.id);
    const before = structuredClone(grid);
    expect(saveRow(grid, input, ctxMarc())).toMatchObject({ type: 'invalid', ...expected });
    expect(grid).toEqual(before);
  });

  it.each<[string, EvaluationState, string]>([
    ['collection_closed', 'collection_closed', 'collection_closed'],
    ['consolidated', 'consolidated', 'collection_closed'],
    ['signed', 'signed', 'evaluation_signed'],
    ['cancelled', 'cancelled', 'evaluation_closed'],
  ])('refuses while the evaluation is %s', (_label, state, reason) => {
    expect(saveRow(makeGrid(marc.id), { rowId: 'gpa', rev: 0, notes: 'x' }, ctxMarc(makeEvaluation(state)))).toEqual({ type: 'forbidden', reason, state });
  });

  it('refuses a submitted grid (read-only)', () => {
    const grid = makeGrid(marc.id, fullValues(50), { state: 'submitted' });
    expect(saveRow(grid, { rowId: 'gpa', rev: 0, notes: 'x' }, ctxMarc(makeEvaluation('interview_ended')))).toEqual({
      type: 'forbidden',
      reason: 'grid_submitted',
      state: 'interview_ended',
    });
  });

  it.each([
    ['another member (Inès on Marc’s grid)', ines.id, 'not_grid_owner'],
    ['the president on a member’s grid', claire.id, 'not_grid_owner'],
    ['a stranger', stranger.id, 'not_a_member'],
    ['the candidate', lea.id, 'not_a_member'],
  ])('refuses %s', (_label, actorId, reason) => {
    expect(saveRow(makeGrid(marc.id), { rowId: 'gpa', rev: 0, notes: 'x' }, evalCtx(actorId, inProgress))).toEqual({ type: 'forbidden', reason });
  });

  it('refuses a member removed from the jury', () => {
    const ctx = evalCtx(marc, inProgress, makeSession({ members: [ines] }));
    expect(saveRow(makeGrid(marc.id), { rowId: 'gpa', rev: 0, notes: 'x' }, ctx)).toEqual({ type: 'forbidden', reason: 'not_a_member' });
  });

  it('throws when the grid is not the evaluation’s (a bug)', () => {
    expect(() => saveRow(makeGrid(marc.id, {}, { evaluationId: 'other' }), { rowId: 'gpa', rev: 0 }, ctxMarc())).toThrow();
  });
});

describe('saveRow: stale card vs double click', () => {
  const first: SaveRowInput = { rowId: 'gpa', rev: 0, percentage: 55, notes: 'ok' };
  const applied = expectSaved(saveRow(makeGrid(marc.id), first, ctxMarc()));

  it.each<[string, SaveRowInput, string | undefined, string]>([
    ['the same submission again (double click)', first, undefined, 'duplicate'],
    ['the same values with keys in another order', { notes: 'ok', percentage: 55, rev: 0, rowId: 'gpa' }, undefined, 'duplicate'],
    ['other values on the old rev', { ...first, percentage: 60 }, undefined, 'stale'],
    ['another row on the old rev', { ...first, rowId: 'litige' }, undefined, 'stale'],
    ['the same values through another verb (Enregistrer et suivant)', first, 'grid.next', 'stale'],
    ['a rev from the future', { ...first, rev: 7 }, undefined, 'stale'],
  ])('%s → %s', (_label, input, verb, type) => {
    const result = saveRow(applied, input, ctxMarc(), verb ? { verb } : undefined);
    expect(result.type).toBe(type);
    if (result.type === 'stale') expect(result.current).toBe(applied);
  });

  it('a double click is detected with an explicit verb too', () => {
    const viaVerb = expectSaved(saveRow(makeGrid(marc.id), first, ctxMarc(), { verb: 'grid.save' }));
    expect(saveRow(viaVerb, first, ctxMarc(), { verb: 'grid.save' })).toEqual({ type: 'duplicate' });
  });

  it('only the last applied submission counts as a duplicate', () => {
    const second = expectSaved(saveRow(applied, { rowId: 'litige', rev: 1, percentage: 40 }, ctxMarc()));
    expect(saveRow(second, first, ctxMarc()).type).toBe('stale');
    expect(saveRow(second, { rowId: 'litige', rev: 1, percentage: 40 }, ctxMarc()).type).toBe('duplicate');
  });

  it('a double click on a now-submitted grid is still silent', () => {
    const full = makeGrid(marc.id, fullValues(50));
    const submitted = submitGrid(full, { rev: 0 }, ctxMarc());
    if (submitted.type !== 'submitted') throw new Error('expected submitted');
    expect(submitGrid(submitted.grid, { rev: 0 }, ctxMarc(makeEvaluation('interview_ended')))).toEqual({ type: 'duplicate' });
  });
});

describe('domain comments', () => {
  it.each<[string, string, string, Record<string, unknown>]>([
    ['1,000 characters', 'relation-client', 'c'.repeat(1000), { type: 'saved' }],
    ['1,001 characters', 'relation-client', 'c'.repeat(1001), { type: 'invalid', reason: 'comment_too_long', ids: ['relation-client'] }],
    ['an unknown domain', 'inconnu', 'x', { type: 'invalid', reason: 'unknown_domain', ids: ['inconnu'] }],
  ])('setDomainComment with %s', (_label, domainId, comment, expected) => {
    expect(setDomainComment(makeGrid(marc.id), { rev: 0, domainId, comment }, ctxMarc())).toMatchObject(expected);
  });

  it('saves several at once, trims, and an empty comment removes one', () => {
    const grid = makeGrid(marc.id, {}, { domainComments: { 'produits-offres': 'ancien' } });
    const result = setDomainComments(grid, { rev: 0, comments: { 'relation-client': '  Bien.  ', 'produits-offres': '' } }, ctxMarc());
    if (result.type !== 'saved') throw new Error('expected saved');
    expect(result.grid.domainComments).toEqual({ 'relation-client': 'Bien.' });
    expect(result.audit[0]).toMatchObject({ action: 'grid.comments_save', before: { 'relation-client': undefined, 'produits-offres': 'ancien' } });
  });

  it('refuses on a submitted grid', () => {
    const grid = makeGrid(marc.id, fullValues(50), { state: 'submitted' });
    expect(setDomainComment(grid, { rev: 0, domainId: 'relation-client', comment: 'x' }, ctxMarc(makeEvaluation('interview_ended')))).toMatchObject({
      type: 'forbidden',
      reason: 'grid_submitted',
    });
  });
});

describe('submitGrid', () => {
  it('submits a complete grid: state, time, report, audit', () => {
    const grid = makeGrid(marc.id, { ...fullValues(60), delais: 75, litige: 'pas observé' });
    const result = submitGrid(grid, { rev: 0, comments: { 'relation-client': 'Très bien' } }, ctxMarc(makeEvaluation('interview_ended')));
    if (result.type !== 'submitted') throw new Error(`expected submitted, got ${JSON.stringify(result)}`);
    expect(memberGridSchema.parse(result.grid)).toEqual(result.grid);
    expect(result.grid).toMatchObject({ state: 'submitted', submittedAt: minutesAfter(50).toISOString(), rev: 1, domainComments: { 'relation-client': 'Très bien' } });
    expect(result.report.map((d) => d.value)).toEqual([68, 60, 60]); // (75 + 60) / 2 = 67.5 → 68
    expect(result.audit[0]).toMatchObject({ action: 'grid.submit', after: { state: 'submitted', reported: { 'relation-client': 68 } } });
  });

  it('names the rows with neither a percentage nor a reason', () => {
    const grid = makeGrid(marc.id, { ...fullValues(60), gpa: null, 'erreur-interne': null });
    expect(submitGrid(grid, { rev: 0 }, ctxMarc())).toEqual({ type: 'invalid', reason: 'rows_incomplete', ids: ['gpa', 'erreur-interne'] });
  });

  it('asks to confirm a domain without any evaluated row, then submits once confirmed', () => {
    const grid = makeGrid(marc.id, { ...fullValues(60), 'prise-de-commande': 'pas le temps' });
    expect(submitGrid(grid, { rev: 0 }, ctxMarc())).toEqual({ type: 'needs_confirmation', reason: 'empty_domains', ids: ['produits-offres'] });
    const confirmed = submitGrid(grid, { rev: 0, confirmEmptyDomains: true }, ctxMarc());
    expect(confirmed.type === 'submitted' && confirmed.report[1]).toMatchObject({ domainId: 'produits-offres', value: null });
  });

  it.each<[EvaluationState, string]>([
    ['draft', 'interview_not_started'],
    ['collection_closed', 'collection_closed'],
    ['consolidated', 'collection_closed'],
    ['signed', 'evaluation_signed'],
    ['cancelled', 'evaluation_closed'],
  ])('refuses while the evaluation is %s', (state, reason) => {
    expect(submitGrid(makeGrid(marc.id, fullValues(50)), { rev: 0 }, ctxMarc(makeEvaluation(state)))).toMatchObject({ type: 'forbidden', reason });
  });

  it('refuses someone else’s grid', () => {
    expect(submitGrid(makeGrid(marc.id, fullValues(50)), { rev: 0 }, evalCtx(claire, inProgress))).toEqual({ type: 'forbidden', reason: 'not_grid_owner' });
  });

  it('a lone professional submits in professional mode; then the grid is read-only', () => {
    const evaluation = makeEvaluation('in_progress', { mode: 'professional' });
    const ctx = evalCtx(paul, evaluation);
    const result = submitGrid(makeGrid(paul.id, fullValues(70)), { rev: 0 }, ctx);
    expect(result.type).toBe('submitted');
    const after = evalCtx(paul, makeEvaluation('submitted', { mode: 'professional' }));
    expect(saveRow(makeGrid(paul.id, fullValues(70), { state: 'submitted' }), { rowId: 'gpa', rev: 0, notes: 'x' }, after)).toMatchObject({
      type: 'forbidden',
      reason: 'grid_submitted',
    });
  });
});

describe('reopenGrid (president, with a reason, before signature)', () => {
  const submitted = makeGrid(marc.id, fullValues(50), { state: 'submitted', submittedAt: minutesAfter(46).toISOString(), rev: 4 });

  it.each<[EvaluationState, EvaluationState, number]>([
    ['interview_ended', 'interview_ended', 1],
    ['collection_closed', 'interview_ended', 2],
    ['consolidated', 'interview_ended', 2],
  ])('from %s: the grid reopens and the evaluation goes to %s', (state, expected, auditCount) => {
    const result = reopenGrid(submitted, { rev: 4, reason: 'Erreur de saisie sur GPA' }, evalCtx(claire, makeEvaluation(state)));
    if (result.type !== 'reopened') throw new Error(`expected reopened, got ${JSON.stringify(result)}`);
    expect(memberGridSchema.parse(result.grid)).toEqual(result.grid);
    expect(result.grid.state).toBe('open');
    expect(result.grid.submittedAt).toBeUndefined();
    expect(result.grid.rev).toBe(5);
    expect(result.grid.reopenings).toEqual([{ at: minutesAfter(50).toISOString(), by: claire.id, reason: 'Erreur de saisie sur GPA' }]);
    expect(result.evaluation.state).toBe(expected);
    expect(result.audit).toHaveLength(auditCount);
    expect(result.audit[0]).toMatchObject({ action: 'grid.reopen', reason: 'Erreur de saisie sur GPA' });
  });

  it('in professional mode the evaluation goes back to in_progress', () => {
    const grid = makeGrid(paul.id, fullValues(50), { state: 'submitted' });
    const result = reopenGrid(grid, { rev: 0, reason: 'oubli' }, evalCtx(paul, makeEvaluation('submitted', { mode: 'professional' })));
    expect(result.type === 'reopened' && result.evaluation.state).toBe('in_progress');
  });

  it.each<[string, string, EvaluationState, Partial<MemberGrid>, string, Record<string, unknown>]>([
    ['a member', marc.id, 'collection_closed', {}, 'oubli', { type: 'forbidden', reason: 'not_president' }],
    ['a stranger', stranger.id, 'collection_closed', {}, 'oubli', { type: 'forbidden', reason: 'not_a_member' }],
    ['no reason', claire.id, 'collection_closed', {}, '  ', { type: 'invalid', reason: 'reason_required' }],
    ['a reason over 500 characters', claire.id, 'collection_closed', {}, 'r'.repeat(501), { type: 'invalid', reason: 'reason_too_long' }],
    ['an open grid', claire.id, 'interview_ended', { state: 'open' }, 'oubli', { type: 'forbidden', reason: 'grid_open' }],
    ['after signature', claire.id, 'signed', {}, 'oubli', { type: 'forbidden', reason: 'evaluation_signed' }],
    ['a cancelled evaluation', claire.id, 'cancelled', {}, 'oubli', { type: 'forbidden', reason: 'evaluation_closed' }],
    ['during the interview', claire.id, 'in_progress', {}, 'oubli', { type: 'forbidden', reason: 'illegal_transition' }],
  ])('refuses %s', (_label, actorId, state, over, reason, expected) => {
    expect(reopenGrid({ ...submitted, ...over }, { rev: 4, reason }, evalCtx(actorId, makeEvaluation(state)))).toMatchObject(expected);
  });

  it('a double click on reopen is silent', () => {
    const ctx = evalCtx(claire, makeEvaluation('collection_closed'));
    const first = reopenGrid(submitted, { rev: 4, reason: 'oubli' }, ctx);
    if (first.type !== 'reopened') throw new Error('expected reopened');
    expect(reopenGrid(first.grid, { rev: 4, reason: 'oubli' }, { ...ctx, evaluation: first.evaluation })).toEqual({ type: 'duplicate' });
  });
});

describe('every evaluation state for saveRow', () => {
  it.each(EVALUATION_STATES.map((s) => [s]))('%s', (state) => {
    const mode = state === 'submitted' ? 'professional' : 'jury';
    const actor = mode === 'professional' ? paul : marc;
    const result = saveRow(makeGrid(actor.id), { rowId: 'gpa', rev: 0, notes: 'x' }, evalCtx(actor, makeEvaluation(state, { mode })));
    const open = ['draft', 'in_progress', 'interview_ended'].includes(state);
    expect(result.type).toBe(open ? 'saved' : 'forbidden');
  });
});
