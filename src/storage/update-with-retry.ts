import type { KeyValueStore, StoredItem } from './key-value-store.js';
import { CREATE_ONLY_ETAG } from './create-only.js';

/** What `decide` returns: a record to write (and the caller's result), or only a result. */
export type Decision<T, R> = { write: T; result: R } | { result: R };

/**
 * Pure: sees the current record (undefined when absent) and decides. It may be
 * called again after someone else's write, so it must check the caller's own
 * `rev` (or equivalent) rather than assume the record it saw first.
 */
export type Decide<T, R> = (current: T | undefined) => Decision<T, R>;

export interface UpdateOutcome<T, R> {
  result: R;
  /** The record written, when the decision was to write. */
  written: T | undefined;
}

export interface UpdateRequest<T, R> {
  storage: KeyValueStore;
  key: string;
  /** Turns a stored item (its eTag removed) into a record; throws if it does not fit. */
  parse: (stored: unknown) => T;
  decide: Decide<T, R>;
  maxAttempts?: number;
}

const DEFAULT_ATTEMPTS = 8;

/**
 * Read with eTag → decide → write with that eTag; on an eTag conflict (someone
 * else wrote in between) read again and decide again, a bounded number of
 * times, so that such a conflict never reaches the user.
 *
 * Creating an absent record writes with CREATE_ONLY_ETAG, so that a record
 * created meanwhile (by this process or another instance) is a conflict too.
 */
export async function updateWithRetry<T extends object, R>(request: UpdateRequest<T, R>): Promise<UpdateOutcome<T, R>> {
  const { storage, key, parse, decide } = request;
  const maxAttempts = request.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    const stored = (await storage.read([key]))[key] as StoredItem | undefined;
    const { eTag, ...plain } = stored ?? {};
    const decision = decide(stored ? parse(plain) : undefined);
    if (!('write' in decision)) return { result: decision.result, written: undefined };
    const next = { ...decision.write } as StoredItem;
    // Absent when read: it must still be absent when written, or someone created it meanwhile.
    next.eTag = stored && typeof eTag === 'string' && eTag !== '' ? eTag : CREATE_ONLY_ETAG;
    try {
      await storage.write({ [key]: next });
      return { result: decision.result, written: decision.write };
    } catch (error) {
      if (!isETagConflict(error)) throw error;
      if (attempt >= maxAttempts) {
        throw new Error(`Storage: gave up updating "${key}" after ${attempt} eTag conflicts`, { cause: error });
      }
      // A little jitter so that two writers in different processes stop colliding.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** MemoryStorage and FileStorage say "eTag conflict"; Azure Blobs answers 412. */
export function isETagConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { statusCode, code } = error as Error & { statusCode?: number; code?: string };
  return /etag conflict/i.test(error.message) || statusCode === 412 || code === 'ConditionNotMet';
}
