import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempFileName, TEMP_DIR } from '../../src/storage/durable-json-file.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { LOCK_FILE } from '../../src/storage/store-lock.js';

// Node 20 cannot run .ts: the child is the compiled fixture (tests/global-setup.ts builds it).
const burst = fileURLToPath(new URL('../../dist/tests/fixtures/storage-burst.js', import.meta.url));
const ROUNDS = 3;
const KILL_AFTER_ACKS = 400;

interface Round {
  acked: Map<string, number>;
  finishedAlone: boolean;
}

/** Runs the child until it has acknowledged `killAfter` writes, then SIGKILLs it mid-burst. */
function burstThenKill(dir: string, base: number, killAfter: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [burst, dir, '20000', '16', '40', String(base)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const acked = new Map<string, number>();
    let count = 0;
    let killed = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('burst child did not finish in time'));
    }, 20_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, key, n] = line.split(' ');
      if (word !== 'ack' || key === undefined || n === undefined) return;
      // Every line read counts, even after the kill: it was printed after its write resolved.
      const value = Number(n);
      const decoded = decodeURIComponent(key);
      acked.set(decoded, Math.max(acked.get(decoded) ?? -1, value));
      count += 1;
      if (count >= killAfter && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      resolve({ acked, finishedAlone: signal !== 'SIGKILL' });
    });
  });
}

describe('FileStorage killed mid-burst', () => {
  let root: string;
  let dir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'storage-crash-'));
    dir = join(root, 'store');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and never leaves a truncated file', { timeout: 90_000 }, async () => {
    const everAcked = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const { acked, finishedAlone } = await burstThenKill(dir, round * 1_000_000, KILL_AFTER_ACKS);
      expect(finishedAlone, 'the child must still be writing when killed').toBe(false);
      expect(acked.size).toBeGreaterThan(0);
      for (const [key, n] of acked) everAcked.set(key, Math.max(everAcked.get(key) ?? -1, n));

      // Every partition file is whole JSON holding its key; temp files are the only other names.
      const names = await readdir(dir);
      for (const name of names) {
        if (name === TEMP_DIR || name === LOCK_FILE) continue;
        expect(name).toMatch(/^[0-9a-f]{64}\.json$/);
        const content = JSON.parse(await readFile(join(dir, name), 'utf8')) as { key?: unknown; item?: { n?: unknown } };
        expect(typeof content.key).toBe('string');
        expect(typeof content.item?.n).toBe('number');
      }

      const reopened = new FileStorage({ dir });
      const items = await reopened.read([...everAcked.keys()]);
      for (const [key, n] of everAcked) {
        expect(items[key], key).toBeDefined();
        expect(items[key]?.n as number, key).toBeGreaterThanOrEqual(n);
      }
      // The dead child's temp files are gone once a new instance has started.
      expect((await readdir(join(dir, TEMP_DIR))).filter(isTempFileName)).toEqual([]);
      expect(names.filter(isTempFileName), 'temp files stay in their own folder').toEqual([]);
      // The dead child's lock was taken over; give it back for the next child.
      await reopened.close();
    }
  });
});
