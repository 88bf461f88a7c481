import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileStorage } from '../src/storage/file-storage.js';

/**
 * Figures, no assertions: FileStorage's per-write and per-read latency as the
 * folder grows (it must not grow with it), and throughput under 50 concurrent
 * writers. Runs in a temp folder, removed at the end.
 */
const SIZES = [0, 1_000, 10_000, 50_000];
const SAMPLES = 400;
const POPULATE_CONCURRENCY = 32;
const CONCURRENT_WRITERS = 50;
const CONCURRENT_WRITES = 2_000;
// Roughly a member's grid with some notes.
const payload = { rows: Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`row-${i}`, { notes: 'n'.repeat(120), percentage: 50 }])) };

const itemKey = (i: number): string => `bench/evaluation-${Math.floor(i / 10)}/grid/member-${i % 10}`;

function stats(samples: number[]): { mean: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
  return { mean, p95 };
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

async function runLimited(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next;
      next += 1;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number): string => value.toFixed(3).padStart(8);
// With `node --expose-gc`, heap figures are taken after a collection (live data only).
const heap = (): string => {
  (globalThis as { gc?: () => void }).gc?.();
  return `heap used ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)}`;
};

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'storage-bench-'));
  const storage = new FileStorage({ dir: join(root, 'store') });
  const began = performance.now();
  let stored = 0;
  const lines: string[] = [];
  try {
    console.log(`FileStorage bench, Node ${process.version}, ${SAMPLES} sequential samples per figure (ms)`);
    console.log('  items | write mean | write p95 | read mean | read p95 | populate');
    for (const size of SIZES) {
      const populateMs = await timed(() =>
        runLimited(size - stored, POPULATE_CONCURRENCY, (i) => storage.write({ [itemKey(stored + i)]: { ...payload, n: stored + i } })),
      );
      stored = size;
      const writes: number[] = [];
      const reads: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        // Updates of stored items (new probe keys when the folder is empty).
        const key = size > 0 ? itemKey((i * 7919) % size) : `bench/probe/${i}`;
        writes.push(await timed(() => storage.write({ [key]: { ...payload, n: -i } })));
      }
      for (let i = 0; i < SAMPLES; i += 1) {
        const key = size > 0 ? itemKey((i * 104_729) % size) : `bench/probe/${i}`;
        reads.push(await timed(() => storage.read([key])));
      }
      const w = stats(writes);
      const r = stats(reads);
      const line = `${String(size).padStart(7)} | ${ms(w.mean)}   | ${ms(w.p95)}  | ${ms(r.mean)}  | ${ms(r.p95)} | ${(populateMs / 1000).toFixed(1)} s; ${heap()}`;
      console.log(line);
      lines.push(line);
    }

    const distinctMs = await timed(() =>
      runLimited(CONCURRENT_WRITES, CONCURRENT_WRITERS, (i) => storage.write({ [`bench/concurrent/${i}`]: { ...payload, n: i } })),
    );
    console.log(`${CONCURRENT_WRITERS} concurrent writers, distinct keys: ${Math.round(CONCURRENT_WRITES / (distinctMs / 1000))} writes/s; ${heap()}`);
    const oneKeyMs = await timed(() =>
      runLimited(CONCURRENT_WRITES, CONCURRENT_WRITERS, (i) => storage.write({ 'bench/hot': { ...payload, n: i, eTag: '*' } })),
    );
    console.log(`${CONCURRENT_WRITERS} concurrent writers, one key:       ${Math.round(CONCURRENT_WRITES / (oneKeyMs / 1000))} writes/s; ${heap()}`);
    await storage.flush();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.log(`total ${((performance.now() - began) / 1000).toFixed(1)} s (temp folder removed)`);
}

await main();
