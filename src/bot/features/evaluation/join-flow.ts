import { frameCard, joinRequestCard, profileCard, recordedCard } from '../../../cards/evaluation/index.js';
import {
  decideJoin,
  juryOf,
  normalizeJoinCode,
  requestJoin,
  type Forbidden,
  type Session,
  type UserState,
} from '../../../domain/index.js';
import { formatDay, formatTime } from '../../format.js';
import { operateOn } from '../../outcomes.js';
import { cardActivity, type Turn } from '../../turn.js';
import { candidateName, frameView } from './frame-view.js';
import { viewContextFor } from './view-context.js';
import { sendFrame } from './interview-flow.js';
import { checkPersonInput, personOf, saveProfile } from './profile.js';
import { recipientLocale } from './recipients.js';
import { appendAudit, operationContext, type EvaluationScope } from './scope.js';
import type { EvaluationSubmission } from './verbs.js';

/** Wrong codes allowed in a window before answers slow down (then 1, 2, 4 … minutes, capped at an hour). */
const FREE_FAILURES = 3;
const FAILURE_WINDOW_MS = 15 * 60_000;
const MAX_BLOCK_MS = 60 * 60_000;

async function userState(turn: Turn): Promise<UserState> {
  const current = await turn.services.repositories.userStates.get(turn.userId);
  return current ?? { schemaVersion: 1, userId: turn.userId, flow: 'idle', updatedAt: turn.now().toISOString() };
}

async function saveState(turn: Turn, state: UserState): Promise<void> {
  await turn.services.repositories.userStates.save({ ...state, bootId: turn.services.bootId, updatedAt: turn.now().toISOString() });
}

/** Counts a wrong code; past a few, the next attempts wait (guessing a 40-bit code stays hopeless). */
async function recordWrongCode(turn: Turn, state: UserState): Promise<void> {
  const now = turn.now().getTime();
  const previous = state.joinAttempts;
  const inWindow = previous && now - Date.parse(previous.since) < FAILURE_WINDOW_MS;
  const failures = inWindow ? previous.failures + 1 : 1;
  const since = inWindow ? previous.since : turn.now().toISOString();
  const blockMs = failures > FREE_FAILURES ? Math.min(60_000 * 2 ** (failures - FREE_FAILURES - 1), MAX_BLOCK_MS) : 0;
  const joinAttempts = { failures, since, ...(blockMs ? { blockedUntil: new Date(now + blockMs).toISOString() } : {}) };
  await saveState(turn, { ...state, joinAttempts });
  turn.log('info', 'join refused', { outcome: 'unknown_code', failures });
}

/** `rejoindre <code>`: a request to the president, never an entry. */
export async function join(turn: Turn, argument: string): Promise<void> {
  const code = normalizeJoinCode(argument);
  if (!code) {
    await turn.say(turn.t('evaluation.join.usage'));
    return;
  }
  const state = await userState(turn);
  const blockedUntil = state.joinAttempts?.blockedUntil;
  if (blockedUntil && Date.parse(blockedUntil) > turn.now().getTime()) {
    await turn.say(turn.t('evaluation.join.slowDown', { time: formatTime(blockedUntil, turn.services.timezone) }));
    return;
  }
  const session = await turn.services.repositories.sessions.findByCode(turn.tenantId, code);
  if (!session) {
    await recordWrongCode(turn, state);
    await turn.say(turn.t('evaluation.join.unknownCode'));
    return;
  }
  const { joinAttempts: _cleared, ...rest } = state;
  const profile = await turn.services.repositories.profiles.get(turn.userId);
  const person = personOf(turn, profile);
  if (!person) {
    await saveState(turn, { ...rest, pendingJoinCode: code });
    await turn.sendCard(
      profileCard({ locale: turn.locale, name: profile?.name ?? turn.userName, function: profile?.function ?? '', reason: turn.t('evaluation.profile.forJoin') }),
      turn.t('evaluation.profile.forJoin'),
    );
    return;
  }
  if (state.joinAttempts) await saveState(turn, rest);
  await sendRequest(turn, session, code);
}

