import { LIMITS, type Person, type Profile } from '../../../domain/index.js';
import type { Turn } from '../../turn.js';

export type PersonInput = { type: 'ok'; name: string; function: string } | { type: 'invalid'; message: string };

/** Name and function as typed on a card: required, trimmed, within the stored limits. */
export function checkPersonInput(turn: Turn, name: string | undefined, fn: string | undefined): PersonInput {
  const cleanName = (name ?? '').trim().replace(/\s+/g, ' ');
  const cleanFunction = (fn ?? '').trim().replace(/\s+/g, ' ');
  if (!cleanName || !cleanFunction) return { type: 'invalid', message: turn.t('evaluation.profile.required') };
  if (cleanName.length > LIMITS.name || cleanFunction.length > LIMITS.personFunction) {
    return { type: 'invalid', message: turn.t('evaluation.profile.tooLong', { max: LIMITS.name }) };
  }
  return { type: 'ok', name: cleanName, function: cleanFunction };
}

export async function saveProfile(turn: Turn, name: string, fn: string): Promise<Profile> {
  const { profiles } = turn.services.repositories;
  const current = await profiles.get(turn.userId);
  return profiles.save({
    schemaVersion: 1,
    ...current,
    userId: turn.userId,
    name,
    function: fn,
    locale: turn.locale,
    updatedAt: turn.now().toISOString(),
  });
}

/** The person behind the turn, when they have told their name and function. */
export function personOf(turn: Turn, profile: Profile | undefined): Person | undefined {
  if (!profile?.name || !profile.function) return undefined;
  return { id: turn.userId, name: profile.name, function: profile.function };
}
