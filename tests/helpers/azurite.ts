import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BlobServiceClient } from '@azure/storage-blob';
import { inject } from 'vitest';
import { BlobStorage } from '../../src/storage/blob-storage.js';
import { stopChild } from '../fixtures/stop-child.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Azurite's blob endpoint, started once by tests/global-setup.ts. */
    azuriteConnectionString: string;
  }
}

const azuriteBlob = fileURLToPath(new URL('../../node_modules/azurite/dist/src/blob/main.js', import.meta.url));

// Azurite's well-known development account (public, documented by Microsoft): no secret.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  connectionString: string;
  stop: () => Promise<void>;
}

/**
 * Starts Azurite's blob service (from node_modules: nothing else to install)
 * on 127.0.0.1 and a free port, in memory, with a temporary workspace.
 */
export function startAzurite(): Promise<RunningAzurite> {
  const workspace = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child = spawn(
    process.execPath,
    [azuriteBlob, '--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--extentMemoryLimit', '256', '--disableTelemetry', '--skipApiVersionCheck', '--silent'],
    // In memory (it refuses --location then): the workspace is only its working folder.
    { cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(workspace, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Azurite did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const port = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const endpoint = `http://127.0.0.1:${port}/${DEV_ACCOUNT}`;
      resolve({
        connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${endpoint};`,
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** A container name of its own, so that tests never see each other's blobs. */
export function uniqueContainer(): string {
  return `test-${randomBytes(8).toString('hex')}`;
}

/** A BlobStorage on the shared Azurite, in a fresh container, and how to remove it. */
export async function blobStorageForTest(container = uniqueContainer()): Promise<{ storage: BlobStorage; container: string; cleanup: () => Promise<void> }> {
  const connectionString = inject('azuriteConnectionString');
  const storage = new BlobStorage({ connectionString, container });
  await storage.open();
  return {
    storage,
    container,
    cleanup: async () => {
      await storage.flush();
      await BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container).deleteIfExists();
    },
  };
}
