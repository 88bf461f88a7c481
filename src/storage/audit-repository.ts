import { z } from 'zod';
import { auditEntrySchema, type AuditEntry } from '../domain/model.js';
import { EntryIndex, idEntrySchema } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** The audit trail of an evaluation (or jury day), in its own partitions. */
export interface AuditRepository {
  /** Idempotent by entry id: appending the same entry twice keeps one. */
  append(entry: AuditEntry): Promise<void>;
  /** The scope's entries, oldest first (ties keep the order they were appended in). */
  listTrail(scopeId: string): Promise<AuditEntry[]>;
}

/**
 * A trail is a run of numbered chunks, each holding whole entries, plus a head
 * record naming the chunk being filled. An append rewrites one bounded chunk
 * (never a list that grows with the trail) and moves the head once per chunk.
 */
const CHUNK_MAX_ENTRIES = 16;
/** A chunk closes once its JSON passes this size (an entry may carry two 4,000-character notes): each append reads and rewrites one chunk. */
const CHUNK_MAX_CHARS = 24_000;

const chunkSchema = z.object({ schemaVersion: z.literal(1), entries: z.array(auditEntrySchema) });
const headSchema = z.object({ schemaVersion: z.literal(1), chunk: z.number().int().nonnegative() });
type Chunk = z.infer<typeof chunkSchema>;

type AppendResult = 'appended' | 'full';

export function createAuditRepository(context: StorageContext): AuditRepository {
  const chunks = new RecordStore(context, chunkSchema);
  const heads = new RecordStore(context, headSchema);
  // Trails written before chunks existed: one partition per entry, listed by an index record. Read, never written.
  const legacyEntries = new RecordStore(context, auditEntrySchema);
  const legacyTrails = new EntryIndex(context, idEntrySchema);

  const headOf = async (scopeId: string): Promise<number> => (await heads.get(storageKeys.auditHead(scopeId)))?.chunk ?? 0;

  return {
    async append(entry) {
      let chunk = await headOf(entry.scopeId);
      for (;;) {
        const { result } = await chunks.update(storageKeys.auditChunk(entry.scopeId, chunk), (current): { write: Chunk; result: AppendResult } | { result: AppendResult } => {
          const entries = current?.entries ?? [];
          if (entries.some((e) => e.id === entry.id)) return { result: 'appended' };
          if (isFull(entries)) return { result: 'full' };
          return { write: { schemaVersion: 1, entries: [...entries, entry] }, result: 'appended' };
        });
        if (result === 'appended') return;
        const next = chunk + 1;
        await heads.update(storageKeys.auditHead(entry.scopeId), (current) =>
          (current?.chunk ?? 0) >= next ? { result: undefined } : { write: { schemaVersion: 1, chunk: next }, result: undefined },
        );
        chunk = next;
      }
    },
    async listTrail(scopeId) {
      const head = await headOf(scopeId);
      const keys = Array.from({ length: head + 1 }, (_, k) => storageKeys.auditChunk(scopeId, k));
      const chunked = (await chunks.getMany(keys)).flatMap((c) => c.entries);
      const legacyIds = await legacyTrails.list(storageKeys.auditTrail(scopeId));
      const legacy = await legacyEntries.getMany(legacyIds.map((e) => storageKeys.auditEntry(scopeId, e.id)));
      // An append retried just after its chunk filled can land twice, in two chunks: the first one counts.
      const seen = new Set<string>();
      const unique = [...legacy, ...chunked].filter((e) => !seen.has(e.id) && seen.add(e.id));
      // Array.prototype.sort is stable: equal instants keep the append order.
      return unique.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    },
  };
}

function isFull(entries: readonly AuditEntry[]): boolean {
  return entries.length >= CHUNK_MAX_ENTRIES || JSON.stringify(entries).length >= CHUNK_MAX_CHARS;
}
