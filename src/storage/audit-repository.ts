import { auditEntrySchema, type AuditEntry } from '../domain/model.js';
import { EntryIndex, idEntrySchema } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** The audit trail of an evaluation (or jury day): each entry in its own partition. */
export interface AuditRepository {
  /** Idempotent by entry id: appending the same entry twice keeps one. */
  append(entry: AuditEntry): Promise<void>;
  /** The scope's entries, oldest first (ties keep the order they were appended in). */
  listTrail(scopeId: string): Promise<AuditEntry[]>;
}

export function createAuditRepository(context: StorageContext): AuditRepository {
  const entries = new RecordStore(context, auditEntrySchema);
  const trails = new EntryIndex(context, idEntrySchema);
  return {
    async append(entry) {
      // Entry first: an interrupted append leaves an unlisted entry, healed when the caller retries.
      await entries.update(storageKeys.auditEntry(entry.scopeId, entry.id), (current) =>
        current ? { result: undefined } : { write: entry, result: undefined },
      );
      await trails.upsert(storageKeys.auditTrail(entry.scopeId), { id: entry.id });
    },
    async listTrail(scopeId) {
      const ids = await trails.list(storageKeys.auditTrail(scopeId));
      const found = await entries.getMany(ids.map((e) => storageKeys.auditEntry(scopeId, e.id)));
      // Array.prototype.sort is stable: equal instants keep the append order.
      return found.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
  };
}
