import type { KeyValueStore, StoredItem, StoredItems } from './key-value-store.js';

/**
 * The in-memory twin of the file and blob stores (tests, the in-memory
 * repositories): the same eTag rules, records kept as JSON text so that
 * nobody shares an object with the store.
 */
export class MemoryStore implements KeyValueStore {
  readonly #records = new Map<string, string>();
  #nextETag = 1;

  async read(keys: string[]): Promise<StoredItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const result: StoredItems = {};
    for (const key of keys) {
      const json = this.#records.get(key);
      if (json !== undefined) result[key] = JSON.parse(json) as StoredItem;
    }
    return result;
  }

  async write(changes: StoredItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const conflicts: string[] = [];
    for (const key of Object.keys(changes)) {
      const item = changes[key] ?? {};
      const stored = this.#records.get(key);
      const checked = item.eTag !== undefined && item.eTag !== '' && item.eTag !== '*';
      if (checked && stored !== undefined && (JSON.parse(stored) as StoredItem).eTag !== item.eTag) {
        conflicts.push(key);
        continue;
      }
      this.#records.set(key, JSON.stringify({ ...item, eTag: String(this.#nextETag++) }));
    }
    if (conflicts.length > 0) throw new Error(`Storage: error writing "${conflicts.join('", "')}" due to eTag conflict.`);
  }

  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.#records.delete(key);
  }
}
