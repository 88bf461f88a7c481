import { BlobServiceClient } from '@azure/storage-blob';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { BlobStorage } from '../../src/storage/blob-storage.js';
import { createStorage } from '../../src/storage/create-storage.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { uniqueContainer } from '../helpers/azurite.js';
import { sampleSession } from './sample-records.js';

describe('createStorage', () => {
  it('keeps files in STORE_DIR by default, relative to the project', () => {
    const storage = createStorage(loadConfig({ STORE_DIR: 'data/elsewhere' }), '/srv/jury');
    expect(storage).toBeInstanceOf(FileStorage);
    expect((storage as FileStorage).dir).toBe(join('/srv/jury', 'data/elsewhere'));
  });

  it('runs the app on Azure Blob Storage with STORAGE=blob (Azurite), creating the container', async () => {
    const connectionString = inject('azuriteConnectionString');
    const container = uniqueContainer();
    const config = loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: container, LOG_LEVEL: 'silent' });
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
