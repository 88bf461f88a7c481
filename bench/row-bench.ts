import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AuditEntry, Evaluation, MemberGrid, Session, Synthesis } from '../src/domain/index.js';
import { auditEntrySchema, evaluationSchema, memberGridSchema, sessionSchema, synthesisSchema } from '../src/domain/model.js';
import { packageRoot } from '../src/paths.js';
import { loadReferentials } from '../src/referential/load-referentials.js';
import { BlobStorage } from '../src/storage/blob-storage.js';
import { FileStorage } from '../src/storage/file-storage.js';
import type { KeyValueStore } from '../src/storage/key-value-store.js';
import { storageKeys } from '../src/storage/storage-keys.js';
import { startBenchAzurite } from './azurite.js';
import { freePort } from '../tests/fixtures/free-port.js';

/**
 * `npm run bench`: the juror's row save (card submit → validate → persist →
 * next card) through the built bot over HTTP, against botbuilder's echo bot
 * measured in the same run. Figures only, no assertion: see the targets of the
 * README's "Performance" section.
 *
 * Every request is a valid save that changes the grid, with the revision the
 * previous reply's card carried; 201 jurors (67 evaluations of 3 members) save
 * rows in turn, one request in flight per juror.
 */
const TENANT = 'bench-tenant';
const LIVE_EVALUATIONS = 67;
// BENCH_QUICK=1: the small store only (for profiling); BENCH_NODE_ARGS: extra node flags for the bot (e.g. --cpu-prof).
const STORE_SIZES = process.env.BENCH_QUICK === '1' ? [100] : [100, 50_000];
const CONNECTIONS = [10, 50];
const WARMUP_REQUESTS = 400;
const MAX_REQUESTS = 4_000;
const MAX_SECONDS = 25;
const FILLER_WRITE_CONCURRENCY = 64;
// On Azure Blob Storage (Azurite started by the bench): the small store only, seeding 50,000 blobs would take the run.
const BLOB_STORE_SIZE = 100;
const PER_OP_SAMPLES = 200;

const root = packageRoot();
const referential = [...loadReferentials(resolve(root, 'data/referentiels')).values()][0];
if (!referential) throw new Error('bench: no referential');
const rowIds = referential.domains.flatMap((domain) => domain.rows.map((row) => row.id));

interface Juror {
  id: string;
  evaluationId: string;
  rev: number;
  /** Saves sent so far: picks the row, the percentage and the notes of the next one. */
  sent: number;
}

// ---------------------------------------------------------------- the store

