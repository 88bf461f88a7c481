/** One stored record as a store sees it: a JSON object, and the eTag the store gave it when read. */
export interface StoredItem {
  eTag?: string;
  [field: string]: unknown;
}

export type StoredItems = Record<string, StoredItem>;

/**
 * Our storage port: what the repositories and both backends speak. The
 * semantics are botbuilder's `Storage` (so a store also fits botbuilder's
 * states), with per-key eTags: a write whose eTag differs from the stored
 * record's fails with an "eTag conflict" (see isETagConflict), one without
 * eTag or with "*" overwrites, one with CREATE_ONLY_ETAG creates only.
 * Reads and writes copy: no store keeps a reference to the caller's objects.
 */
export interface KeyValueStore {
  /** The records found (absent keys are left out), each with its eTag. */
  read(keys: string[]): Promise<StoredItems>;
  /** All or some may fail on a conflict; each key is written whole or not at all. */
  write(changes: StoredItems): Promise<void>;
  /** Deleting an absent key is not an error. */
  delete(keys: string[]): Promise<void>;
}
