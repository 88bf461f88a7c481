import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BlobServiceClient } from '@azure/storage-blob';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { outboxMessageSchema, type OutboxMessage } from '../../src/domain/model.js';
import { BlobStorage } from '../../src/storage/blob-storage.js';
import { uniqueContainer } from '../helpers/azurite.js';
import { cardWithVerb, clickPayload } from '../helpers/cards.js';
import { JuryHarness, PEOPLE, type PersonKey } from '../helpers/jury.js';
import { ROW_IDS } from '../helpers/jury-scenarios.js';
import { visibleText, type Chat } from '../helpers/test-app.js';

// Node 20 cannot run .ts: each instance is the compiled fixture (tests/global-setup.ts builds it).
const fixture = fileURLToPath(new URL('../../dist/tests/fixtures/bot-instance.js', import.meta.url));
const STALE = "Cette carte n'est plus à jour";

type Replies = Partial<Activity>[];

/** One bot process on the shared container, driven line by line (see the fixture). */
class Instance {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (replies: Replies) => void; reject: (error: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {}

  static start(connectionString: string, container: string, seed: number, delivered: (d: { userId: string; activity: Partial<Activity> }) => void): Promise<Instance> {
    const child = spawn(process.execPath, [fixture, connectionString, container, String(seed)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const instance = new Instance(child);
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`bot instance exited with ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const message = JSON.parse(line) as { ready?: true; id?: number; replies?: Replies; error?: string; delivered?: { userId: string; activity: Partial<Activity> } };
        if (message.ready) resolve(instance);
        else if (message.delivered) delivered(message.delivered);
        else if (message.id !== undefined) {
          const waiter = instance.waiting.get(message.id);
          instance.waiting.delete(message.id);
          if (message.error) waiter?.reject(new Error(message.error));
          else waiter?.resolve(message.replies ?? []);
        }
      });
    });
  }

  request(body: Record<string, unknown>): Promise<Replies> {
    const id = (this.nextId += 1);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, ...body })}\n`);
    });
  }

  stop(): void {
    this.child.stdin?.end();
    this.child.kill('SIGKILL');
  }
}

interface SaveRecord {
  who: PersonKey;
  rowId: string;
  percentage: number;
  acknowledged: boolean;
}

/** A jury whose every turn goes to one instance, then the other; proactive messages come from both. */
class TwoInstanceJury extends JuryHarness {
  private turn = 0;
  readonly saves: SaveRecord[] = [];
  readonly sent: { userId: string; activity: Partial<Activity> }[] = [];

  constructor(
    storage: BlobStorage,
    readonly instances: [Instance, Instance],
  ) {
    super({ storage });
  }

  record(delivery: { userId: string; activity: Partial<Activity> }): void {
    this.sent.push(delivery);
    this.transport.delivered.push(delivery);
  }

  override chat(who: PersonKey): Chat {
    const send = (activity: Partial<Activity>): Promise<Replies> => this.via(this.instances[(this.turn += 1) % 2]!, who, activity);
    return { say: (text: string) => send({ type: 'message', text }), submit: (value: Record<string, unknown>) => send({ type: 'message', value }), send } as unknown as Chat;
  }

  /** One instance's turn; `reprendre` on a chosen one. */
  async on(index: 0 | 1, who: PersonKey, text: string): Promise<Replies> {
    return this.via(this.instances[index], who, { type: 'message', text });
  }

  async tickBoth(): Promise<void> {
    const now = this.clock.now().toISOString();
    await Promise.all(this.instances.map((i) => i.request({ op: 'tick', now })));
  }

  private async via(instance: Instance, who: PersonKey, activity: Partial<Activity>): Promise<Replies> {
    const replies = await instance.request({ op: 'send', now: this.clock.now().toISOString(), user: PEOPLE[who], activity });
    const value = activity.value as Record<string, unknown> | undefined;
    if (value?.verb === 'grid.save' && typeof value.percentage === 'string' && value.percentage !== '') {
      this.saves.push({ who, rowId: String(value.rowId), percentage: Number(value.percentage), acknowledged: !visibleText(replies).includes(STALE) });
    }
    return replies;
  }
}

const rowPayload = (replies: Replies, then: string, percentage: number): Record<string, unknown> =>
  clickPayload(cardWithVerb(replies, 'grid.save'), (a) => a.data.verb === 'grid.save' && a.data.then === then && a.data.pick === undefined, { percentage: String(percentage) });

/**
 * Scores every row, the first with a double click sent to both instances at once, the second
 * with two different values at once (one wins, the other is refused as stale), then submits.
 */
async function scoreAndSubmit(jury: TwoInstanceJury, who: PersonKey, base: number): Promise<void> {
  let replies = await jury.openGrid(who, 'scoring');
  for (const [index] of ROW_IDS.entries()) {
    const then = index === ROW_IDS.length - 1 ? 'report' : 'next';
    const percentage = base + index;
    if (index === 0) {
      const payload = rowPayload(replies, then, percentage);
      const both = await Promise.all([jury.chat(who).submit(payload), jury.chat(who).submit(payload)]);
      replies = both.find((r) => r.length > 0) ?? [];
    } else if (index === 1) {
      const [first, second] = await Promise.all([jury.chat(who).submit(rowPayload(replies, then, percentage)), jury.chat(who).submit(rowPayload(replies, then, percentage + 1))]);
      replies = visibleText(first).includes(STALE) ? second : first;
    } else {
      replies = await jury.chat(who).submit(rowPayload(replies, then, percentage));
    }
  }
  const submitted = await jury.click(who, replies, 'grid.submit', (a) => a.data.confirmEmpty === undefined);
  if (JSON.stringify(submitted).includes('confirmEmpty')) await jury.click(who, submitted, 'grid.submit', (a) => a.data.confirmEmpty === true || a.data.confirmEmpty === 'true');
}