/** One evaluation's records as the bot stores them (schemas checked), ids from `tag`. */
function evaluationRecords(tag: string, signed: boolean, at: string): { key: string; record: object }[] {
  const people = ['p', 'a', 'b'].map((who) => ({ id: `${tag}-${who}`, name: `Juré ${who.toUpperCase()} ${tag}`, function: 'Responsable ADV' }));
  const [president, ...members] = people as [(typeof people)[0], ...typeof people];
  const session: Session = sessionSchema.parse({
    schemaVersion: 1,
    id: `session-${tag}`,
    tenantId: TENANT,
    referentialId: referential!.id,
    date: at.slice(0, 10),
    mode: 'jury',
    president,
    code: null,
    members: members.map((m) => ({ ...m, joinedAt: at })),
    joinRequests: members.map((m) => ({ person: m, requestedAt: at, status: 'accepted', decidedAt: at })),
    evaluationIds: [`evaluation-${tag}`],
    createdAt: at,
  });
  const evaluation: Evaluation = evaluationSchema.parse({
    schemaVersion: 1,
    id: `evaluation-${tag}`,
    sessionId: session.id,
    tenantId: TENANT,
    referentialId: referential!.id,
    mode: 'jury',
    header: { date: session.date, candidateLastName: 'Dupont', candidateFirstName: `Léa ${tag}`, company: 'Laiterie du Val' },
    state: signed ? 'signed' : 'interview_ended',
    startedAt: at,
    endedAt: at,
    excludedMemberIds: [],
    createdAt: at,
  });
  const grids: MemberGrid[] = people.map((person) =>
    memberGridSchema.parse({
      schemaVersion: 1,
      evaluationId: evaluation.id,
      memberId: person.id,
      rev: signed ? 14 : 0,
      state: signed ? 'submitted' : 'open',
      rows: Object.fromEntries(
        rowIds.map((rowId, i) => [rowId, signed ? { notes: `Observation ${i} : le candidat reformule la demande du client et propose une solution datée.`, source: 'questions', percentage: 50 + i * 5, savedAt: at } : {}]),
      ),
      domainComments: {},
      updatedAt: at,
    }),
  );
  const records: { key: string; record: object }[] = [
    { key: storageKeys.session(session.id), record: session },
    { key: storageKeys.evaluation(evaluation.id), record: evaluation },
    ...grids.map((grid) => ({ key: storageKeys.grid(evaluation.id, grid.memberId), record: grid })),
  ];
  if (signed) {
    const domains = Object.fromEntries(referential!.domains.map((d) => [d.id, { percentage: 60, notEvaluatedReason: null }]));
    const synthesis: Synthesis = synthesisSchema.parse({
      schemaVersion: 1,
      evaluationId: evaluation.id,
      rev: 3,
      domains,
      comment: 'Candidate à l’aise dans la relation client ; à consolider sur la gestion des litiges.',
      signed: { domains, comment: 'Synthèse.', signedBy: president, signedAt: at, members: people },
      replaced: [],
      updatedAt: at,
    });
    const audit: AuditEntry[] = ['evaluation.create', 'evaluation.start', 'synthesis.sign'].map((action, i) =>
      auditEntrySchema.parse({ schemaVersion: 1, id: `${tag}-audit-${i}`, scopeId: evaluation.id, at, by: president.id, action, target: `evaluation/${evaluation.id}` }),
    );
    records.push(
      { key: storageKeys.synthesis(evaluation.id), record: synthesis },
      ...audit.map((entry) => ({ key: storageKeys.auditEntry(entry.scopeId, entry.id), record: entry })),
      { key: storageKeys.auditTrail(evaluation.id), record: { schemaVersion: 1, entries: audit.map((entry) => ({ id: entry.id })) } },
    );
  }
  return records;
}

/** The store: the jurors' live evaluations, then signed ones until `total` evaluations (written raw, in the stored format). */
async function seedStore(dir: string, total: number): Promise<Juror[]> {
  const storage = new FileStorage({ dir });
  const at = new Date().toISOString();
  const jurors: Juror[] = [];
  for (let e = 0; e < LIVE_EVALUATIONS; e += 1) {
    const records = evaluationRecords(`live${e}`, false, at);
    await storage.write(Object.fromEntries(records.map(({ key, record }) => [key, { ...record }])));
    for (const suffix of ['p', 'a', 'b']) jurors.push({ id: `live${e}-${suffix}`, evaluationId: `evaluation-live${e}`, rev: 0, sent: 0 });
  }
  // Gives the folder's lock back: the bot process takes it.
  await storage.close();
  // Signed evaluations: the same files FileStorage writes (`{ key, item }` under the key's hash), without fsync.
  let next = LIVE_EVALUATIONS;
  const writer = async (): Promise<void> => {
    while (next < total) {
      const i = next;
      next += 1;
      for (const { key, record } of evaluationRecords(`f${i}`, true, at)) {
        await writeFile(storage.pathOf(key), JSON.stringify({ key, item: { ...record, eTag: randomUUID() } }));
      }
    }
  };
  await Promise.all(Array.from({ length: FILLER_WRITE_CONCURRENCY }, writer));
  return jurors;
}

/** The same store on Azure Blob Storage, written through BlobStorage (the format the bot reads). */
async function seedBlob(storage: BlobStorage, total: number): Promise<Juror[]> {
  const at = new Date().toISOString();
  const jurors: Juror[] = [];
  let next = 0;
  const writer = async (): Promise<void> => {
    while (next < total) {
      const e = next;
      next += 1;
      const live = e < LIVE_EVALUATIONS;
      const records = evaluationRecords(live ? `live${e}` : `f${e}`, !live, at);
      await storage.write(Object.fromEntries(records.map(({ key, record }) => [key, { ...record }])));
    }
  };
  await Promise.all(Array.from({ length: 16 }, writer));
  for (let e = 0; e < LIVE_EVALUATIONS; e += 1) {
    for (const suffix of ['p', 'a', 'b']) jurors.push({ id: `live${e}-${suffix}`, evaluationId: `evaluation-live${e}`, rev: 0, sent: 0 });
  }
  await storage.flush();
  return jurors;
}

