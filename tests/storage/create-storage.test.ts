import { BlobServiceClient } from '@azure/storage-blob';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { BlobStorage } from '../../src/storage/blob-storage.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { LOCK_FILE } from '../../src/storage/store-lock.js';
import { uniqueContainer } from '../helpers/azurite.js';
import { sampleSession } from './sample-records.js';

describe('createStorage', () => {
  it('keeps files in STORE_DIR by default, relative to the project, and locks the folder at once', async () => {
    const root = await mkdtemp(join(tmpdir(), 'create-storage-'));
    const storage = createStorage(loadConfig({ STORE_DIR: 'data/elsewhere' }), root);
    try {
      expect(storage).toBeInstanceOf(FileStorage);
      expect((storage as FileStorage).dir).toBe(join(root, 'data/elsewhere'));
      expect(await readdir(join(root, 'data/elsewhere'))).toContain(LOCK_FILE);
    } finally {
      await (storage as FileStorage).close();
      await rm(root, { recursive: true, force: true });
    }
  });

  it('runs the app on Azure Blob Storage with STORAGE=blob (Azurite), creating the container', async () => {
    const connectionString = inject('azuriteConnectionString');
    const container = uniqueContainer();
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: container, LINK_SECRET: 'k'.repeat(32), RUN_ID: 'test-run', LOG_LEVEL: 'silent' });
    const app = createApp({ config });
    try {
      expect(app.storage).toBeInstanceOf(BlobStorage);
      expect(await app.health()).toMatchObject({ status: 'ok', storage: 'ok' });
      await app.repositories.sessions.save(sampleSession());
      const reader = new BlobStorage({ connectionString, container });
      expect(Object.keys(await reader.read(['session/session-1']))).toEqual(['session/session-1']);
    } finally {
      await app.close();
      await BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container).deleteIfExists();
    }
  });
});
