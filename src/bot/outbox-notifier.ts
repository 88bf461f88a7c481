import type { Activity, ConversationReference } from 'botbuilder';
import type { OutboxMessage } from '../domain/model.js';
import { hashId, type Logger } from '../log.js';
import type { Repositories } from '../storage/repositories.js';
import type { Clock } from './clock.js';
import type { Notice, Notifier } from './notifier.js';

/** Sends one activity into a stored conversation; throws on failure (403, 404, network). */
export interface Transport {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void>;
}

/** How long a claim holds: longer than any send takes; a holder that died frees the message after it. */
export const CLAIM_MS = 2 * 60_000;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 30 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

function errorCode(error: unknown): string {
  const status = (error as { statusCode?: unknown; status?: unknown } | null)?.statusCode ?? (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number') return `http_${status}`;
  if (error instanceof Error) return error.name;
  return 'unknown';
}

/**
 * Proactive delivery through a stored outbox: every message is stored first,
 * then sent; failures are retried with backoff and, at the latest, delivered
 * on the person's next message. The message key makes it idempotent.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly deps: {
      repositories: Pick<Repositories, 'outbox' | 'conversationReferences'>;
      transport: Transport;
      clock: Clock;
      logger: Logger;
      logSalt: string;
      /** This process among the instances sharing the store: who holds a claim. */
      instanceId: string;
    },
  ) {}

  async notify(notice: Notice): Promise<void> {
    const now = this.deps.clock.now().toISOString();
    const enqueued = await this.deps.repositories.outbox.enqueue({
      schemaVersion: 1,
      key: notice.key,
      userId: notice.userId,
      // Messages carry names and candidates: shown as typed, never as markdown.
      activity: (typeof notice.activity.text === 'string' ? { textFormat: 'plain', ...notice.activity } : notice.activity) as Record<string, unknown>,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      ...(notice.expiresAt ? { expiresAt: notice.expiresAt.toISOString() } : {}),
    });
    if (enqueued.type === 'exists') return;
    await this.attempt(enqueued.message);
  }

  async deliverPending(userId: string, send: (activity: Partial<Activity>) => Promise<unknown>): Promise<void> {
    const { outbox } = this.deps.repositories;
    for (const pending of await outbox.listPendingForUser(userId)) {
      if (await this.droppedIfExpired(pending)) continue;
      const message = await this.claim(pending);
      if (!message) continue;
      await send(message.activity as Partial<Activity>);
      await outbox.markDelivered(message.key, this.deps.clock.now().toISOString());
      this.log('info', 'outbox delivered on next message', message);
    }
  }

  async deliverDue(): Promise<void> {
    for (const message of await this.deps.repositories.outbox.listDue(this.deps.clock.now())) {
      await this.attempt(message);
    }
  }

  private async attempt(due: OutboxMessage): Promise<void> {
    const { outbox, conversationReferences } = this.deps.repositories;
    if (await this.droppedIfExpired(due)) return;
    // Another instance (or this one's other path) may be sending it: only the claim's winner sends.
    const message = await this.claim(due);
    if (!message) return;
    const reference = await conversationReferences.get(message.userId);
    try {
      if (!reference) throw Object.assign(new Error('no conversation reference'), { name: 'NoConversationReference' });
      await this.deps.transport.send(reference, message.activity as Partial<Activity>);
      await outbox.markDelivered(message.key, this.deps.clock.now().toISOString());
      this.log('info', 'outbox delivered', message);
    } catch (error) {
      const attempts = message.attempts + 1;
      const nextAttemptAt = new Date(this.deps.clock.now().getTime() + retryDelayMs(attempts)).toISOString();
      await outbox.recordFailure(message.key, { error: errorCode(error), nextAttemptAt });
      this.log('warn', 'outbox delivery failed', message, { error: errorCode(error), attempts });
    }
  }

  private claim(message: OutboxMessage): Promise<OutboxMessage | undefined> {
    const now = this.deps.clock.now();
    return this.deps.repositories.outbox.claim(message.key, { by: this.deps.instanceId, now, until: new Date(now.getTime() + CLAIM_MS) });
  }

  /** A message past its expiry is closed without being sent (a "35 minutes" notice read at 46 would mislead). */
  private async droppedIfExpired(message: OutboxMessage): Promise<boolean> {
    const now = this.deps.clock.now();
    if (!message.expiresAt || Date.parse(message.expiresAt) > now.getTime()) return false;
    await this.deps.repositories.outbox.markDelivered(message.key, now.toISOString());
    this.log('info', 'outbox expired, dropped', message);
    return true;
  }

  private log(level: 'info' | 'warn', msg: string, message: OutboxMessage, extra: Record<string, string | number> = {}): void {
    // Keys end with the recipient's id: only their kind is logged in clear, the rest hashed like user ids.
    const kind = message.key.split('/')[0] ?? '';
    this.deps.logger[level](msg, { user: hashId(message.userId, this.deps.logSalt), kind, key: hashId(message.key, this.deps.logSalt), ...extra });
  }
}

/** The real transport: the adapter continues the stored conversation (app id '' locally). */
export function adapterTransport(
  adapter: { continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: { sendActivity(a: Partial<Activity>): Promise<unknown> }) => Promise<void>): Promise<void> },
  appId: string,
): Transport {
  return {
    send: (reference, activity) =>
      adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.sendActivity(activity);
      }),
  };
}
