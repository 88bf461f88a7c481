import type { Referential } from '../referential/schema.js';
import type { AuditEntry, Evaluation, JoinRequest, Mode, Person, Session } from './model.js';
import { isoDate, personSchema } from './model.js';
import type { OperationContext } from './operation-context.js';
import type { Forbidden, Invalid, Unchanged } from './outcome.js';
import { forbidden, invalid, UNCHANGED } from './outcome.js';
import { auditEntry, auditTarget, type AuditAction } from './audit.js';
import { generateJoinCode, normalizeJoinCode, type RandomSource } from './join-code.js';
import { juryOf, roleIn } from './jury.js';
import { collectionHasClosed } from './lifecycle.js';
import { canActAsPresident } from './permissions.js';

/**
 * The jury day: one president, one date, one jury. Members join once, with the day's code,
 * and the president admits them; they then belong to each of the day's evaluations.
 */

function sessionAudit(session: Session, ctx: OperationContext, action: AuditAction, before?: unknown, after?: unknown): AuditEntry {
  return auditEntry({
    id: ctx.newId(),
    scopeId: session.id,
    by: ctx.actorId,
    action,
    target: auditTarget.session(session.id),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    now: ctx.now,
  });
}

function presidentRefusal(session: Session, ctx: OperationContext): Forbidden | null {
  const permission = canActAsPresident(session, ctx.actorId);
  if (permission.type === 'allow') return null;
  return forbidden(permission.reason === 'not_a_member' ? 'not_a_member' : 'not_president');
}

function parsePerson(person: Person): { type: 'ok'; person: Person } | Invalid {
  const parsed = personSchema.safeParse(person);
  if (parsed.success) return { type: 'ok', person: parsed.data };
  return invalid('invalid_person', { field: parsed.error.issues[0]?.path.join('.') ?? 'person' });
}

export interface CreateSessionInput {
  id: string;
  tenantId: string;
  referentialId: string;
  /** AAAA-MM-JJ. */
  date: string;
  mode: Mode;
  /** The person creating the day (the actor): the president, or the lone professional. */
  president: Person;
}

/** A new jury day; in jury mode it gets a joining code from `random` (none for a lone professional). */
export function createSession(
  input: CreateSessionInput,
  ctx: OperationContext & { random: RandomSource },
): { type: 'created'; session: Session; audit: AuditEntry[] } | Invalid {
  if (input.president.id !== ctx.actorId) throw new Error('createSession: the president is the person creating the day');
  if (!isoDate.safeParse(input.date).success) return invalid('invalid_date', { field: 'date' });
  const president = parsePerson(input.president);
  if (president.type === 'invalid') return president;
  const session: Session = {
    schemaVersion: 1,
    id: input.id,
    tenantId: input.tenantId,
    referentialId: input.referentialId,
    date: input.date,
    mode: input.mode,
    president: president.person,
    code: input.mode === 'jury' ? generateJoinCode(ctx.random) : null,
    members: [],
    joinRequests: [],
    evaluationIds: [],
    createdAt: ctx.now.toISOString(),
  };
  // The code is a credential of sorts: the trail records that one was issued, not its value.
  const audit = sessionAudit(session, ctx, 'session.create', undefined, { date: session.date, mode: session.mode, codeIssued: session.code !== null });
  return { type: 'created', session, audit: [audit] };
}

/**
 * Someone typed `rejoindre <code>`: a request for the president to decide, not an entry.
 * Asking again while a request is pending changes nothing.
 */
export function requestJoin(
  session: Session,
  input: { person: Person; code: string; tenantId: string },
  ctx: OperationContext,
): { type: 'requested'; session: Session; request: JoinRequest; audit: AuditEntry[] } | { type: 'pending'; request: JoinRequest } | Forbidden | Invalid {
  if (input.person.id !== ctx.actorId) throw new Error('requestJoin: a person asks to join for themselves');
  if (input.tenantId !== session.tenantId) return forbidden('unknown_code');
  if (roleIn(session, input.person.id) === 'president') return forbidden('is_president');
  if (roleIn(session, input.person.id) === 'member') return forbidden('already_member');
  if (session.code === null) return forbidden('code_closed');
  if (normalizeJoinCode(input.code) !== session.code) return forbidden('unknown_code');
  const existing = session.joinRequests.find((r) => r.person.id === input.person.id);
  if (existing?.status === 'pending') return { type: 'pending', request: existing };
  const person = parsePerson(input.person);
  if (person.type === 'invalid') return person;

  // One request per person: a new request (after a refusal or a removal) replaces the old one.
  const request: JoinRequest = { person: person.person, requestedAt: ctx.now.toISOString(), status: 'pending' };
  const joinRequests = [...session.joinRequests.filter((r) => r.person.id !== input.person.id), request];
  const next = { ...session, joinRequests };
  return { type: 'requested', session: next, request, audit: [sessionAudit(session, ctx, 'session.join_request', undefined, { person: request.person })] };
}

