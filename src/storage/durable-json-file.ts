import { readFileSync } from 'node:fs';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { isProcessAlive } from './process-alive.js';

// `.<target>.<pid>.<random>.tmp`: the pid tells a dead writer's leftovers from a live one's.
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;

/**
 * Temp files live in this subfolder of the target's folder (same file system,
 * so the rename stays atomic): the start-up clean-up lists only it, never the
 * whole store.
 */
export const TEMP_DIR = '.tmp';

/**
 * A lowdb adapter for one JSON file, replaced atomically: the new content goes
 * to a temp file of its own, is fsync'ed, then renamed over the target, so a
 * crash (even SIGKILL or power loss) leaves either the old or the new file,
 * never a truncated one. Unlike lowdb's JSONFile (steno), it never chains
 * writes: the caller serialises writes to one file.
 */
export class DurableJsonFile implements Adapter<unknown> {
  constructor(readonly path: string) {}

  async read(): Promise<unknown> {
    let text: string;
    try {
      // A partition is a few kilobytes, read from the page cache in ~15 µs; the promise API spends
      // ~10× that in CPU (open, fstat, read, close, each a thread-pool round trip), and a row save reads ten.
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`Storage: ${this.path} is not valid JSON`, { cause: error });
    }
  }

  async write(data: unknown): Promise<void> {
    const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
    const temp = join(dirname(this.path), TEMP_DIR, `.${basename(this.path)}.${suffix}.tmp`);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(data), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/**
 * Removes temp files left by writers that died mid-write (another pid, no
 * longer running) from `dir`'s temp folder. Our own pid's temp files may
 * belong to a write in flight.
 */
export async function removeDeadWritersTempFiles(dir: string): Promise<number> {
  const alive = new Map<number, boolean>();
  const tempDir = join(dir, TEMP_DIR);
  let removed = 0;
  for (const name of await readdir(tempDir)) {
    const pid = Number(TEMP_NAME.exec(name)?.[2] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    if (!alive.has(pid)) alive.set(pid, isProcessAlive(pid));
    if (alive.get(pid)) continue;
    await unlink(join(tempDir, name)).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
    removed += 1;
  }
  return removed;
}

export function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
