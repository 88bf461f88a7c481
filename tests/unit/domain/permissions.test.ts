import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../../src/domain/audit.js';
import type { EvaluationState, MemberGrid, Synthesis } from '../../../src/domain/model.js';
import {
  canActAsPresident,
  canEditGrid,
  canReadAuditEntry,
  canReadConsolidation,
  canReadEvaluation,
  canReadGrid,
  canReadSynthesis,
  canShowGridIn,
  PRESIDENT_ACTIONS,
} from '../../../src/domain/permissions.js';
import { claire, ines, lea, makeEvaluation, makeGrid, makeSession, marc, minutesAfter, stranger } from './fixture.js';

const session = makeSession();
const allow = { type: 'allow' };
const deny = (reason: string) => ({ type: 'deny', reason });
const OPEN_STATES: EvaluationState[] = ['draft', 'in_progress', 'interview_ended'];
const CLOSED_STATES: EvaluationState[] = ['collection_closed', 'consolidated', 'signed'];

describe('canReadGrid', () => {
  const marcsGrid = makeGrid(marc.id, {}, { state: 'submitted' });
  const claireGrid = makeGrid(claire.id, {}, { state: 'submitted' });

  type GridCase = [EvaluationState, string, string, MemberGrid, object];
  it.each<GridCase>([
    ...OPEN_STATES.flatMap((state): GridCase[] => [
      [state, 'Marc reads his own grid', marc.id, marcsGrid, allow],
      [state, 'the president reads her own grid', claire.id, claireGrid, allow],
      [state, 'the president reads Marc’s grid before the collection closes', claire.id, marcsGrid, deny('collection_open')],
      [state, 'Inès reads Marc’s grid', ines.id, marcsGrid, deny('not_own_grid')],
      [state, 'Marc reads the president’s grid', marc.id, claireGrid, deny('not_own_grid')],
      [state, 'the candidate', lea.id, marcsGrid, deny('not_a_member')],
      [state, 'a stranger', stranger.id, marcsGrid, deny('not_a_member')],
    ]),
    ...CLOSED_STATES.flatMap((state): GridCase[] => [
      [state, 'the president reads Marc’s submitted grid', claire.id, marcsGrid, allow],
      [state, 'the president reads an unsubmitted (left out) grid', claire.id, makeGrid(ines.id), deny('grid_not_submitted')],
      [state, 'Inès still reads only her own', ines.id, marcsGrid, deny('not_own_grid')],
      [state, 'Marc reads the president’s grid', marc.id, claireGrid, deny('not_own_grid')],
      [state, 'Marc reads his own grid', marc.id, marcsGrid, allow],
      [state, 'the candidate', lea.id, marcsGrid, deny('not_a_member')],
      [state, 'a stranger', stranger.id, marcsGrid, deny('not_a_member')],
    ]),
  ])('%s: %s', (state, _label, viewerId, grid, expected) => {
    expect(canReadGrid(session, makeEvaluation(state), grid, viewerId)).toEqual(expected);
  });

  it.each<[EvaluationState, object]>([
    ['in_progress', deny('collection_open')],
    ['consolidated', allow],
  ])('a cancelled evaluation answers for the state it came from (%s)', (from, expected) => {
    const evaluation = makeEvaluation('cancelled', { cancellation: { reason: 'r', at: minutesAfter(1).toISOString(), by: claire.id, from } });
    expect(canReadGrid(session, evaluation, makeGrid(marc.id, {}, { state: 'submitted' }), claire.id)).toEqual(expected);
  });

  it('a member removed from the jury no longer reads even their own grid', () => {
    expect(canReadGrid(makeSession({ members: [ines] }), makeEvaluation('in_progress'), makeGrid(marc.id), marc.id)).toEqual(deny('not_a_member'));
  });
});

describe('canEditGrid', () => {
  it.each([
    [marc.id, allow],
    [claire.id, deny('not_own_grid')],
    [ines.id, deny('not_own_grid')],
    [stranger.id, deny('not_a_member')],
  ])('%s on Marc’s grid', (userId, expected) => {
    expect(canEditGrid(session, makeGrid(marc.id), userId)).toEqual(expected);
  });
});

