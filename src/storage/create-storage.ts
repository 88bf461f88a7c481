import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { BlobStorage } from './blob-storage.js';
import { FileStorage } from './file-storage.js';

/** The store the configuration asks for (STORAGE=file|blob); `root` anchors a relative STORE_DIR. */
export function createStorage(config: Config, root: string): FileStorage | BlobStorage {
  if (config.STORAGE === 'blob') {
    const { AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: container } = config;
    // loadConfig requires both with STORAGE=blob: a config built otherwise is a bug.
    if (!connectionString || !container) throw new Error('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER');
    return new BlobStorage({ connectionString, container });
  }
  return new FileStorage({ dir: resolve(root, config.STORE_DIR) });
}
