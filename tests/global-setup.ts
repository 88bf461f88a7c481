import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { startAzurite } from './helpers/azurite.js';

/**
 * Child-process tests (HTTP, SIGKILL, browser) run the compiled build, since
 * Node 20 cannot run .ts: compile once before any test file runs. The blob
 * storage tests share one Azurite, started meanwhile and stopped after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const compiled = promisify(execFile)(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root }).catch(
    (error: Error & { stdout?: string }) => {
      throw new Error(`tsc -p tsconfig.build.json failed:\n${error.stdout ?? error.message}`);
    },
  );
  const [build, azurite] = await Promise.allSettled([compiled, startAzurite()]);
  if (azurite.status === 'fulfilled' && build.status === 'rejected') await azurite.value.stop();
  if (build.status === 'rejected') throw build.reason;
  if (azurite.status === 'rejected') throw azurite.reason;
  project.provide('azuriteConnectionString', azurite.value.connectionString);
  return azurite.value.stop;
}
