import { checkRevision, type Rehearsal, type UserState } from '../../../domain/index.js';
import type { RehearsalResult } from '../../../domain/rehearsal/index.js';
import type { Turn } from '../../turn.js';
import { refuse, showCurrent, showSteps } from './show.js';

/**
 * Reading and saving a candidate's rehearsal and where their flow points. Everything is keyed
 * by the candidate's own user id: a rehearsal id that is someone else's is treated as unknown.
 */

function freshState(turn: Turn): UserState {
  return { schemaVersion: 1, userId: turn.userId, flow: 'idle', updatedAt: turn.now().toISOString() };
}

/** The rehearsal the user's flow points to, if it is theirs. */
export async function current(turn: Turn): Promise<{ state: UserState | undefined; rehearsal: Rehearsal | undefined }> {
  const { rehearsals, userStates } = turn.services.repositories;
  const state = await userStates.get(turn.userId);
  if (state?.flow !== 'rehearsal' || !state.rehearsalId) return { state, rehearsal: undefined };
  const rehearsal = await rehearsals.get(state.rehearsalId);
  return { state, rehearsal: rehearsal?.userId === turn.userId ? rehearsal : undefined };
}

/** Points the user's flow at a rehearsal (or back to idle when it ends), keeping what other flows stored. */
export async function setFlow(turn: Turn, rehearsalId: string | undefined, lastSubmission?: string): Promise<void> {
  const { userStates } = turn.services.repositories;
  const base = (await userStates.get(turn.userId)) ?? freshState(turn);
  const leaving = rehearsalId === undefined;
  // Ending a rehearsal only resets the flow if it still points at a rehearsal.
  const flow = leaving ? (base.flow === 'rehearsal' ? 'idle' : base.flow) : 'rehearsal';
  await userStates.save({
    ...base,
    flow,
    rehearsalId,
    ...(lastSubmission !== undefined ? { lastSubmission } : {}),
    bootId: turn.services.bootId,
    updatedAt: turn.now().toISOString(),
  });
}

/** Remembers a card's fingerprint so that a second click on it is ignored. */
export async function rememberSubmission(turn: Turn, fingerprint: string): Promise<void> {
  const { userStates } = turn.services.repositories;
  const base = (await userStates.get(turn.userId)) ?? freshState(turn);
  await userStates.save({ ...base, lastSubmission: fingerprint, bootId: turn.services.bootId, updatedAt: turn.now().toISOString() });
}

/** After erasure the user's state no longer names any rehearsal. */
export async function forgetRehearsal(turn: Turn, fingerprint: string): Promise<void> {
  const { userStates } = turn.services.repositories;
  const latest = await userStates.get(turn.userId);
  if (!latest) return rememberSubmission(turn, fingerprint);
  const { rehearsalId: _gone, ...rest } = latest;
  await userStates.save({
    ...rest,
    flow: latest.flow === 'rehearsal' ? 'idle' : latest.flow,
    lastSubmission: fingerprint,
    bootId: turn.services.bootId,
    updatedAt: turn.now().toISOString(),
  });
}

/** Saves against the revision read; on a conflict the candidate is told and shown the current state. */
export async function save(turn: Turn, before: Rehearsal | null, after: Rehearsal): Promise<boolean> {
  const saved = await turn.services.repositories.rehearsals.save(after, before ? before.rev : null);
  if (saved.type === 'saved') return true;
  turn.log('warn', 'rehearsal', { rehearsal: after.id, outcome: 'stale_save' });
  await turn.say(turn.t('error.oldCard'));
  if (saved.current) await showCurrent(turn, saved.current);
  return false;
}

/** Saves an engine result and shows its steps; undefined when nothing changed. */
export async function apply(turn: Turn, before: Rehearsal, result: RehearsalResult, lastSubmission?: string): Promise<Rehearsal | undefined> {
  if (result.type !== 'changed') {
    await refuse(turn, result);
    return undefined;
  }
  const after = lastSubmission !== undefined ? { ...result.rehearsal, lastSubmission } : result.rehearsal;
  if (!(await save(turn, before, after))) return undefined;
  await showSteps(turn, after, result.steps);
  return after;
}

/** The rehearsal a card acts on, if it is the user's; else one message that reveals nothing. */
export async function own(turn: Turn, rehearsalId: string): Promise<Rehearsal | undefined> {
  const rehearsal = await turn.services.repositories.rehearsals.get(rehearsalId);
  if (rehearsal && rehearsal.userId === turn.userId) return rehearsal;
  turn.log('warn', 'rehearsal', { outcome: 'not_owner' });
  await turn.say(turn.t('rehearsal.notYours'));
  return undefined;
}

/** Revision check: the current rev goes on; the last applied submission again is silent; anything else is stale. */
export async function revisionOk(turn: Turn, rehearsal: Rehearsal, rev: number, fingerprint: string): Promise<boolean> {
  const check = checkRevision(rehearsal, rev, fingerprint);
  if (check.type === 'current') return true;
  if (check.type === 'duplicate') {
    turn.log('info', 'rehearsal', { rehearsal: rehearsal.id, outcome: 'duplicate' });
    return false;
  }
  await turn.say(turn.t('error.oldCard'));
  await showCurrent(turn, rehearsal);
  return false;
}
