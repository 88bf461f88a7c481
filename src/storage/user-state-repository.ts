import { userStateSchema, type UserState } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** Where each user is in their flow; saved once per turn, and a user's turns run one at a time. */
export interface UserStateRepository {
  get(userId: string): Promise<UserState | undefined>;
  /**
   * Writes only when something other than `updatedAt` changed; returns what is stored.
   * `read`: the record the caller has just read for this turn (undefined when there was none), so it is not read twice.
   */
  save(state: UserState, read?: { stored: UserState | undefined }): Promise<UserState>;
}

export function createUserStateRepository(context: StorageContext): UserStateRepository {
  const states = new RecordStore(context, userStateSchema);
  return {
    get: (userId) => states.get(storageKeys.userState(userId)),
    async save(state, read) {
      const key = storageKeys.userState(state.userId);
      // Many turns leave the state as it was (the same row card again): no fsync'ed rewrite for a new timestamp.
      const stored = read ? read.stored : await states.get(key);
      // Parsed once: compared as stored (defaults filled in), then written as is.
      const checked = states.check(key, state);
      if (stored && sameState(stored, checked)) return stored;
      return states.putChecked(key, checked);
    },
  };
}

function sameState(a: UserState, b: UserState): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}
