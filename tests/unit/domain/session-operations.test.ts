import { describe, expect, it } from 'vitest';
import { JOIN_CODE_PATTERN } from '../../../src/domain/join-code.js';
import { sessionSchema, type EvaluationState, type Person } from '../../../src/domain/model.js';
import {
  closeJoining,
  createSession,
  decideJoin,
  removeMember,
  requestJoin,
  workstationAdvice,
} from '../../../src/domain/session-operations.js';
import { claire, ines, lea, makeEvaluation, makeSession, marc, minutesAfter, opCtx, paul, referential, seededRandom, stranger } from './fixture.js';

const newDay = (mode: 'jury' | 'professional' = 'jury', president: Person = claire) =>
  createSession(
    { id: 'session-1', tenantId: 'tenant-a', referentialId: 'cqp-agc', date: '2026-11-28', mode, president },
    { ...opCtx(president), random: seededRandom(7) },
  );

const withCode = (code = 'K7QF-2M9X') => makeSession({ members: [], code });
const ask = (session = withCode(), person: Person = marc, code = 'k7qf 2m9x', tenantId = 'tenant-a') =>
  requestJoin(session, { person, code, tenantId }, opCtx(person));
const decideCtx = { ...opCtx(claire), referential };

describe('createSession', () => {
  it('jury mode: a random code, no members yet, audited without the code itself', () => {
    const result = newDay();
    if (result.type !== 'created') throw new Error('expected created');
    expect(sessionSchema.parse(result.session)).toEqual(result.session);
    expect(result.session.code).toMatch(JOIN_CODE_PATTERN);
    expect(result.session).toMatchObject({ president: claire, members: [], joinRequests: [], evaluationIds: [] });
    expect(result.audit[0]).toMatchObject({ action: 'session.create', after: { codeIssued: true } });
    expect(JSON.stringify(result.audit)).not.toContain(result.session.code as string);
  });

  it('the code never comes from names: same random source, other president, same code', () => {
    const a = newDay('jury', claire);
    const b = newDay('jury', { ...stranger, name: 'Autre Nom' });
    expect(a.type === 'created' && a.session.code).toBe(b.type === 'created' && b.session.code);
  });

  it('professional mode: no code', () => {
    const result = newDay('professional', paul);
    expect(result.type === 'created' && result.session.code).toBeNull();
  });

  it.each([
    ['a bad date', { date: '28/11/2026' }, { reason: 'invalid_date', field: 'date' }],
    ['a day that does not exist', { date: '2026-02-30' }, { reason: 'invalid_date', field: 'date' }],
    ['a month that does not exist', { date: '2026-13-01' }, { reason: 'invalid_date', field: 'date' }],
    ['an empty name', { president: { ...claire, name: '  ' } }, { reason: 'invalid_person', field: 'name' }],
  ])('refuses %s', (_label, over, expected) => {
    const input = { id: 's', tenantId: 't', referentialId: 'cqp-agc', date: '2026-11-28', mode: 'jury' as const, president: claire, ...over };
    expect(createSession(input, { ...opCtx(claire), random: seededRandom(1) })).toMatchObject({ type: 'invalid', ...expected });
  });
});

describe('requestJoin (a request, not an entry)', () => {
  it('records a pending request for the president to decide', () => {
    const result = ask();
    if (result.type !== 'requested') throw new Error(`expected requested, got ${JSON.stringify(result)}`);
    expect(sessionSchema.parse(result.session)).toEqual(result.session);
    expect(result.request).toEqual({ person: marc, requestedAt: minutesAfter(50).toISOString(), status: 'pending' });
    expect(result.session.members).toEqual([]);
    expect(result.audit[0]).toMatchObject({ action: 'session.join_request', by: marc.id });
  });

  it('is idempotent while the request is pending', () => {
    const first = ask();
    if (first.type !== 'requested') throw new Error('expected requested');
    expect(ask(first.session)).toEqual({ type: 'pending', request: first.request });
  });

  it('a refused person may ask again (the new request replaces the old one)', () => {
    const first = ask();
    if (first.type !== 'requested') throw new Error('expected requested');
    const refused = decideJoin(first.session, { personId: marc.id, decision: 'refuse' }, decideCtx);
    if (refused.type !== 'decided') throw new Error('expected decided');
    const again = ask(refused.session);
    expect(again.type === 'requested' && again.session.joinRequests).toHaveLength(1);
  });

  it.each([
    ['a member already', makeSession({ code: 'K7QF-2M9X' }), marc, 'K7QF-2M9X', 'tenant-a', 'already_member'],
    ['the president', withCode(), claire, 'K7QF-2M9X', 'tenant-a', 'is_president'],
    ['a closed code', makeSession({ members: [], code: null }), marc, 'K7QF-2M9X', 'tenant-a', 'code_closed'],
    ['a wrong code', withCode(), marc, 'K7QF-2M9Y', 'tenant-a', 'unknown_code'],
    ['garbage', withCode(), marc, 'bonjour', 'tenant-a', 'unknown_code'],
    ['another tenant', withCode(), marc, 'K7QF-2M9X', 'tenant-b', 'unknown_code'],
  ] as const)('refuses %s', (_label, session, person, code, tenantId, reason) => {
    expect(ask(session, person, code, tenantId)).toEqual({ type: 'forbidden', reason });
  });

  it('refuses a person without a name', () => {
    expect(ask(withCode(), { ...marc, name: '' })).toMatchObject({ type: 'invalid', reason: 'invalid_person' });
  });
});

