import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/storage/file-storage.js';
import { LOCK_FILE, StoreLockedError } from '../../src/storage/store-lock.js';
import { startBot, type Started } from '../helpers/servers.js';

/** The pid of a process that has run and exited (so, dead). */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  if (pid === undefined) throw new Error('could not run node');
  return pid;
}

async function writeLock(dir: string, owner: object, mtime?: Date): Promise<void> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  await writeFile(path, JSON.stringify(owner));
  if (mtime) await utimes(path, mtime, mtime);
}

describe('the file store’s folder lock', () => {
  let root: string;
  let dir: string;
  const opened: FileStorage[] = [];
  const open = (): FileStorage => {
    const storage = new FileStorage({ dir });
    opened.push(storage);
    storage.open();
    return storage;
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'store-lock-'));
    dir = join(root, 'store');
  });
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    await rm(root, { recursive: true, force: true });
  });

  it('writes our pid in the lock, lets this process open the folder again, and removes the lock with the last close', async () => {
    const first = open();
    const second = open();
    const owner = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    await second.write({ k: { n: 1 } });
    expect((await first.read(['k'])).k?.n).toBe(1);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await second.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a folder held by a live process of this machine, naming the folder and the owner', async () => {
    await writeLock(dir, { pid: process.ppid, host: hostname(), since: '2026-12-06T08:00:00.000Z' });
    const storage = new FileStorage({ dir });
    expect(() => storage.open()).toThrow(StoreLockedError);
    expect(() => storage.open()).toThrow(/déjà utilisé par un autre processus du bot \(pid \d+ sur .*\)[\s\S]*already used by another bot process/);
    await expect(storage.read(['k'])).rejects.toThrow(StoreLockedError);
  });

  it.each([
    ['a dead pid of this machine', () => ({ pid: deadPid(), host: hostname(), since: '2026-12-06T08:00:00.000Z' }), undefined],
    ['another machine, not refreshed for minutes', () => ({ pid: 1234, host: 'other-host', since: '2026-12-06T08:00:00.000Z' }), new Date(Date.now() - 5 * 60_000)],
    ['a file no bot wrote', () => ({ nonsense: true }), undefined],
  ])('takes over a lock left by %s', async (_case, owner, mtime) => {
    await writeLock(dir, owner(), mtime);
    open();
    const taken = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(taken.pid).toBe(process.pid);
  });

  it('refuses a folder locked from another machine that keeps its lock fresh', async () => {
    await writeLock(dir, { pid: 1234, host: 'other-host', since: '2026-12-06T08:00:00.000Z' });
    expect(() => new FileStorage({ dir }).open()).toThrow(/pid 1234 sur other-host/);
  });
});

describe('two bot processes on one store folder', () => {
  let root: string;
  const bots: Started[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'store-lock-bots-'));
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('the second refuses to start with a clear message; once the first is killed (-9), a new one starts', { timeout: 60_000 }, async () => {
    const store = join(root, 'store');
    bots.push(await startBot({ STORE_DIR: store }));
    await expect(startBot({ STORE_DIR: store })).rejects.toThrow(
      new RegExp(`exited with 1:[\\s\\S]*Le dossier de stockage ${store} est déjà utilisé par un autre processus du bot \\(pid ${bots[0]?.child.pid}`),
    );
    await bots[0]?.stop(); // SIGKILL: no chance to remove its lock
    expect(existsSync(join(store, LOCK_FILE))).toBe(true);
    const next = await startBot({ STORE_DIR: store });
    bots.push(next);
    const response = await fetch(`${next.url}/healthz`);
    expect(response.status).toBe(200);
  });
});