/** Name and function, asked once; a join waiting for them goes on. */
export async function saveProfileFromCard(turn: Turn, submission: Extract<EvaluationSubmission, { verb: 'profile.save' }>): Promise<void> {
  const checked = checkPersonInput(turn, submission.name, submission.function);
  if (checked.type === 'invalid') {
    await turn.sendCard(
      profileCard({ locale: turn.locale, name: submission.name ?? '', function: submission.function ?? '', reason: turn.t('evaluation.profile.forJoin'), error: checked.message }),
    );
    return;
  }
  await saveProfile(turn, checked.name, checked.function);
  await turn.replaceActedCard(
    recordedCard({ locale: turn.locale, title: turn.t('evaluation.profile.recorded'), facts: [{ title: turn.t('evaluation.fact.person'), value: `${checked.name}, ${checked.function}` }] }),
  );
  const state = await userState(turn);
  if (!state.pendingJoinCode) {
    await turn.say(turn.t('evaluation.profile.saved'));
    return;
  }
  const { pendingJoinCode, ...rest } = state;
  await saveState(turn, rest);
  const session = await turn.services.repositories.sessions.findByCode(turn.tenantId, pendingJoinCode);
  if (!session) {
    await turn.say(turn.t('evaluation.join.codeClosed'));
    return;
  }
  await sendRequest(turn, session, pendingJoinCode);
}

async function sendRequest(turn: Turn, session: Session, code: string): Promise<void> {
  const profile = await turn.services.repositories.profiles.get(turn.userId);
  const person = personOf(turn, profile);
  if (!person) return;
  const ctx = operationContext(turn);
  const outcome = await turn.services.repositories.sessions.update(
    session.id,
    operateOn(
      (current) => requestJoin(current, { person, code, tenantId: turn.tenantId }, ctx),
      (result) => (result.type === 'requested' ? result.session : undefined),
    ),
  );
  if (!outcome) return;
  const president = session.president;
  const date = formatDay(session.date);
  switch (outcome.type) {
    case 'requested': {
      await appendAudit(turn, outcome.audit);
      const locale = await recipientLocale(turn.services, president.id);
      const view = viewContextFor(locale, turn.now(), turn.services.timezone);
      const card = joinRequestCard({
        locale,
        sessionId: session.id,
        personId: person.id,
        name: person.name,
        function: person.function,
        date,
        juryCount: juryOf(outcome.session).length,
      });
      await turn.services.notifier.notify({
        key: `join-request/${session.id}/${person.id}/${outcome.request.requestedAt}`,
        userId: president.id,
        activity: cardActivity(card, view.t('evaluation.join.requestSummary', { name: person.name })),
      });
      turn.log('info', 'join requested', { session: session.id });
      await turn.say(turn.t('evaluation.join.sent', { president: president.name, date }));
      return;
    }
    case 'pending':
      await turn.say(turn.t('evaluation.join.pending', { president: president.name }));
      return;
    case 'forbidden':
      await turn.say(turn.t(joinRefusalKey(outcome)));
      if (outcome.reason === 'already_member' || outcome.reason === 'is_president') await sendDayFrames(turn, session);
      return;
    case 'invalid':
      await turn.say(turn.t('evaluation.profile.required'));
      return;
  }
}

function joinRefusalKey(outcome: Forbidden) {
  switch (outcome.reason) {
    case 'already_member':
      return 'evaluation.join.alreadyMember' as const;
    case 'is_president':
      return 'evaluation.join.isPresident' as const;
    case 'code_closed':
      return 'evaluation.join.codeClosed' as const;
    default:
      return 'evaluation.join.unknownCode' as const;
  }
}

/** The frame card of each evaluation of the day the person belongs to. */
async function sendDayFrames(turn: Turn, session: Session): Promise<void> {
  const referential = turn.services.referentials.get(session.referentialId);
  if (!referential) return;
  for (const evaluation of await turn.services.repositories.evaluations.getMany(session.evaluationIds)) {
    if (evaluation.state === 'cancelled' || evaluation.state === 'signed') continue;
    const scope: EvaluationScope = { evaluation, session, referential, role: session.president.id === turn.userId ? 'president' : 'member' };
    await sendFrame(turn, scope);
  }
}

