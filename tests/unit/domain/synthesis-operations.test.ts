import { describe, expect, it } from 'vitest';
import { consolidate } from '../../../src/domain/consolidate.js';
import { correctHeader } from '../../../src/domain/evaluation-operations.js';
import { saveRow } from '../../../src/domain/grid-operations.js';
import { cancelEvaluation } from '../../../src/domain/lifecycle.js';
import { synthesisSchema, type EvaluationState, type Synthesis } from '../../../src/domain/model.js';
import { createSynthesis, reopenSigned, saveAgreement, settleWithSynthesis, sign, type SaveAgreementInput } from '../../../src/domain/synthesis-operations.js';
import { claire, evalCtx, fullValues, ines, makeEvaluation, makeGrid, makeSession, marc, minutesAfter, opCtx, paul, referential, stranger } from './fixture.js';

const grids = [
  makeGrid(marc.id, { ...fullValues(50), delais: 75, litige: 75, gpa: 75 }, { state: 'submitted' }),
  makeGrid(ines.id, { ...fullValues(50), delais: 45, litige: 45, gpa: 45 }, { state: 'submitted' }),
  makeGrid(claire.id, { ...fullValues(60), 'prise-de-commande': 'pas abordé' }, { state: 'submitted' }),
];
const consolidation = consolidate(referential, grids.map((grid) => ({ memberId: grid.memberId, grid })));
const closed = makeEvaluation('collection_closed');

function created(evaluation = closed): Synthesis {
  const result = createSynthesis(evaluation, consolidation, opCtx(claire));
  if (result.type !== 'created') throw new Error('expected created');
  return result.synthesis;
}

const decided: SaveAgreementInput = {
  rev: 0,
  domains: {
    'relation-client': { percentage: 60, notEvaluatedReason: null },
    'produits-offres': { percentage: 50, notEvaluatedReason: null },
    'outil-organisation': { percentage: null, notEvaluatedReason: 'Non abordé faute de temps' },
  },
  comment: 'Candidate à l’aise avec les clients.',
};

