import { submissionFingerprint } from '../../../domain/index.js';
import type { Turn } from '../../turn.js';
import { updateUserState } from './scope.js';

/**
 * Double clicks on actions that create something (a new evaluation, a join
 * request): the last applied submission of this user is remembered; the same
 * one again is acknowledged silently.
 */
export async function isRepeatedSubmission(turn: Turn, verb: string, values: unknown): Promise<boolean> {
  const state = await turn.services.repositories.userStates.get(turn.userId);
  return state?.lastSubmission === submissionFingerprint({ verb, ids: { userId: turn.userId }, rev: 0, values });
}

export async function rememberSubmission(turn: Turn, verb: string, values: unknown): Promise<void> {
  await updateUserState(turn, { lastSubmission: submissionFingerprint({ verb, ids: { userId: turn.userId }, rev: 0, values }) });
}
