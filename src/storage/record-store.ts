import { z } from 'zod';
import type { KeyedMutex } from './keyed-mutex.js';
import type { KeyValueStore, StoredItem } from './key-value-store.js';
import { updateWithRetry, type Decide, type UpdateOutcome } from './update-with-retry.js';

/** What every repository shares: the store and one in-process lock per key. */
export interface StorageContext {
  storage: KeyValueStore;
  locks: KeyedMutex;
}

declare const checkedBrand: unique symbol;
/** A record that has passed its schema (RecordStore.check): it can be stored without parsing it again. */
export type Checked<T> = T & { readonly [checkedBrand]: true };

/**
 * Records of one schema over a KeyValueStore: parsed with their zod schema
 * on every read and before every write, eTag kept out of the record.
 */
export class RecordStore<T extends object> {
  constructor(
    private readonly context: StorageContext,
    private readonly schema: z.ZodType<T>,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const stored = (await this.context.storage.read([key]))[key] as StoredItem | undefined;
    return stored ? this.parse(key, stored) : undefined;
  }

  /** The records found, in the order of `keys`; absent ones are left out. */
  async getMany(keys: readonly string[]): Promise<T[]> {
    if (keys.length === 0) return [];
    const items = await this.context.storage.read([...keys]);
    return keys.flatMap((key) => {
      const stored = items[key] as StoredItem | undefined;
      return stored ? [this.parse(key, stored)] : [];
    });
  }

  /** Writes whatever is stored (last write wins): for records only their owner's turns touch. */
  async put(key: string, record: T): Promise<T> {
    return this.putChecked(key, this.check(key, record));
  }

  /** `put` for a record already checked (a caller that compares it with the stored one first). */
  async putChecked(key: string, checked: Checked<T>): Promise<T> {
    await this.context.locks.run(key, () => this.context.storage.write({ [key]: { ...checked } as StoredItem }));
    return checked;
  }

  /** Read → decide → write, retried on eTag conflicts; serialised in-process so that our own turns do not collide. */
  update<R>(key: string, decide: Decide<T, R>): Promise<UpdateOutcome<T, R>> {
    return this.context.locks.run(key, () =>
      updateWithRetry({
        storage: this.context.storage,
        key,
        parse: (stored) => this.parse(key, stored),
        decide: (current) => {
          const decision = decide(current);
          return 'write' in decision ? { ...decision, write: this.check(key, decision.write) } : decision;
        },
      }),
    );
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.context.storage.delete([...keys]);
  }

  private parse(key: string, stored: unknown): T {
    const { eTag: _eTag, ...plain } = stored as StoredItem;
    const parsed = this.schema.safeParse(plain);
    if (!parsed.success) throw new Error(`Stored record "${key}" does not fit its schema:\n${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }

  /** The record as its schema makes it (defaults filled in); one that does not fit is a bug: refuse to store it. */
  check(key: string, record: T): Checked<T> {
    const parsed = this.schema.safeParse(record);
    if (!parsed.success) throw new Error(`Refusing to store "${key}":\n${z.prettifyError(parsed.error)}`);
    return parsed.data as Checked<T>;
  }
}
