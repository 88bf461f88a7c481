import { createHash, randomUUID } from 'node:crypto';
import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DurableJsonFile, isNotFound, removeDeadWritersTempFiles, TEMP_DIR } from './durable-json-file.js';
import { forEachLimited } from './for-each-limited.js';
import type { KeyValueStore, StoredItem, StoredItems } from './key-value-store.js';
import { KeyedMutex } from './keyed-mutex.js';
import { acquireStoreLock, releaseStoreLock } from './store-lock.js';
import { InFlight } from './in-flight.js';

export interface FileStorageOptions {
  /** Folder holding one JSON file per key; created on first use. */
  dir: string;
  /** Files read at once by one `read(keys)` call (keeps file descriptors bounded). */
  readConcurrency?: number;
}

/** Files whose last-written eTag a store remembers; a forgotten file is read, as without it. */
const WRITTEN_ETAGS_MAX = 10_000;

/** What one partition file holds: the key itself (file names are hashes) and the item. */
interface PartitionFile {
  key: string;
  item: StoredItem;
}

/**
 * Our KeyValueStore (botbuilder `Storage` semantics) with one small JSON file
 * per key, so that a write costs the same whatever the number of stored items
 * (one file for everything rewrites it all on every write). Each file is read
 * and replaced by DurableJsonFile directly (no lowdb instance per operation:
 * it only held the data between the two). eTags behave like MemoryStore.
 *
 * One process per folder: the eTag check and the write of a file are made one
 * at a time by this object only, so a lock file keeps a second process out
 * (see `open`). Objects of one process may open one folder (tests, restarts),
 * but the app uses one.
 */
export class FileStorage implements KeyValueStore {
  readonly dir: string;
  readonly #readConcurrency: number;
  readonly #locks = new KeyedMutex();
  /**
   * The eTag this store last wrote to each file, so that the eTag check of an update does not read
   * the file the update has just read. It is the folder's only writer (store-lock.ts, and one store
   * per folder in a process); a store opened again starts empty, so it reads what it does not know.
   */
  readonly #writtenETags = new Map<string, string>();
  readonly #inFlight = new InFlight();
  #ready: Promise<void> | undefined;
  #locked = false;

  constructor(options: FileStorageOptions) {
    this.dir = resolve(options.dir);
    this.#readConcurrency = Math.max(1, options.readConcurrency ?? 16);
  }

  #rememberETag(path: string, eTag: string | undefined): void {
    this.#writtenETags.delete(path);
    if (eTag === undefined) return;
    this.#writtenETags.set(path, eTag);
    if (this.#writtenETags.size > WRITTEN_ETAGS_MAX) this.#writtenETags.delete(this.#writtenETags.keys().next().value as string);
  }

  async read(keys: string[]): Promise<StoredItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    await this.#ensureReady();
    const result: StoredItems = {};
    await forEachLimited(keys, this.#readConcurrency, async (key) => {
      const file = await this.#load(key);
      if (file) result[key] = file.item;
    });
    return result;
  }

  write(changes: StoredItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    // Snapshot now, as MemoryStorage does: the caller may mutate its objects once we yield.
    const pending = Object.keys(changes).map((key) => ({ key, json: JSON.stringify(changes[key] ?? {}) }));
    // Tracked from the first tick, so that flush() waits for it.
    return this.#inFlight.track(this.#writeAll(pending));
  }

  delete(keys: string[]): Promise<void> {
    if (!keys) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.#inFlight.track(this.#deleteAll([...keys]));
  }

  /**
   * Takes the folder's lock for this process (see store-lock.ts): throws
   * StoreLockedError when another running process uses the folder. Call it at
   * start-up to refuse early; the first read or write takes it otherwise.
   */
  open(): void {
    if (this.#locked) return;
    acquireStoreLock(this.dir);
    this.#locked = true;
  }

  /** Waits for writes in flight, then gives the folder's lock back (a later use takes it again). */
  async close(): Promise<void> {
    await this.flush();
    if (!this.#locked) return;
    this.#locked = false;
    releaseStoreLock(this.dir);
  }

  /** Resolves once every write and delete started before (or during) the call has settled. */
  async flush(): Promise<void> {
    await this.#inFlight.settled();
  }

  /** The file holding `key` (for tests and tools). */
  pathOf(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`);
  }

  async #writeAll(pending: { key: string; json: string }[]): Promise<void> {
    if (pending.length === 0) return;
    await this.#ensureReady();
    const outcomes = await Promise.allSettled(pending.map(({ key, json }) => this.#writeOne(key, json)));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async #deleteAll(keys: string[]): Promise<void> {
    await this.#ensureReady();
    await Promise.all(keys.map((key) => this.#deleteOne(key)));
  }

  async #writeOne(key: string, json: string): Promise<void> {
    const item = JSON.parse(json) as StoredItem;
    const path = this.pathOf(key);
    const durable = new DurableJsonFile(path);
    // The read-check-write of one key is atomic with respect to this process's other writes.
    await this.#locks.run(path, async () => {
      if (item.eTag && item.eTag !== '*') {
        // Only a match with what this store last wrote skips the read; anything else is decided on the file.
        const known = this.#writtenETags.get(path);
        const storedETag = known === item.eTag ? known : (await readPartition(durable, key, path))?.item.eTag;
        if (storedETag !== undefined && storedETag !== item.eTag) {
          throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
      }
      const eTag = randomUUID();
      const file: PartitionFile = { key, item: { ...item, eTag } };
      await durable.write(file);
      this.#rememberETag(path, eTag);
    });
  }

  async #deleteOne(key: string): Promise<void> {
    const path = this.pathOf(key);
    await this.#locks.run(path, async () => {
      await unlink(path).catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
      this.#rememberETag(path, undefined);
    });
  }

  #load(key: string): Promise<PartitionFile | null> {
    const path = this.pathOf(key);
    return readPartition(new DurableJsonFile(path), key, path);
  }

  #ensureReady(): Promise<void> {
    this.open();
    this.#ready ??= (async () => {
      await mkdir(join(this.dir, TEMP_DIR), { recursive: true });
      await removeDeadWritersTempFiles(this.dir);
    })().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }
}

async function readPartition(durable: DurableJsonFile, key: string, path: string): Promise<PartitionFile | null> {
  const file = await durable.read();
  if (file === null) return null;
  if (!isPartitionFile(file)) throw new Error(`Storage: ${path} is not a partition file`);
  // Another key's file (a hash collision or a copied file) is not ours: treat as missing.
  return file.key === key ? file : null;
}

function isPartitionFile(value: unknown): value is PartitionFile {
  if (typeof value !== 'object' || value === null) return false;
  const { key, item } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof item === 'object' && item !== null && !Array.isArray(item);
}
