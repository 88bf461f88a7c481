import { profileSchema, type Profile } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** What a user told the bot about themselves; only their own turns write it. */
export interface ProfileRepository {
  get(userId: string): Promise<Profile | undefined>;
  save(profile: Profile): Promise<Profile>;
}

export function createProfileRepository(context: StorageContext): ProfileRepository {
  const profiles = new RecordStore(context, profileSchema);
  return {
    get: (userId) => profiles.get(storageKeys.profile(userId)),
    save: (profile) => profiles.put(storageKeys.profile(profile.userId), profile),
  };
}