interface PerOp {
  label: string;
  write: { mean: number; p95: number };
  read: { mean: number; p95: number };
}

function meanP95(samples: number[]): { mean: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { mean: sorted.reduce((sum, v) => sum + v, 0) / sorted.length, p95: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN };
}

/** One store's latency per write (an update of a grid-sized record) and per read, sequential. */
async function perOp(label: string, store: KeyValueStore): Promise<PerOp> {
  const grid = { rows: Object.fromEntries(rowIds.map((rowId) => [rowId, { notes: 'n'.repeat(120), percentage: 50 }])) };
  const key = (i: number): string => `bench/per-op/${i % 20}`;
  const writes: number[] = [];
  const reads: number[] = [];
  for (let i = 0; i < PER_OP_SAMPLES; i += 1) {
    const t0 = performance.now();
    await store.write({ [key(i)]: { ...grid, n: i } });
    writes.push(performance.now() - t0);
  }
  for (let i = 0; i < PER_OP_SAMPLES; i += 1) {
    const t0 = performance.now();
    await store.read([key(i * 7)]);
    reads.push(performance.now() - t0);
  }
  return { label, write: meanP95(writes), read: meanP95(reads) };
}

// ---------------------------------------------------------------- processes

interface Running {
  child: ChildProcess;
  port: number;
  /** From spawn to the first 200 on /healthz. */
  startMs: number;
}