/** Every record of the container: blobs hold `{ key, item }` (see BlobStorage). */
async function outboxMessages(connectionString: string, container: string): Promise<OutboxMessage[]> {
  const client = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container);
  const found: OutboxMessage[] = [];
  for await (const blob of client.listBlobsFlat()) {
    const body = JSON.parse((await client.getBlobClient(blob.name).downloadToBuffer()).toString('utf8')) as { key: string; item: Record<string, unknown> };
    if (!body.key.startsWith('outbox/')) continue;
    const { eTag: _eTag, ...item } = body.item;
    found.push(outboxMessageSchema.parse(item));
  }
  return found;
}

describe('two bot instances on one Azure Blob Storage container (Azurite)', () => {
  const connectionString = inject('azuriteConnectionString');
  const container = uniqueContainer();
  let instances: [Instance, Instance] | undefined;
  let jury: TwoInstanceJury;

  beforeAll(async () => {
    const storage = new BlobStorage({ connectionString, container });
    await storage.open();
    const record = (d: { userId: string; activity: Partial<Activity> }): void => jury.record(d);
    instances = [await Instance.start(connectionString, container, 1, record), await Instance.start(connectionString, container, 2, record)];
    jury = new TwoInstanceJury(storage, instances);
  }, 30_000);
  afterAll(async () => {
    for (const instance of instances ?? []) instance.stop();
    await BlobServiceClient.fromConnectionString(connectionString).getContainerClient(container).deleteIfExists();
  });

  it('loses no save and sends each proactive message once, whichever instance takes each turn', { timeout: 60_000 }, async () => {
    await jury.create('claire');
    await Promise.all([jury.requestJoin('marc'), jury.requestJoin('ines')]);
    await jury.decide('marc', 'accept');
    await jury.decide('ines', 'accept');
    await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });

    // The notices: both instances' schedulers pass at 36 and 46 minutes, twice each.
    for (const minutes of [36, 10]) {
      jury.clock.advance(minutes);
      await jury.tickBoth();
      await jury.tickBoth();
    }
    await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });

    // Two jurors score at once, each turn alternating between the instances; the president last.
    // Both schedulers pass meanwhile: a message just enqueued by a turn is due at once, for the three senders alike.
    const ticking = async (): Promise<void> => {
      for (let pass = 0; pass < 12; pass += 1) await jury.tickBoth();
    };
    await Promise.all([scoreAndSubmit(jury, 'marc', 60), scoreAndSubmit(jury, 'ines', 40), ticking()]);
    await scoreAndSubmit(jury, 'claire', 50);
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('collection_closed');

    // Consolidation, then the signature clicked twice at once, on both instances.
    const consolidation = jury.delivered('claire');
    const preview = await jury.click('claire', consolidation, 'synthesis.preview');
    const sign = clickPayload(cardWithVerb(preview, 'synthesis.sign'), (a) => a.data.verb === 'synthesis.sign');
    await Promise.all([jury.chat('claire').submit(sign), jury.chat('claire').submit(sign)]);
    await jury.tickBoth();
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('signed');

    // Saves: every acknowledged one is in the store; the refused ones said so.
    const acknowledged = jury.saves.filter((s) => s.acknowledged);
    const grids = new Map<string, Awaited<ReturnType<JuryHarness['stored']>>>();
    for (const who of ['claire', 'marc', 'ines'] as const) grids.set(who, await jury.stored(who));
    const found = acknowledged.filter((s) => grids.get(s.who)?.rows[s.rowId]?.percentage === s.percentage);
    const refused = jury.saves.length - acknowledged.length;

    // Proactive messages: each outbox key sent exactly once, by whichever instance claimed it.
    const messages = await outboxMessages(connectionString, container);
    const perKey = messages.map((m) => ({
      key: m.key.replace(jury.evaluationId, '<evaluation>'),
      sent: jury.sent.filter((d) => d.userId === m.userId && JSON.stringify(d.activity) === JSON.stringify(m.activity)).length,
    }));
    console.info(
      [
        `two instances: saves sent ${jury.saves.length}, acknowledged ${acknowledged.length}, found after the run ${found.length}, refused as stale ${refused}`,
        `proactive messages: ${messages.length} keys, ${jury.sent.length} sent`,
        ...perKey.map((k) => `  ${k.key}: ${k.sent}`),
      ].join('\n'),
    );
    expect(found.length).toBe(acknowledged.length);
    expect(refused).toBe(3); // the one losing value of each juror's second row
    expect(messages.every((m) => m.deliveredAt !== undefined)).toBe(true);
    expect(perKey.filter((k) => k.sent !== 1)).toEqual([]);
    expect(jury.sent).toHaveLength(messages.length);
    // Each kind the issue names is there: join requests, both notices per member, the consolidation, the synthesis.
    const kinds = perKey.map((k) => k.key);
    expect(kinds.filter((k) => k.startsWith('synthesis/'))).toHaveLength(3);
    expect(kinds.filter((k) => k.startsWith('consolidation/'))).toHaveLength(1);
    for (const minutes of [35, 45]) expect(kinds.filter((k) => k.startsWith(`notice/<evaluation>/${minutes}/`))).toHaveLength(3);
    expect(kinds.filter((k) => k.startsWith('join-request/'))).toHaveLength(2);

    // `reprendre` shows the same on either instance.
    for (const who of ['claire', 'marc'] as const) {
      const [first, second] = [visibleText(await jury.on(0, who, 'reprendre')), visibleText(await jury.on(1, who, 'reprendre'))];
      expect(first.length).toBeGreaterThan(0);
      expect(second).toBe(first);
    }
  });
});