export interface WorkstationAdvice {
  type: 'too_many_at_workstation';
  /** President and members. */
  people: number;
  max: number;
  /** The guide's advice, verbatim from the referential. */
  advice: string;
}

/** A warning (not a refusal) when the jury outnumbers the people advised at the workstation. */
export function workstationAdvice(session: Session, referential: Referential): WorkstationAdvice | null {
  const people = juryOf(session).length;
  const max = referential.interview.maxPeopleAtWorkstation;
  return people > max ? { type: 'too_many_at_workstation', people, max, advice: referential.interview.maxPeopleAdvice } : null;
}

/** The president accepts or refuses a pending request; accepting may come with the workstation advice. */
export function decideJoin(
  session: Session,
  input: { personId: string; decision: 'accept' | 'refuse' },
  ctx: OperationContext & { referential: Referential },
):
  | { type: 'decided'; decision: 'accept' | 'refuse'; session: Session; advice: WorkstationAdvice | null; audit: AuditEntry[] }
  | Forbidden {
  const refusal = presidentRefusal(session, ctx);
  if (refusal) return refusal;
  const request = session.joinRequests.find((r) => r.person.id === input.personId && r.status === 'pending');
  if (!request) return forbidden('no_pending_request');
  if (input.decision === 'accept' && session.code === null) return forbidden('code_closed');

  const decidedAt = ctx.now.toISOString();
  const decided: JoinRequest = { ...request, status: input.decision === 'accept' ? 'accepted' : 'refused', decidedAt };
  const joinRequests = session.joinRequests.map((r) => (r === request ? decided : r));
  const members = input.decision === 'accept' ? [...session.members, { ...request.person, joinedAt: decidedAt }] : session.members;
  const next: Session = { ...session, joinRequests, members };
  const action = input.decision === 'accept' ? 'session.join_accept' : 'session.join_refuse';
  const audit = sessionAudit(session, ctx, action, { status: 'pending' }, { person: request.person, status: decided.status });
  return {
    type: 'decided',
    decision: input.decision,
    session: next,
    advice: input.decision === 'accept' ? workstationAdvice(next, ctx.referential) : null,
    audit: [audit],
  };
}

/**
 * The president removes a member, until a collection closes: once one of the day's
 * (non-cancelled) evaluations has its grids in, the jury that produced it stays as it is.
 */
export function removeMember(
  session: Session,
  input: { memberId: string },
  evaluations: readonly Evaluation[],
  ctx: OperationContext,
): { type: 'removed'; session: Session; audit: AuditEntry[] } | Unchanged | Forbidden {
  const refusal = presidentRefusal(session, ctx);
  if (refusal) return refusal;
  if (input.memberId === session.president.id) return forbidden('is_president');
  const member = session.members.find((m) => m.id === input.memberId);
  if (!member) return UNCHANGED;
  const closed = evaluations.filter((e) => e.sessionId === session.id && e.state !== 'cancelled' && collectionHasClosed(e));
  if (closed.length) return forbidden('collection_closed', closed[0]?.state);
  const next = { ...session, members: session.members.filter((m) => m.id !== input.memberId) };
  const { joinedAt: _joinedAt, ...person } = member;
  return { type: 'removed', session: next, audit: [sessionAudit(session, ctx, 'session.member_remove', { member: person }, undefined)] };
}

/** The president closes joining (codes close with the collection): the code stops working. */
export function closeJoining(session: Session, ctx: OperationContext): { type: 'closed'; session: Session; audit: AuditEntry[] } | Unchanged | Forbidden {
  const refusal = presidentRefusal(session, ctx);
  if (refusal) return refusal;
  if (session.code === null) return UNCHANGED;
  return { type: 'closed', session: { ...session, code: null }, audit: [sessionAudit(session, ctx, 'session.joining_close', { open: true }, { open: false })] };
}
