import { userStateSchema, type UserState } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** Where each user is in their flow; saved once per turn, and a user's turns run one at a time. */
export interface UserStateRepository {
  get(userId: string): Promise<UserState | undefined>;
  save(state: UserState): Promise<UserState>;
}

export function createUserStateRepository(context: StorageContext): UserStateRepository {
  const states = new RecordStore(context, userStateSchema);
  return {
    get: (userId) => states.get(storageKeys.userState(userId)),
    save: (state) => states.put(storageKeys.userState(state.userId), state),
  };
}
