import { createHash } from 'node:crypto';
import { BlobServiceClient, RestError, type BlobRequestConditions, type ContainerClient } from '@azure/storage-blob';
import { CREATE_ONLY_ETAG } from './create-only.js';
import { forEachLimited } from './for-each-limited.js';
import type { KeyValueStore, StoredItem, StoredItems } from './key-value-store.js';
import { InFlight } from './in-flight.js';

export interface BlobStorageOptions {
  connectionString: string;
  /** Created on first use if absent. */
  container: string;
  /** Blobs read at once by one `read(keys)` call (keeps sockets bounded). */
  readConcurrency?: number;
}

/** What one blob holds: the key itself (blob names are hashes) and the item, without its eTag. */
interface RecordBlob {
  key: string;
  item: StoredItem;
}

/**
 * Our KeyValueStore (botbuilder `Storage` semantics) on Azure Blob Storage,
 * one blob per key, for several bot instances sharing one store. The item's eTag is the blob's ETag, and
 * the conditions are checked by the service, so they hold across instances:
 * a write with an eTag is sent with `If-Match`, one with `CREATE_ONLY_ETAG`
 * with `If-None-Match: *`, and one without eTag (or "*") overwrites.
 */
export class BlobStorage implements KeyValueStore {
  readonly #container: ContainerClient;
  readonly #readConcurrency: number;
  readonly #inFlight = new InFlight();
  #ready: Promise<void> | undefined;

  constructor(options: BlobStorageOptions) {
    this.#container = BlobServiceClient.fromConnectionString(options.connectionString).getContainerClient(options.container);
    this.#readConcurrency = Math.max(1, options.readConcurrency ?? 16);
  }

  /** Creates the container if needed; called at start-up so that a bad connection string fails early. */
  open(): Promise<void> {
    this.#ready ??= this.#container
      .createIfNotExists()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#ready = undefined;
        throw error;
      });
    return this.#ready;
  }

  async read(keys: string[]): Promise<StoredItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    await this.open();
    const result: StoredItems = {};
    await forEachLimited(keys, this.#readConcurrency, async (key) => {
      const item = await this.#readOne(key);
      if (item) result[key] = item;
    });
    return result;
  }

  write(changes: StoredItems): Promise<void> {
    if (!changes) return Promise.reject(new ReferenceError('Changes are required when writing.'));
    // Snapshot now, as MemoryStorage does: the caller may mutate its objects once we yield.
    const pending = Object.keys(changes).map((key) => {
      const { eTag, ...item } = (changes[key] ?? {}) as StoredItem;
      const body: RecordBlob = { key, item };
      return { key, eTag: typeof eTag === 'string' ? eTag : undefined, json: JSON.stringify(body) };
    });
    return this.#inFlight.track(this.#writeAll(pending));
  }

  delete(keys: string[]): Promise<void> {
    if (!keys) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.#inFlight.track(this.#deleteAll([...keys]));
  }

  /** Resolves once every write and delete started before (or during) the call has settled. */
  async flush(): Promise<void> {
    await this.#inFlight.settled();
  }

  /** The blob holding `key`: keys hold characters and lengths a blob name may not. */
  blobNameOf(key: string): string {
    return `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`;
  }

  async #readOne(key: string): Promise<StoredItem | undefined> {
    const blob = this.#container.getBlockBlobClient(this.blobNameOf(key));
    let text: string;
    let eTag: string | undefined;
    try {
      const response = await blob.download();
      eTag = response.etag;
      text = await readText(response.readableStreamBody);
    } catch (error) {
      if (error instanceof RestError && error.statusCode === 404) return undefined;
      throw error;
    }
    const stored = parseRecordBlob(text, blob.name);
    // Another key's blob (a hash collision or a copied blob) is not ours: treat as missing.
    if (stored.key !== key) return undefined;
    if (!eTag) throw new Error(`Storage: blob ${blob.name} came without an ETag`);
    return { ...stored.item, eTag };
  }

  async #writeAll(pending: { key: string; eTag: string | undefined; json: string }[]): Promise<void> {
    if (pending.length === 0) return;
    await this.open();
    const outcomes = await Promise.allSettled(pending.map((change) => this.#writeOne(change)));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }

  async #writeOne({ key, eTag, json }: { key: string; eTag: string | undefined; json: string }): Promise<void> {
    const conditions: BlobRequestConditions =
      eTag === undefined || eTag === '' || eTag === '*' ? {} : eTag === CREATE_ONLY_ETAG ? { ifNoneMatch: '*' } : { ifMatch: eTag };
    try {
      await this.#container.getBlockBlobClient(this.blobNameOf(key)).upload(json, Buffer.byteLength(json, 'utf8'), {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
    } catch (error) {
      if (isConditionFailure(error, conditions)) throw new ETagConflictError(key, error);
      throw error;
    }
  }

  async #deleteAll(keys: string[]): Promise<void> {
    await this.open();
    await forEachLimited(keys, this.#readConcurrency, async (key) => {
      await this.#container.getBlockBlobClient(this.blobNameOf(key)).deleteIfExists();
    });
  }

}

/** Says "eTag conflict" like the other stores, and 412 like the service (see isETagConflict). */
class ETagConflictError extends Error {
  readonly statusCode = 412;

  constructor(key: string, cause: unknown) {
    super(`Storage: error writing "${key}" due to eTag conflict.`, { cause });
  }
}

/**
 * 412: a condition failed (someone wrote since our read, or the blob is gone);
 * 409 BlobAlreadyExists: `If-None-Match: *` found the blob; 404 on `If-Match`:
 * the blob was deleted since our read.
 */
function isConditionFailure(error: unknown, conditions: BlobRequestConditions): error is RestError {
  if (!(error instanceof RestError)) return false;
  if (error.statusCode === 412) return true;
  if (error.statusCode === 409) return error.code === 'BlobAlreadyExists';
  return error.statusCode === 404 && conditions.ifMatch !== undefined && error.code === 'BlobNotFound';
}

function parseRecordBlob(text: string, name: string): RecordBlob {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`Storage: blob ${name} is not valid JSON`, { cause: error });
  }
  if (typeof value === 'object' && value !== null) {
    const { key, item } = value as Record<string, unknown>;
    if (typeof key === 'string' && typeof item === 'object' && item !== null && !Array.isArray(item)) {
      return { key, item: item as StoredItem };
    }
  }
  throw new Error(`Storage: blob ${name} is not a record blob`);
}

async function readText(body: NodeJS.ReadableStream | undefined): Promise<string> {
  if (!body) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