/** The president's *Accepter* / *Refuser* on a join request. */
export async function decide(turn: Turn, submission: Extract<EvaluationSubmission, { verb: 'session.decide' }>): Promise<void> {
  const referential = (await turn.services.repositories.sessions.get(submission.sessionId))?.referentialId;
  const ref = referential ? turn.services.referentials.get(referential) : undefined;
  if (!ref) {
    await turn.say(turn.t('evaluation.notFound'));
    return;
  }
  const ctx = { ...operationContext(turn), referential: ref };
  const outcome = await turn.services.repositories.sessions.update(
    submission.sessionId,
    operateOn(
      // Another tenant's day does not exist for this president.
      (current) => (current.tenantId === turn.tenantId ? decideJoin(current, { personId: submission.personId, decision: submission.decision }, ctx) : undefined),
      (result) => (result.type === 'decided' ? result.session : undefined),
    ),
  );
  if (!outcome) {
    await turn.say(turn.t('evaluation.notFound'));
    return;
  }
  if (outcome.type === 'forbidden') {
    if (outcome.reason === 'no_pending_request') {
      // A second click on a request already decided the same way: nothing to say.
      const session = await turn.services.repositories.sessions.get(submission.sessionId);
      const done = session?.joinRequests.find((r) => r.person.id === submission.personId);
      if (done && done.status === (submission.decision === 'accept' ? 'accepted' : 'refused')) return;
      await turn.say(turn.t('evaluation.join.alreadyDecided'));
      return;
    }
    await turn.say(turn.t(outcome.reason === 'code_closed' ? 'evaluation.join.codeClosed' : 'evaluation.presidentOnly'));
    return;
  }
  await appendAudit(turn, outcome.audit);
  const person = outcome.session.joinRequests.find((r) => r.person.id === submission.personId)?.person;
  if (!person) return;
  const accepted = outcome.decision === 'accept';
  await turn.replaceActedCard(
    recordedCard({
      locale: turn.locale,
      title: turn.t(accepted ? 'evaluation.join.acceptedTitle' : 'evaluation.join.refusedTitle'),
      facts: [{ title: turn.t('evaluation.fact.person'), value: `${person.name}, ${person.function}` }],
    }),
  );
  turn.log('info', 'join decided', { session: outcome.session.id, decision: outcome.decision });
  const date = formatDay(outcome.session.date);
  await turn.say(turn.t(accepted ? 'evaluation.join.acceptedForPresident' : 'evaluation.join.refusedForPresident', { name: person.name }));
  if (outcome.advice) await turn.say(turn.t('evaluation.join.workstationAdvice', { people: outcome.advice.people, max: outcome.advice.max, advice: outcome.advice.advice }));

  const locale = await recipientLocale(turn.services, person.id);
  const view = viewContextFor(locale, turn.now(), turn.services.timezone);
  const text = view.t(accepted ? 'evaluation.join.acceptedForMember' : 'evaluation.join.refusedForMember', { president: outcome.session.president.name, date });
  const key = `join-decision/${outcome.session.id}/${person.id}/${outcome.decision}/${turn.now().toISOString()}`;
  await turn.services.notifier.notify({ key, userId: person.id, activity: { type: 'message', text } });
  if (!accepted) return;
  // The new member belongs to every evaluation of the day: each frame card, in their chat.
  for (const evaluation of await turn.services.repositories.evaluations.getMany(outcome.session.evaluationIds)) {
    if (evaluation.state === 'cancelled' || evaluation.state === 'signed') continue;
    const scope: EvaluationScope = { evaluation, session: outcome.session, referential: ref, role: 'member' };
    const card = frameCard(frameView(view, scope, false));
    await turn.services.notifier.notify({ key: `${key}/frame/${evaluation.id}`, userId: person.id, activity: cardActivity(card, candidateName(scope)) });
  }
}
