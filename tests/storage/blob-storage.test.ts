import { BlobServiceClient } from '@azure/storage-blob';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { BlobStorage } from '../../src/storage/blob-storage.js';
import { CREATE_ONLY_ETAG } from '../../src/storage/create-only.js';
import { isETagConflict, updateWithRetry } from '../../src/storage/update-with-retry.js';
import { blobStorageForTest } from '../helpers/azurite.js';

/** What two bot instances see: two BlobStorage objects (no shared memory) on one container. */
describe('BlobStorage, two instances on one container (Azurite)', () => {
  let first: BlobStorage;
  let second: BlobStorage;
  let container: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ storage: first, container, cleanup } = await blobStorageForTest());
    second = new BlobStorage({ connectionString: inject('azuriteConnectionString'), container });
  });
  afterEach(async () => {
    await second.flush();
    await cleanup();
  });

  it('lets exactly one of two writers with the same stale eTag win; the other gets a conflict', async () => {
    await first.write({ grid: { rev: 1 } });
    const seenByFirst = (await first.read(['grid'])).grid!;
    const seenBySecond = (await second.read(['grid'])).grid!;
    expect(seenBySecond.eTag).toBe(seenByFirst.eTag);
    const outcomes = await Promise.allSettled([
      first.write({ grid: { ...seenByFirst, rev: 2, by: 'first' } }),
      second.write({ grid: { ...seenBySecond, rev: 2, by: 'second' } }),
    ]);
    const won = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i === 0 ? 'first' : 'second'] : []));
    expect(won).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(isETagConflict(lost.reason)).toBe(true);
    expect(String(lost.reason)).toMatch(/eTag conflict/);
    expect((await second.read(['grid'])).grid?.by).toBe(won[0]);
    // The loser's eTag is now stale for good: a retry with it fails again.
    const loser = won[0] === 'first' ? second : first;
    await expect(loser.write({ grid: { ...seenByFirst, rev: 3 } })).rejects.toThrow(/eTag conflict/);
  });

  it('lets exactly one of two instances create a record', async () => {
    const outcomes = await Promise.allSettled([
      first.write({ code: { owner: 'first', eTag: CREATE_ONLY_ETAG } }),
      second.write({ code: { owner: 'second', eTag: CREATE_ONLY_ETAG } }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(isETagConflict(lost.reason)).toBe(true);
  });

  it('refuses a write whose eTag belongs to a record deleted since (stale), instead of resurrecting it', async () => {
    await first.write({ entry: { v: 1 } });
    const seen = (await first.read(['entry'])).entry!;
    await second.delete(['entry']);
    await expect(first.write({ entry: { ...seen, v: 2 } })).rejects.toThrow(/eTag conflict/);
    expect(await second.read(['entry'])).toEqual({});
  });

  it('loses no update when both instances update one record concurrently (read, decide, conditional write, retry)', async () => {
    const appendFrom = (storage: BlobStorage, who: string) =>
      updateWithRetry<{ entries: string[] }, void>({
        storage,
        key: 'list',
        maxAttempts: 40,
        parse: (stored) => stored as { entries: string[] },
        decide: (current) => ({ write: { entries: [...(current?.entries ?? []), who] }, result: undefined }),
      });
    const writers = Array.from({ length: 12 }, (_, n) => appendFrom(n % 2 === 0 ? first : second, `w${n}`));
    await Promise.all(writers);
    const { entries } = (await first.read(['list'])).list as unknown as { entries: string[] };
    expect([...entries].sort()).toEqual(Array.from({ length: 12 }, (_, n) => `w${n}`).sort());
  });

  it('keeps each record in a blob named by the sha256 of its key, with the key inside', async () => {
    const key = 'msteams/conversations/a:b/users/<x>"y"?*';
    await first.write({ [key]: { n: 1 } });
    const client = BlobServiceClient.fromConnectionString(inject('azuriteConnectionString')).getContainerClient(container);
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual([first.blobNameOf(key)]);
    expect(names[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    const body = JSON.parse((await client.getBlockBlobClient(names[0] as string).downloadToBuffer()).toString('utf8')) as unknown;
    expect(body).toEqual({ key, item: { n: 1 } });
  });

  it('treats a blob whose stored key differs as missing', async () => {
    const client = BlobServiceClient.fromConnectionString(inject('azuriteConnectionString')).getContainerClient(container);
    const json = JSON.stringify({ key: 'someone else', item: { n: 1 } });
    await client.getBlockBlobClient(first.blobNameOf('mine')).upload(json, json.length);
    expect(await first.read(['mine'])).toEqual({});
  });
});