describe('canActAsPresident', () => {
  it.each(PRESIDENT_ACTIONS.flatMap((action) => [
    [action, claire.id, allow],
    [action, marc.id, deny('not_president')],
    [action, lea.id, deny('not_a_member')],
  ]))('%s by %s', (action, userId, expected) => {
    expect(canActAsPresident(session, userId, action)).toEqual(expected);
  });
});

describe('canReadEvaluation (candidates and non-members see nothing)', () => {
  it.each([
    [claire.id, allow],
    [marc.id, allow],
    [lea.id, deny('not_a_member')],
    [stranger.id, deny('not_a_member')],
  ])('%s', (userId, expected) => {
    expect(canReadEvaluation(session, userId)).toEqual(expected);
  });
});

describe('canReadConsolidation', () => {
  it.each([
    ['interview_ended', claire.id, deny('collection_open')],
    ['collection_closed', claire.id, allow],
    ['signed', claire.id, allow],
    ['collection_closed', marc.id, deny('not_president')],
    ['collection_closed', lea.id, deny('not_a_member')],
  ] as const)('%s, %s', (state, userId, expected) => {
    expect(canReadConsolidation(session, makeEvaluation(state), userId)).toEqual(expected);
  });
});

describe('canReadSynthesis', () => {
  const signedVersion = {
    domains: {},
    comment: '',
    signedBy: claire,
    signedAt: minutesAfter(70).toISOString(),
    members: [claire, marc],
  };
  const draft: Pick<Synthesis, 'signed' | 'replaced'> = { replaced: [] };
  const signed: Pick<Synthesis, 'signed' | 'replaced'> = { signed: signedVersion, replaced: [] };
  const reopened: Pick<Synthesis, 'signed' | 'replaced'> = { replaced: [{ ...signedVersion, replacedAt: minutesAfter(80).toISOString(), reason: 'erreur' }] };

  it.each([
    ['the draft, by the president', draft, session, claire.id, allow],
    ['the draft, by a member', draft, session, marc.id, deny('not_signed')],
    ['the draft, by the candidate', draft, session, lea.id, deny('not_a_member')],
    ['the signed version, by a member', signed, session, marc.id, allow],
    ['the signed version, by the candidate', signed, session, lea.id, deny('not_a_member')],
    ['the signed version, by a stranger', signed, session, stranger.id, deny('not_a_member')],
    ['the signed version, by a member listed on it and removed since', signed, makeSession({ members: [ines] }), marc.id, allow],
    ['a replaced version, by a member', reopened, session, ines.id, allow],
  ] as const)('%s', (_label, synthesis, s, userId, expected) => {
    expect(canReadSynthesis(s, synthesis, userId)).toEqual(expected);
  });
});

describe('canReadAuditEntry (the trail is the president’s)', () => {
  const marcsGridEntry = { target: auditTarget.grid('evaluation-1', marc.id) };
  const claireGridEntry = { target: auditTarget.grid('evaluation-1', claire.id) };
  const stateEntry = { target: auditTarget.evaluation('evaluation-1') };

  it.each([
    ['a state change', 'in_progress', stateEntry, claire.id, allow],
    ['her own grid before closing', 'in_progress', claireGridEntry, claire.id, allow],
    ['Marc’s grid before closing', 'interview_ended', marcsGridEntry, claire.id, deny('collection_open')],
    ['Marc’s grid after closing', 'collection_closed', marcsGridEntry, claire.id, allow],
    ['by a member', 'signed', stateEntry, marc.id, deny('not_president')],
    ['by the candidate', 'signed', stateEntry, lea.id, deny('not_a_member')],
  ] as const)('%s', (_label, state, entry, userId, expected) => {
    expect(canReadAuditEntry(session, makeEvaluation(state), entry, userId)).toEqual(expected);
  });
});

describe('canShowGridIn (grids and percentages in 1:1 chats only)', () => {
  it.each([
    ['personal', allow],
    ['groupChat', deny('group_conversation')],
    ['channel', deny('group_conversation')],
    [undefined, deny('group_conversation')],
  ])('%s', (conversationType, expected) => {
    expect(canShowGridIn(conversationType)).toEqual(expected);
  });
});