function consolidated(): { synthesis: Synthesis; evaluation: typeof closed } {
  const result = saveAgreement(created(), decided, evalCtx(claire, closed));
  if (result.type !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(result)}`);
  return { synthesis: result.synthesis, evaluation: result.evaluation };
}

function signedOnce() {
  const { synthesis, evaluation } = consolidated();
  const result = sign(synthesis, { rev: synthesis.rev }, evalCtx(claire, evaluation, makeSession(), minutesAfter(70)));
  if (result.type !== 'signed') throw new Error(`expected signed, got ${JSON.stringify(result)}`);
  return result;
}

describe('createSynthesis', () => {
  it('is pre-filled with the rounded means; a domain nobody evaluated stays undecided', () => {
    const synthesis = created();
    expect(synthesisSchema.parse(synthesis)).toEqual(synthesis);
    expect(synthesis.domains).toEqual({
      'relation-client': { percentage: 60, notEvaluatedReason: null }, // 75, 45, 60
      'produits-offres': { percentage: 50, notEvaluatedReason: null }, // 50, 50, non évalué
      'outil-organisation': { percentage: 53, notEvaluatedReason: null }, // 50, 50, 60 → 53.3
    });
    expect(synthesis.rev).toBe(0);
  });

  it('leaves undecided a domain with no value at all', () => {
    const none = consolidate(referential, [{ memberId: 'a', grid: makeGrid('a', { ...fullValues(50), 'prise-de-commande': 'x' }) }]);
    const result = createSynthesis(closed, none, opCtx(claire));
    expect(result.type === 'created' && result.synthesis.domains['produits-offres']).toEqual({ percentage: null, notEvaluatedReason: null });
  });

  it('clips a pre-filled comment to 2,000 characters', () => {
    const result = createSynthesis(closed, consolidation, opCtx(claire), 'c'.repeat(3000));
    expect(result.type === 'created' && result.synthesis.comment.length).toBe(2000);
  });

  it.each<[EvaluationState, string]>([
    ['interview_ended', 'collection_open'],
    ['in_progress', 'collection_open'],
    ['signed', 'evaluation_signed'],
    ['cancelled', 'evaluation_closed'],
  ])('is refused while %s', (state, reason) => {
    expect(createSynthesis(makeEvaluation(state), consolidation, opCtx(claire))).toMatchObject({ type: 'forbidden', reason });
  });
});

describe('saveAgreement', () => {
  it('saves the agreed values and comment; the evaluation becomes consolidated', () => {
    const result = saveAgreement(created(), decided, evalCtx(claire, closed));
    if (result.type !== 'saved') throw new Error('expected saved');
    expect(synthesisSchema.parse(result.synthesis)).toEqual(result.synthesis);
    expect(result.synthesis).toMatchObject({ rev: 1, comment: 'Candidate à l’aise avec les clients.' });
    expect(result.synthesis.domains['outil-organisation']).toEqual({ percentage: null, notEvaluatedReason: 'Non abordé faute de temps' });
    expect(result.evaluation.state).toBe('consolidated');
    expect(result.audit.map((a) => a.action)).toEqual(['synthesis.save', 'evaluation.consolidate']);
  });

  it('saving the pre-filled values as they are still records the agreement (state only)', () => {
    const synthesis = created();
    const result = saveAgreement(synthesis, { rev: 0, domains: {} }, evalCtx(claire, closed));
    if (result.type !== 'saved') throw new Error('expected saved');
    expect(result.synthesis).toBe(synthesis);
    expect(result.evaluation.state).toBe('consolidated');
    expect(result.audit.map((a) => a.action)).toEqual(['evaluation.consolidate']);
    expect(saveAgreement(synthesis, { rev: 0, domains: {} }, evalCtx(claire, result.evaluation))).toEqual({ type: 'unchanged' });
  });

  it.each<[string, number | null, string | null, string | undefined, string]>([
    ['0 %', 0, null, undefined, 'saved'],
    ['100 %', 100, null, undefined, 'saved'],
    ['a comment of 2,000 characters', 50, null, 'c'.repeat(2000), 'saved'],
    ['undecided (both empty)', null, null, undefined, 'saved'],
  ])('accepts %s', (_label, percentage, notEvaluatedReason, comment, type) => {
    const input = { rev: 0, domains: { 'relation-client': { percentage, notEvaluatedReason } }, ...(comment === undefined ? {} : { comment }) };
    expect(saveAgreement(created(), input, evalCtx(claire, closed)).type).toBe(type);
  });

  it.each<[string, string, number | null, string | null, string | undefined, Record<string, unknown>]>([
    ['140 %', 'relation-client', 140, null, undefined, { reason: 'percentage_out_of_range', ids: ['relation-client'] }],
    ['-1 %', 'relation-client', -1, null, undefined, { reason: 'percentage_out_of_range' }],
    ['55.5 %', 'relation-client', 55.5, null, undefined, { reason: 'percentage_not_integer' }],
    ['a percentage and a reason', 'relation-client', 60, 'absent', undefined, { reason: 'percentage_and_reason', field: 'domains.relation-client' }],
    ['a reason over 500 characters', 'relation-client', null, 'r'.repeat(501), undefined, { reason: 'reason_too_long' }],
    ['an unknown domain', 'inconnu', 50, null, undefined, { reason: 'unknown_domain', ids: ['inconnu'] }],
    ['a comment of 2,001 characters', 'relation-client', 50, null, 'c'.repeat(2001), { reason: 'comment_too_long', field: 'comment' }],
  ])('refuses %s', (_label, domainId, percentage, notEvaluatedReason, comment, expected) => {
    const input = { rev: 0, domains: { [domainId]: { percentage, notEvaluatedReason } }, ...(comment === undefined ? {} : { comment }) };
    expect(saveAgreement(created(), input, evalCtx(claire, closed))).toMatchObject({ type: 'invalid', ...expected });
  });

  it.each<[string, string, EvaluationState, string]>([
    ['a member', marc.id, 'collection_closed', 'not_president'],
    ['a stranger', stranger.id, 'collection_closed', 'not_a_member'],
    ['before the collection closes', claire.id, 'interview_ended', 'collection_open'],
    ['after signature', claire.id, 'signed', 'evaluation_signed'],
    ['a cancelled evaluation', claire.id, 'cancelled', 'evaluation_closed'],
  ])('refuses %s', (_label, actorId, state, reason) => {
    expect(saveAgreement(created(), decided, evalCtx(actorId, makeEvaluation(state)))).toMatchObject({ type: 'forbidden', reason });
  });

  it('stale vs duplicate on the synthesis rev', () => {
    const { synthesis, evaluation } = consolidated();
    expect(saveAgreement(synthesis, decided, evalCtx(claire, evaluation))).toEqual({ type: 'duplicate' });
    const other = { ...decided, comment: 'autre' };
    expect(saveAgreement(synthesis, other, evalCtx(claire, evaluation))).toEqual({ type: 'stale', current: synthesis });
  });
});

describe('sign', () => {
  it('signs: the version is locked with the signer, time and members; the evaluation is signed', () => {
    const result = signedOnce();
    expect(synthesisSchema.parse(result.synthesis)).toEqual(result.synthesis);
    expect(result.synthesis.signed).toEqual({
      domains: decided.domains,
      comment: decided.comment,
      signedBy: claire,
      signedAt: minutesAfter(70).toISOString(),
      members: [claire, marc, ines],
    });
    expect(result.evaluation.state).toBe('signed');
    expect(result.audit.map((a) => a.action)).toEqual(['synthesis.sign', 'evaluation.sign']);
  });

  it('leaves members excluded at the collection off the signed version (the president stays)', () => {
    const evaluation = makeEvaluation('consolidated', { excludedMemberIds: [ines.id, claire.id] });
    const synthesis = consolidated().synthesis;
    const result = sign(synthesis, { rev: synthesis.rev }, evalCtx(claire, evaluation));
    expect(result.type === 'signed' && result.synthesis.signed?.members).toEqual([claire, marc]);
  });

  it('requires every domain decided', () => {
    const synthesis = created();
    const undecided = { ...synthesis, domains: { ...synthesis.domains, 'produits-offres': { percentage: null, notEvaluatedReason: null } } };
    expect(sign(undecided, { rev: 0 }, evalCtx(claire, makeEvaluation('consolidated')))).toEqual({
      type: 'invalid',
      reason: 'domains_undecided',
      field: 'domains',
      ids: ['produits-offres'],
    });
  });

  it('treats a domain missing from the record as undecided', () => {
    const synthesis = created();
    const { 'outil-organisation': _gone, ...rest } = synthesis.domains;
    expect(sign({ ...synthesis, domains: rest }, { rev: 0 }, evalCtx(claire, makeEvaluation('consolidated')))).toMatchObject({ ids: ['outil-organisation'] });
  });

  it.each<[string, string, EvaluationState, string]>([
    ['a member', marc.id, 'consolidated', 'not_president'],
    ['before the agreement is saved', claire.id, 'collection_closed', 'illegal_transition'],
    ['before the collection closes', claire.id, 'interview_ended', 'collection_open'],
    ['twice', claire.id, 'signed', 'evaluation_signed'],
  ])('refuses %s', (_label, actorId, state, reason) => {
    expect(sign(created(), { rev: 0 }, evalCtx(actorId, makeEvaluation(state)))).toMatchObject({ type: 'forbidden', reason });
  });

  it('a double click on Signer is silent', () => {
    const { synthesis, evaluation } = signedOnce();
    expect(sign(synthesis, { rev: synthesis.rev - 1 }, evalCtx(claire, evaluation))).toEqual({ type: 'duplicate' });
  });
});

describe('a change after signing is refused (evaluation_signed), except the president’s reopen', () => {
  const { synthesis, evaluation } = signedOnce();
  const session = makeSession();

  it.each([
    ['saving the agreement', () => saveAgreement(synthesis, { ...decided, rev: synthesis.rev, comment: 'x' }, evalCtx(claire, evaluation))],
    ['a juror saving a row', () => saveRow(makeGrid(marc.id), { rowId: 'gpa', rev: 0, notes: 'x' }, evalCtx(marc, evaluation))],
    ['cancelling', () => cancelEvaluation(evaluation, session, { reason: 'erreur' }, opCtx(claire))],
    ['correcting the header', () => correctHeader(evaluation, session, { company: 'Autre' }, opCtx(claire))],
  ])('%s', (_label, act) => {
    expect(act()).toMatchObject({ type: 'forbidden', reason: 'evaluation_signed' });
  });
});

describe('reopenSigned', () => {
  it('archives the signed version as replaced with the reason; back to consolidated; signing again keeps the archive', () => {
    const first = signedOnce();
    const reopened = reopenSigned(first.synthesis, { rev: first.synthesis.rev, reason: 'Erreur de report sur le domaine 2' }, evalCtx(claire, first.evaluation, makeSession(), minutesAfter(90)));
    if (reopened.type !== 'reopened') throw new Error(`expected reopened, got ${JSON.stringify(reopened)}`);
    expect(synthesisSchema.parse(reopened.synthesis)).toEqual(reopened.synthesis);
    expect(reopened.synthesis.signed).toBeUndefined();
    expect(reopened.synthesis.replaced).toEqual([{ ...first.synthesis.signed, replacedAt: minutesAfter(90).toISOString(), reason: 'Erreur de report sur le domaine 2', replacedBy: claire.id }]);
    expect(reopened.evaluation.state).toBe('consolidated');
    expect(reopened.audit.map((a) => a.action)).toEqual(['synthesis.reopen', 'evaluation.reopen_signed']);

    const saved = saveAgreement(reopened.synthesis, { rev: reopened.synthesis.rev, domains: { 'produits-offres': { percentage: 55, notEvaluatedReason: null } } }, evalCtx(claire, reopened.evaluation));
    if (saved.type !== 'saved') throw new Error('expected saved');
    const again = sign(saved.synthesis, { rev: saved.synthesis.rev }, evalCtx(claire, saved.evaluation));
    if (again.type !== 'signed') throw new Error('expected signed');
    expect(again.synthesis.signed?.domains['produits-offres']?.percentage).toBe(55);
    expect(again.synthesis.replaced).toHaveLength(1);
  });

  it.each<[string, string, EvaluationState, string, Record<string, unknown>]>([
    ['a member', marc.id, 'signed', 'erreur', { type: 'forbidden', reason: 'not_president' }],
    ['without a reason', claire.id, 'signed', ' ', { type: 'invalid', reason: 'reason_required' }],
    ['before signature', claire.id, 'consolidated', 'erreur', { type: 'forbidden', reason: 'illegal_transition' }],
  ])('refuses %s', (_label, actorId, state, reason, expected) => {
    const { synthesis } = signedOnce();
    expect(reopenSigned(synthesis, { rev: synthesis.rev, reason }, evalCtx(actorId, makeEvaluation(state)))).toMatchObject(expected);
  });
});

describe('professional mode: the professional’s report is the synthesis', () => {
  it('submitted → saved (stays submitted) → signed → reopened back to submitted', () => {
    const session = makeSession({ mode: 'professional' });
    const evaluation = makeEvaluation('submitted', { mode: 'professional' });
    const grid = makeGrid(paul.id, fullValues(70), { state: 'submitted' });
    const created = createSynthesis(evaluation, consolidate(referential, [{ memberId: paul.id, grid }]), opCtx(paul));
    if (created.type !== 'created') throw new Error('expected created');
    expect(created.synthesis.domains['relation-client']?.percentage).toBe(70);

    const saved = saveAgreement(created.synthesis, { rev: 0, domains: {}, comment: 'Très bon niveau.' }, evalCtx(paul, evaluation, session));
    if (saved.type !== 'saved') throw new Error('expected saved');
    expect(saved.evaluation.state).toBe('submitted');

    const signed = sign(saved.synthesis, { rev: saved.synthesis.rev }, evalCtx(paul, saved.evaluation, session));
    if (signed.type !== 'signed') throw new Error('expected signed');
    expect(signed.synthesis.signed).toMatchObject({ signedBy: paul, members: [paul] });

    const reopened = reopenSigned(signed.synthesis, { rev: signed.synthesis.rev, reason: 'coquille' }, evalCtx(paul, signed.evaluation, session));
    expect(reopened.type === 'reopened' && reopened.evaluation.state).toBe('submitted');
  });
});

describe('settleWithSynthesis: the synthesis is the source of truth of a signature', () => {
  it('marks signed an evaluation left consolidated beside a signed synthesis, with the signature’s own audit entries', () => {
    const { synthesis } = signedOnce();
    const { evaluation } = consolidated();
    const settled = settleWithSynthesis(evaluation, synthesis);
    if (settled.type !== 'changed') throw new Error(`expected changed, got ${settled.type}`);
    expect(settled.evaluation).toMatchObject({ state: 'signed', synthesisRev: synthesis.rev });
    expect(settled.audit.map((a) => [a.action, a.by, a.at])).toEqual([
      ['synthesis.sign', claire.id, minutesAfter(70).toISOString()],
      ['evaluation.sign', claire.id, minutesAfter(70).toISOString()],
    ]);
    // The signer's own outcome and a later repair write the very same entries (same ids): appended once.
    expect(signedOnce().audit).toEqual(settled.audit);
    expect(settleWithSynthesis(settled.evaluation, synthesis)).toEqual({ type: 'unchanged' });
  });

  it('takes a signed evaluation back to consolidated beside a reopened synthesis, with the reason', () => {
    const first = signedOnce();
    const reopened = reopenSigned(first.synthesis, { rev: first.synthesis.rev, reason: 'Erreur de report' }, evalCtx(claire, first.evaluation, makeSession(), minutesAfter(90)));
    if (reopened.type !== 'reopened') throw new Error('expected reopened');
    const settled = settleWithSynthesis(first.evaluation, reopened.synthesis);
    if (settled.type !== 'changed') throw new Error(`expected changed, got ${settled.type}`);
    expect(settled.evaluation.state).toBe('consolidated');
    expect(settled.audit.map((a) => [a.action, a.reason])).toEqual([
      ['synthesis.reopen', 'Erreur de report'],
      ['evaluation.reopen_signed', 'Erreur de report'],
    ]);
  });

  it('never lets an older synthesis undo a newer settlement, and leaves agreeing records alone', () => {
    const first = signedOnce();
    const reopened = reopenSigned(first.synthesis, { rev: first.synthesis.rev, reason: 'Erreur' }, evalCtx(claire, first.evaluation, makeSession(), minutesAfter(90)));
    if (reopened.type !== 'reopened') throw new Error('expected reopened');
    // A reader still holding the signed synthesis arrives after the reopening was settled.
    expect(settleWithSynthesis(reopened.evaluation, first.synthesis)).toEqual({ type: 'unchanged' });
    expect(settleWithSynthesis(first.evaluation, first.synthesis)).toEqual({ type: 'unchanged' });
    expect(settleWithSynthesis(consolidated().evaluation, consolidated().synthesis)).toEqual({ type: 'unchanged' });
    expect(settleWithSynthesis(makeEvaluation('cancelled'), first.synthesis)).toEqual({ type: 'unchanged' });
  });
});