async function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Running> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = began + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if ((await get(port, '/healthz').catch(() => 0)) === 200) return { child, port, startMs: performance.now() - began };
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not answer /healthz within 60 s`);
}

async function stopProcess(running: Running): Promise<void> {
  const exited = new Promise((r) => running.child.once('exit', r));
  running.child.kill('SIGTERM');
  const timeout = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolveStatus, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolveStatus(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Peak resident memory (VmHWM) and CPU time so far, from /proc. */
function processFigures(pid: number): { peakRssMb: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: peakKb / 1024, cpuMs: (ticks * 1000) / 100 };
}

// ---------------------------------------------------------------- load

function envelope(userId: string, extra: object): object {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: `29:${userId}`, aadObjectId: userId, name: `Juré ${userId}` },
    recipient: { id: '28:bench-bot', name: 'Jury CQP' },
    conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

function post(agent: Agent, port: number, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The revision carried by the first grid.save action of the reply's cards. */
function revInReply(text: string): number | undefined {
  const match = /"verb":"grid\.save","evaluationId":"[^"]*","rowId":"[^"]*","rev":"?(\d+)/.exec(text);
  return match ? Number(match[1]) : undefined;
}

interface LoadResult {
  turns: number;
  seconds: number;
  p50: number;
  p99: number;
  refused: number;
  cpuMsPerTurn: number;
}

type Step = (agent: Agent, port: number) => Promise<boolean>;

async function load(running: Running, connections: number, steps: Step[], requests: number, maxSeconds: number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let refused = 0;
  let started = 0;
  const cpuBefore = processFigures(running.child.pid!).cpuMs;
  const began = performance.now();
  const stopAt = began + maxSeconds * 1000;
  // Each worker owns its own users, so one user's requests never overlap.
  const worker = async (w: number): Promise<void> => {
    const mine = steps.filter((_, i) => i % connections === w);
    for (let k = 0; started < requests && performance.now() < stopAt; k += 1) {
      started += 1;
      const step = mine[k % mine.length]!;
      const t0 = performance.now();
      const ok = await step(agent, running.port);
      latencies.push(performance.now() - t0);
      if (!ok) refused += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const seconds = (performance.now() - began) / 1000;
  const cpuMs = processFigures(running.child.pid!).cpuMs - cpuBefore;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? Number.NaN;
  return { turns: latencies.length, seconds, p50: at(0.5), p99: at(0.99), refused, cpuMsPerTurn: cpuMs / latencies.length };
}

function saveStep(juror: Juror): Step {
  return async (agent, port) => {
    const n = juror.sent;
    juror.sent += 1;
    // Rows 1 to 6 in turn, each followed by the next row's card.
    const rowId = rowIds[n % (rowIds.length - 1)]!;
    const value = {
      verb: 'grid.save',
      evaluationId: juror.evaluationId,
      rowId,
      rev: String(juror.rev),
      phase: 'scoring',
      then: 'next',
      notes: `Passage ${n} : le candidat reformule la demande, propose une date de livraison et un geste commercial.`,
      source: 'questions',
      percentage: String((n * 37) % 101),
    };
    const reply = await post(agent, port, JSON.stringify(envelope(juror.id, { value })));
    const rev = reply.status === 200 ? revInReply(reply.text) : undefined;
    if (rev === undefined || rev <= juror.rev) return false;
    juror.rev = rev;
    return true;
  };
}

function echoStep(userId: string): Step {
  let n = 0;
  return async (agent, port) => {
    n += 1;
    const reply = await post(agent, port, JSON.stringify(envelope(userId, { text: `bonjour ${n}` })));
    return reply.status === 200 && reply.text.includes('Echo');
  };
}

// ---------------------------------------------------------------- report

interface CaseFigures extends LoadResult {
  label: string;
  connections: number;
  peakRssMb: number;
}

const pad = (value: string, width: number): string => value.padStart(width);
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'row-bench-'));
  const results: CaseFigures[] = [];
  const starts: Record<string, number> = {};
  const perOps: PerOp[] = [];
  try {
    const echo = await startProcess(resolve(root, 'dist/bench/echo-bot.js'), {});
    const echoSteps = Array.from({ length: 201 }, (_, i) => echoStep(`echo-${i}`));
    await load(echo, 10, echoSteps, WARMUP_REQUESTS, MAX_SECONDS);
    for (const connections of CONNECTIONS) {
      const figures = await load(echo, connections, echoSteps, MAX_REQUESTS, MAX_SECONDS);
      results.push({ label: 'echo bot', connections, ...figures, peakRssMb: processFigures(echo.child.pid!).peakRssMb });
    }
    await stopProcess(echo);

    for (const size of STORE_SIZES) {
      const dir = join(work, `store-${size}`);
      await mkdir(dir, { recursive: true });
      const seedBegan = performance.now();
      const jurors = await seedStore(dir, size);
      // The store is on disk before the bot starts, as in production: not half of it still in the kernel's write-back queue.
      execFileSync('sync');
      process.stderr.write(`seeded ${size} evaluations in ${fixed((performance.now() - seedBegan) / 1000)} s\n`);
      const bot = await startProcess(resolve(root, 'dist/src/main.js'), { STORE_DIR: dir, LOG_LEVEL: 'info' }, (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean));
      starts[size] = bot.startMs;
      const steps = jurors.map(saveStep);
      await load(bot, 10, steps, WARMUP_REQUESTS, MAX_SECONDS);
      for (const connections of CONNECTIONS) {
        const figures = await load(bot, connections, steps, MAX_REQUESTS, MAX_SECONDS);
        results.push({ label: `row save, ${size} stored`, connections, ...figures, peakRssMb: processFigures(bot.child.pid!).peakRssMb });
      }
      await stopProcess(bot);
    }

    // The same on Azure Blob Storage: Azurite on a free loopback port, data in a temporary folder, stopped after.
    const azurite = await startBenchAzurite();
    try {
      const files = new FileStorage({ dir: join(work, 'per-op') });
      perOps.push(await perOp('file', files));
      await files.close();
      const container = 'bench-per-op';
      const blobs = new BlobStorage({ connectionString: azurite.connectionString, container });
      perOps.push(await perOp('blob (Azurite)', blobs));
      await blobs.flush();

      const seedBegan = performance.now();
      const storage = new BlobStorage({ connectionString: azurite.connectionString, container: 'bench-rows' });
      const jurors = await seedBlob(storage, BLOB_STORE_SIZE);
      process.stderr.write(`seeded ${BLOB_STORE_SIZE} evaluations on Azurite in ${fixed((performance.now() - seedBegan) / 1000)} s\n`);
      const env = {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'bench-rows',
        LINK_SECRET: 'bench-link-secret-bench-link-secret',
        RUN_ID: 'bench',
        LOG_LEVEL: 'info',
      };
      const bot = await startProcess(resolve(root, 'dist/src/main.js'), env, (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean));
      starts[`${BLOB_STORE_SIZE} on blob`] = bot.startMs;
      const steps = jurors.map(saveStep);
      await load(bot, 10, steps, WARMUP_REQUESTS, MAX_SECONDS);
      for (const connections of CONNECTIONS) {
        const figures = await load(bot, connections, steps, MAX_REQUESTS, MAX_SECONDS);
        results.push({ label: `row save, ${BLOB_STORE_SIZE} on blob`, connections, ...figures, peakRssMb: processFigures(bot.child.pid!).peakRssMb });
      }
      await stopProcess(bot);
    } finally {
      await azurite.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const echoAt = (connections: number): CaseFigures | undefined => results.find((r) => r.label === 'echo bot' && r.connections === connections);
  const lines = [
    '',
    `Row save vs botbuilder echo bot (Node ${process.version}, ${new Date().toISOString()})`,
    `${'case'.padEnd(26)}${pad('conns', 6)}${pad('turns', 7)}${pad('turns/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('cpu ms', 8)}${pad('peak RSS', 10)}${pad('refused', 8)}${pad('×echo/s', 9)}${pad('p99×', 7)}${pad('RSS×', 6)}`,
  ];
  for (const r of results) {
    const echo = echoAt(r.connections);
    const rate = r.turns / r.seconds;
    const echoRate = echo ? echo.turns / echo.seconds : Number.NaN;
    lines.push(
      `${r.label.padEnd(26)}${pad(String(r.connections), 6)}${pad(String(r.turns), 7)}${pad(fixed(rate), 9)}${pad(fixed(r.p50), 8)}${pad(fixed(r.p99), 8)}${pad(fixed(r.cpuMsPerTurn, 2), 8)}${pad(`${fixed(r.peakRssMb)} MB`, 10)}${pad(String(r.refused), 8)}${pad(fixed(rate / echoRate, 2), 9)}${pad(fixed(echo ? r.p99 / echo.p99 : Number.NaN, 2), 7)}${pad(fixed(echo ? r.peakRssMb / echo.peakRssMb : Number.NaN, 2), 6)}`,
    );
  }
  const rateOf = (label: string, connections: number): number => {
    const r = results.find((x) => x.label === label && x.connections === connections);
    return r ? r.turns / r.seconds : Number.NaN;
  };
  for (const connections of CONNECTIONS) {
    lines.push(`${STORE_SIZES[1]} stored / ${STORE_SIZES[0]} stored, ${connections} connections: ${fixed(rateOf(`row save, ${STORE_SIZES[1]} stored`, connections) / rateOf(`row save, ${STORE_SIZES[0]} stored`, connections), 2)}`);
  }
  for (const size of STORE_SIZES) lines.push(`start to /healthz with ${size} stored evaluations: ${fixed((starts[size] ?? Number.NaN) / 1000, 2)} s`);
  lines.push(`start to /healthz with ${BLOB_STORE_SIZE} evaluations on blob: ${fixed((starts[`${BLOB_STORE_SIZE} on blob`] ?? Number.NaN) / 1000, 2)} s`);
  lines.push(`Per operation, ${PER_OP_SAMPLES} sequential samples (ms): store            write mean  write p95  read mean  read p95`);
  for (const op of perOps) lines.push(`${' '.repeat(46)}${op.label.padEnd(17)}${pad(fixed(op.write.mean, 2), 10)}${pad(fixed(op.write.p95, 2), 11)}${pad(fixed(op.read.mean, 2), 11)}${pad(fixed(op.read.p95, 2), 10)}`);
  lines.push('Targets: row save ≥ 0.6× echo turns/s at 10 and 50 connections; p99 ≤ 2× echo at 10; 50k/100 ≥ 0.9; start ≤ 2 s at 50k; peak RSS ≤ 1.2× echo.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
