import { z } from 'zod';
import { RecordStore, type StorageContext } from './record-store.js';

/**
 * An index record: a list of entries (each with an `id`) kept under one key,
 * since a KeyValueStore cannot list keys. Updates go through the conflict
 * retry and write only when something changes. Indexes are hints: readers
 * check the records they point to.
 */
export class EntryIndex<E extends { id: string }> {
  private readonly records: RecordStore<{ schemaVersion: 1; entries: E[] }>;

  constructor(context: StorageContext, entrySchema: z.ZodType<E>) {
    this.records = new RecordStore(context, z.object({ schemaVersion: z.literal(1), entries: z.array(entrySchema) }));
  }

  async list(key: string): Promise<E[]> {
    return (await this.records.get(key))?.entries ?? [];
  }

  /** Adds the entry, or replaces the one with the same id in place. */
  async upsert(key: string, entry: E): Promise<void> {
    await this.records.update(key, (current) => {
      const entries = current?.entries ?? [];
      const at = entries.findIndex((e) => e.id === entry.id);
      if (at >= 0 && JSON.stringify(entries[at]) === JSON.stringify(entry)) return { result: undefined };
      const next = at >= 0 ? entries.map((e, i) => (i === at ? entry : e)) : [...entries, entry];
      return { write: { schemaVersion: 1, entries: next }, result: undefined };
    });
  }

  async remove(key: string, ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    await this.records.update(key, (current) => {
      const entries = current?.entries ?? [];
      const next = entries.filter((e) => !gone.has(e.id));
      if (next.length === entries.length) return { result: undefined };
      return { write: { schemaVersion: 1, entries: next }, result: undefined };
    });
  }

  async clear(key: string): Promise<void> {
    await this.records.delete([key]);
  }
}

export const idEntrySchema = z.object({ id: z.string().min(1) });
export type IdEntry = z.infer<typeof idEntrySchema>;
