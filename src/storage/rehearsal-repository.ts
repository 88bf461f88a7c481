import { rehearsalSchema, type Rehearsal } from '../domain/model.js';
import { EntryIndex, idEntrySchema } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { saveIfRev, type RevSaveResult } from './rev-guard.js';
import { storageKeys } from './storage-keys.js';

/** A candidate's rehearsals, visible to that candidate alone. */
export interface RehearsalRepository {
  get(rehearsalId: string): Promise<Rehearsal | undefined>;
  /** Saves if the stored rehearsal is still at `expectedRev` (null: none yet). */
  save(rehearsal: Rehearsal, expectedRev: number | null): Promise<RevSaveResult<Rehearsal>>;
  /** The user's rehearsals, oldest first. */
  listForUser(userId: string): Promise<Rehearsal[]>;
  /** Deletes every rehearsal of the user; returns how many there were. */
  deleteAllForUser(userId: string): Promise<number>;
}

export function createRehearsalRepository(context: StorageContext): RehearsalRepository {
  const rehearsals = new RecordStore(context, rehearsalSchema);
  const byUser = new EntryIndex(context, idEntrySchema);
  return {
    get: (rehearsalId) => rehearsals.get(storageKeys.rehearsal(rehearsalId)),
    async save(rehearsal, expectedRev) {
      const { result, written } = await rehearsals.update(storageKeys.rehearsal(rehearsal.id), saveIfRev(rehearsal, expectedRev));
      if (result.type === 'stale' || !written) return result;
      await byUser.upsert(storageKeys.rehearsalsOfUser(written.userId), { id: written.id });
      return { type: 'saved', record: written };
    },
    async listForUser(userId) {
      const ids = await byUser.list(storageKeys.rehearsalsOfUser(userId));
      const found = await rehearsals.getMany(ids.map((e) => storageKeys.rehearsal(e.id)));
      return found.filter((r) => r.userId === userId).sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    },
    async deleteAllForUser(userId) {
      const indexKey = storageKeys.rehearsalsOfUser(userId);
      const ids = await byUser.list(indexKey);
      const owned = (await rehearsals.getMany(ids.map((e) => storageKeys.rehearsal(e.id)))).filter((r) => r.userId === userId);
      await rehearsals.delete(owned.map((r) => storageKeys.rehearsal(r.id)));
      // The index goes last, so an interrupted deletion can be run again; only what was listed goes.
      await byUser.remove(indexKey, ids.map((e) => e.id));
      // An empty index would still say the person once rehearsed: erasure leaves nothing.
      if ((await byUser.list(indexKey)).length === 0) await byUser.clear(indexKey);
      return owned.length;
    },
  };
}
