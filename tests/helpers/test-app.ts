import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createApp, type App } from '../../src/app.js';
import type { Clock } from '../../src/bot/clock.js';
import { loadConfig } from '../../src/config.js';
import type { RandomSource } from '../../src/domain/index.js';
import { seededGenerator } from '../../src/domain/rehearsal/index.js';
import { FakeTransport } from './fake-transport.js';

export interface TestApp extends App {
  transport: FakeTransport;
}

/** A deterministic random source, so join codes are reproducible in tests. */
export function seededRandom(seed = 42): RandomSource {
  return seededGenerator(seed);
}

/** The real app, built the way main.ts builds it, on in-memory (or given) storage. */
export function buildTestApp(
  options: { storage?: Storage; env?: Record<string, string>; clock?: Clock; random?: RandomSource; transport?: FakeTransport; openIdMetadataUrl?: string } = {},
): TestApp {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const transport = options.transport ?? new FakeTransport();
  const app = createApp({
    config,
    storage: options.storage ?? new MemoryStorage(),
    clock: options.clock,
    random: options.random ?? seededRandom(),
    transport,
    openIdMetadataUrl: options.openIdMetadataUrl,
  });
  return Object.assign(app, { transport });
}

export interface ChatUser {
  id: string;
  name: string;
  aadObjectId?: string;
}

/**
 * Drives the bot like one person in one chat: sends text or a card
 * submission and returns what the bot answered in that turn.
 */
export class Chat {
  private readonly adapter: TestAdapter;
  /** Activities the bot replaced in place (Teams' updateActivity), oldest first. */
  readonly updates: Partial<Activity>[] = [];

  constructor(
    private readonly app: App,
    private readonly user: ChatUser,
    private readonly options: { conversationType?: 'personal' | 'groupChat'; locale?: string; channelId?: string } = {},
  ) {
    this.adapter = new TestAdapter((context) => app.run(context));
    this.adapter.onTurnError = app.onTurnError;
    const update = this.adapter.updateActivity.bind(this.adapter);
    this.adapter.updateActivity = async (context, activity) => {
      this.updates.push(activity);
      return update(context, activity);
    };
  }

  async say(text: string): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', text });
  }

  async submit(value: Record<string, unknown>): Promise<Partial<Activity>[]> {
    return this.send({ type: 'message', value });
  }

  async send(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const conversationType = this.options.conversationType ?? 'personal';
    const request: Partial<Activity> = {
      channelId: this.options.channelId ?? 'msteams',
      locale: this.options.locale ?? 'fr-FR',
      from: { id: `29:${this.user.id}`, name: this.user.name, aadObjectId: this.user.aadObjectId ?? this.user.id },
      recipient: { id: '28:bot', name: 'Jury CQP' },
      conversation: {
        id: `${conversationType}:${this.user.id}`,
        conversationType,
        isGroup: conversationType !== 'personal',
        name: '',
      },
      channelData: { tenant: { id: 'tenant-test' } },
      ...activity,
    };
    this.adapter.activeQueue.length = 0;
    await this.adapter.processActivity(request);
    return this.adapter.activeQueue.splice(0);
  }
}

/** Every text a user would read in replies: message text and the text of card elements. */
export function visibleText(replies: Partial<Activity>[]): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'value', 'label', 'placeholder'].includes(key)) parts.push(value);
        else walk(value);
      }
    }
  };
  for (const reply of replies) {
    if (reply.text) parts.push(reply.text);
    walk(reply.attachments?.map((a) => a.content));
  }
  return parts.join('\n');
}

/** The Adaptive Card contents of the replies. */
export function cardsOf(replies: Partial<Activity>[]): Record<string, unknown>[] {
  return replies.flatMap((reply) =>
    (reply.attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content as Record<string, unknown>),
  );
}
