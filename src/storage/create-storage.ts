import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { BlobStorage } from './blob-storage.js';
import { FileStorage } from './file-storage.js';

/**
 * The store the configuration asks for (STORAGE=file|blob); `root` anchors a
 * relative STORE_DIR. The file store is opened (its folder locked) here:
 * throws StoreLockedError when another process uses the folder.
 */
export function createStorage(config: Config, root: string): FileStorage | BlobStorage {
  if (config.STORAGE === 'blob') {
    const { AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: container } = config;
    // loadConfig requires both with STORAGE=blob: a config built otherwise is a bug.
    if (!connectionString || !container) throw new Error('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER');
    return new BlobStorage({ connectionString, container });
  }
  const storage = new FileStorage({ dir: resolve(root, config.STORE_DIR) });
  // Refuse to start, rather than share the folder with another running process.
  storage.open();
  return storage;
}