describe('decideJoin (the president only)', () => {
  const pending = (() => {
    const a = ask(makeSession({ members: [ines], code: 'K7QF-2M9X' }));
    if (a.type !== 'requested') throw new Error('expected requested');
    return a.session;
  })();

  it('accepting makes a member, with the time', () => {
    const result = decideJoin(pending, { personId: marc.id, decision: 'accept' }, decideCtx);
    if (result.type !== 'decided') throw new Error('expected decided');
    expect(sessionSchema.parse(result.session)).toEqual(result.session);
    expect(result.session.members).toEqual([{ ...ines, joinedAt: minutesAfter(0).toISOString() }, { ...marc, joinedAt: minutesAfter(50).toISOString() }]);
    expect(result.session.joinRequests[0]).toMatchObject({ status: 'accepted', decidedAt: minutesAfter(50).toISOString() });
    expect(result.advice).toBeNull();
    expect(result.audit[0]).toMatchObject({ action: 'session.join_accept' });
  });

  it('refusing keeps them out', () => {
    const result = decideJoin(pending, { personId: marc.id, decision: 'refuse' }, decideCtx);
    expect(result.type === 'decided' && result.session.members.map((m) => m.id)).toEqual([ines.id]);
    expect(result.type === 'decided' && result.audit[0]?.action).toBe('session.join_refuse');
  });

  it.each([
    ['a member', ines.id, marc.id, 'not_president'],
    ['the requester', marc.id, marc.id, 'not_a_member'],
    ['a stranger', stranger.id, marc.id, 'not_a_member'],
    ['no pending request', claire.id, paul.id, 'no_pending_request'],
  ])('refuses %s', (_label, actorId, personId, reason) => {
    expect(decideJoin(pending, { personId, decision: 'accept' }, { ...opCtx(actorId), referential })).toEqual({ type: 'forbidden', reason });
  });

  it('refuses to accept once joining is closed', () => {
    expect(decideJoin({ ...pending, code: null }, { personId: marc.id, decision: 'accept' }, decideCtx)).toEqual({ type: 'forbidden', reason: 'code_closed' });
  });

  it('warns (without refusing) when the jury outnumbers the people advised at the workstation', () => {
    const three = makeSession({ members: [marc, ines] });
    const withRequest = { ...three, joinRequests: [{ person: paul, requestedAt: minutesAfter(1).toISOString(), status: 'pending' as const }] };
    const result = decideJoin(withRequest, { personId: paul.id, decision: 'accept' }, decideCtx);
    if (result.type !== 'decided') throw new Error('expected decided');
    expect(result.session.members).toHaveLength(3);
    expect(result.advice).toEqual({ type: 'too_many_at_workstation', people: 4, max: 3, advice: referential.interview.maxPeopleAdvice });
  });
});

describe('workstationAdvice', () => {
  it.each([
    [[], null],
    [[marc], null],
    [[marc, ines], null], // 3 people: the limit, not over it
    [[marc, ines, paul], 4],
  ])('with members %j', (members, people) => {
    const advice = workstationAdvice(makeSession({ members }), referential);
    expect(advice?.people ?? null).toBe(people);
  });
});

describe('removeMember (the president, until a collection closes)', () => {
  const session = makeSession();

  it('removes a member', () => {
    const result = removeMember(session, { memberId: marc.id }, [makeEvaluation('interview_ended')], opCtx(claire));
    if (result.type !== 'removed') throw new Error('expected removed');
    expect(result.session.members.map((m) => m.id)).toEqual([ines.id]);
    expect(result.audit[0]).toMatchObject({ action: 'session.member_remove', before: { member: marc } });
  });

  it('a cancelled evaluation does not block it', () => {
    const cancelled = makeEvaluation('cancelled', { cancellation: { reason: 'absent', at: minutesAfter(1).toISOString(), by: claire.id, from: 'consolidated' } });
    expect(removeMember(session, { memberId: marc.id }, [cancelled], opCtx(claire)).type).toBe('removed');
  });

  it('removing someone who is not a member changes nothing', () => {
    expect(removeMember(session, { memberId: stranger.id }, [], opCtx(claire))).toEqual({ type: 'unchanged' });
  });

  it.each<[string, string, string, EvaluationState, string]>([
    ['by a member', marc.id, ines.id, 'in_progress', 'not_president'],
    ['by a stranger', lea.id, ines.id, 'in_progress', 'not_a_member'],
    ['the president', claire.id, claire.id, 'in_progress', 'is_president'],
    ['after the collection closed', claire.id, marc.id, 'collection_closed', 'collection_closed'],
    ['after signature', claire.id, marc.id, 'signed', 'collection_closed'],
  ])('refuses %s', (_label, actorId, memberId, state, reason) => {
    expect(removeMember(session, { memberId }, [makeEvaluation(state)], opCtx(actorId))).toMatchObject({ type: 'forbidden', reason });
  });
});

describe('closeJoining', () => {
  it('the code stops working; closing again changes nothing', () => {
    const result = closeJoining(withCode(), opCtx(claire));
    if (result.type !== 'closed') throw new Error('expected closed');
    expect(result.session.code).toBeNull();
    expect(ask(result.session)).toEqual({ type: 'forbidden', reason: 'code_closed' });
    expect(closeJoining(result.session, opCtx(claire))).toEqual({ type: 'unchanged' });
  });

  it('only the president closes it', () => {
    expect(closeJoining(makeSession(), opCtx(marc))).toEqual({ type: 'forbidden', reason: 'not_president' });
  });
});
