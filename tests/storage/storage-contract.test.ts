import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_DIR } from '../../src/storage/durable-json-file.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { MemoryStore } from '../../src/storage/memory-store.js';
import { LOCK_FILE } from '../../src/storage/store-lock.js';
import { blobStorageForTest } from '../helpers/azurite.js';
import { describeStorageContract } from './storage-contract.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'file-storage-'));
}

/** The store's partition files: everything but the temp folder. */
async function partitionFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== TEMP_DIR && name !== LOCK_FILE);
}

// botbuilder's own store: the reference our stores' semantics follow.
describeStorageContract('MemoryStorage', () => ({ storage: new MemoryStorage() }));

describeStorageContract('MemoryStore', () => ({ storage: new MemoryStore() }));

describeStorageContract('FileStorage', async () => {
  const dir = await tempDir();
  const storage = new FileStorage({ dir: join(dir, 'store') });
  return {
    storage,
    cleanup: async () => {
      await storage.flush();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeStorageContract('BlobStorage (Azurite)', blobStorageForTest);

describe('FileStorage on disk', () => {
  let dir: string;
  let storage: FileStorage;

  beforeEach(async () => {
    dir = join(await tempDir(), 'store');
    storage = new FileStorage({ dir });
  });
  afterEach(async () => {
    await storage.flush();
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('creates its folder on first use', async () => {
    await expect(readdir(dir)).rejects.toThrow();
    await storage.read(['anything']);
    await expect(partitionFiles(dir)).resolves.toEqual([]);
  });

  it('is seen by a second instance on the same folder (a restart)', async () => {
    await storage.write({ 'conversation/a?b*': { n: 1 } });
    const written = (await storage.read(['conversation/a?b*']))['conversation/a?b*'];
    const restarted = new FileStorage({ dir });
    const read = (await restarted.read(['conversation/a?b*']))['conversation/a?b*'];
    expect(read).toEqual(written);
    // The eTag survives the restart: an update based on it is accepted.
    await expect(restarted.write({ 'conversation/a?b*': { ...read, n: 2 } })).resolves.toBeUndefined();
  });

  it('keeps one JSON file per key, named by the sha256 of the key, with the key inside', async () => {
    const key = 'msteams/conversations/a:b/users/<x>"y"';
    await storage.write({ [key]: { n: 1 } });
    const files = await partitionFiles(dir);
    expect(files).toEqual([`${storage.pathOf(key).split('/').pop()}`]);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    const content = JSON.parse(await readFile(storage.pathOf(key), 'utf8')) as { key: string; item: { n: number; eTag: string } };
    expect(content.key).toBe(key);
    expect(content.item.n).toBe(1);
    expect(typeof content.item.eTag).toBe('string');
  });

  it('treats a file whose stored key differs as missing', async () => {
    await storage.read([]);
    await writeFile(storage.pathOf('mine'), JSON.stringify({ key: 'someone else', item: { n: 1, eTag: 'x' } }));
    expect(await storage.read(['mine'])).toEqual({});
  });

  it('leaves only whole files after 200 concurrent forced writes to one key', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, n) => storage.write({ hot: { n, eTag: '*' } })));
    const files = await partitionFiles(dir);
    expect(files).toHaveLength(1);
    const content = JSON.parse(await readFile(join(dir, files[0] as string), 'utf8')) as { item: { n: number } };
    expect(content.item.n).toBe(199);
  });

  it('waits for writes in flight on flush', async () => {
    const writes = Array.from({ length: 50 }, (_, n) => storage.write({ [`k${n}`]: { n } }));
    await storage.flush();
    const files = await partitionFiles(dir);
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(50);
    await Promise.all(writes);
  });

  it('keeps temp files in their own folder, so that start-up lists only that folder', async () => {
    await storage.write({ k: { n: 1 } });
    expect(await readdir(dir)).toEqual(expect.arrayContaining([TEMP_DIR]));
    expect(await readdir(join(dir, TEMP_DIR))).toEqual([]);
  });

  it('ignores and cleans temp files left by a dead writer, keeps a live one', async () => {
    await storage.write({ k: { n: 1 } });
    const target = storage.pathOf('k').split('/').pop() as string;
    const dead = `.${target}.999999999.abcdef.tmp`;
    const live = `.${target}.${process.pid}.abcdef.tmp`;
    await writeFile(join(dir, TEMP_DIR, dead), '{"key":"k","item":{"n"');
    await writeFile(join(dir, TEMP_DIR, live), '{"key":"k","item":{"n"');
    const restarted = new FileStorage({ dir });
    expect((await restarted.read(['k'])).k?.n).toBe(1);
    const files = await readdir(join(dir, TEMP_DIR));
    expect(files).not.toContain(dead);
    expect(files).toContain(live);
  });
});
