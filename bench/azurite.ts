import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/paths.js';
import { freePort } from '../tests/fixtures/free-port.js';
import { stopChild } from '../tests/fixtures/stop-child.js';

// Azurite's well-known development account (public, documented by Microsoft): no secret.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface BenchAzurite {
  connectionString: string;
  stop: () => Promise<void>;
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolveOpen) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveOpen(true);
    });
    socket.once('error', () => resolveOpen(false));
  });

/**
 * Azurite's blob service for the bench (from node_modules), on a free loopback port, keeping its
 * data in a temporary folder on disk (as a Storage account keeps it, not in memory), no telemetry.
 * `stop` ends it and removes the folder.
 */
export async function startBenchAzurite(): Promise<BenchAzurite> {
  const location = await mkdtemp(join(tmpdir(), 'bench-azurite-'));
  const port = await freePort();
  const main = resolve(packageRoot(), 'node_modules/azurite/dist/src/blob/main.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [main, '--blobHost', '127.0.0.1', '--blobPort', String(port), '--location', location, '--disableTelemetry', '--skipApiVersionCheck', '--silent'],
    { cwd: location, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const stop = async (): Promise<void> => {
    await stopChild(child);
    await rm(location, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error('bench: Azurite did not start');
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const connectionString = `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`;
  return { connectionString, stop };
}
