import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, utimesSync, writeSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.js';

/** The lock file in the store folder: who owns the folder. */
export const LOCK_FILE = 'store.lock';

/** The owner refreshes its lock's mtime this often, so that another machine can tell a dead owner. */
const HEARTBEAT_MS = 10_000;
/** A lock from another machine not refreshed for this long is left by a dead owner. */
const STALE_AFTER_MS = 6 * HEARTBEAT_MS;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

interface Held {
  opens: number;
  heartbeat: NodeJS.Timeout;
}

// The lock belongs to the process, not to one FileStorage object: every object
// of this process on the folder shares it (tests open one folder many times).
const held = new Map<string, Held>();

export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

/**
 * Takes the folder's lock for this process, or throws StoreLockedError when
 * another live process holds it: the file store checks eTags inside one
 * process only, so two processes on one folder could lose updates. The lock
 * file appears whole (written aside, then hard-linked: exclusive, atomic);
 * a lock left by a dead process is taken over. Synchronous: called at start-up.
 */
export function acquireStoreLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  const mine = held.get(path);
  if (mine) {
    mine.opens += 1;
    return;
  }
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(path)) return hold(path);
    const seen = readLock(path);
    if (seen === undefined) continue; // released meanwhile: try again
    const owner = parseOwner(seen);
    // Our own pid: a previous run of this process id (a container restarted as pid 1).
    if (owner?.host === hostname() && owner.pid === process.pid) return hold(path);
    if (owner && isLive(owner, path)) throw new StoreLockedError(lockedMessage(dir, path, owner));
    takeOver(path, seen);
  }
  throw new StoreLockedError(`Storage: could not take the lock ${path} (several processes starting at once?); start again.`);
}

/** Gives back one open; the lock file goes with the last one. */
export function releaseStoreLock(dir: string): void {
  const path = join(dir, LOCK_FILE);
  const mine = held.get(path);
  if (!mine) return;
  mine.opens -= 1;
  if (mine.opens > 0) return;
  clearInterval(mine.heartbeat);
  held.delete(path);
  const owner = parseOwner(readLock(path) ?? '');
  if (owner?.pid === process.pid && owner.host === hostname()) unlinkQuietly(path);
}

function hold(path: string): void {
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // Removed by hand: the next start will simply take the folder.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  held.set(path, { opens: 1, heartbeat });
}

function tryCreate(path: string): boolean {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  const fd = openSync(aside, 'wx');
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(aside);
  }
}

/** On this machine, the pid tells; from another one, only the heartbeat can. */
function isLive(owner: LockOwner, path: string): boolean {
  if (owner.host === hostname()) return isProcessAlive(owner.pid);
  try {
    return Date.now() - statSync(path).mtimeMs < STALE_AFTER_MS;
  } catch {
    return false;
  }
}

/**
 * Moves the dead owner's lock aside, then checks it moved what it saw: if a
 * live process took the lock meanwhile, its lock is put back.
 */
function takeOver(path: string, seen: string): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readLock(aside) !== seen) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone else holds it now: the next attempt sees them.
    }
  }
  unlinkQuietly(aside);
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (Number.isInteger(value.pid) && typeof value.host === 'string') return value as LockOwner;
  } catch {
    // Not ours: no live owner wrote it.
  }
  return undefined;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function lockedMessage(dir: string, path: string, owner: LockOwner): string {
  return [
    `Le dossier de stockage ${dir} est déjà utilisé par un autre processus du bot (pid ${owner.pid} sur ${owner.host}, depuis ${owner.since}).`,
    'Un seul processus peut utiliser un même dossier : arrêtez l’autre, donnez à celui-ci un autre STORE_DIR, ou passez à STORAGE=blob pour plusieurs instances.',
    `Si aucun autre bot n’utilise ce dossier, supprimez ${path}.`,
    `The store folder ${dir} is already used by another bot process (pid ${owner.pid} on ${owner.host}, since ${owner.since}).`,
    `Only one process may use a folder: stop the other one, set another STORE_DIR, or use STORAGE=blob for several instances. If no other bot uses this folder, delete ${path}.`,
  ].join('\n');
}
