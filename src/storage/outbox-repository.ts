import { z } from 'zod';
import { outboxMessageSchema, type OutboxMessage } from '../domain/model.js';
import { EntryIndex } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';
import type { Decision } from './update-with-retry.js';

export type EnqueueResult = { type: 'enqueued'; message: OutboxMessage } | { type: 'exists'; message: OutboxMessage };

/** Proactive messages waiting for delivery; at-least-once, idempotent by message key. */
export interface OutboxRepository {
  /** Stores the message unless one with its key exists (delivered or not). */
  enqueue(message: OutboxMessage): Promise<EnqueueResult>;
  /** Undelivered messages whose next attempt is due at `now`, earliest first. */
  listDue(now: Date): Promise<OutboxMessage[]>;
  /** Returns false when no such message exists. */
  markDelivered(key: string, deliveredAt: string): Promise<boolean>;
  /**
   * Takes the message for sending (conditional write): the message when this claim won, undefined
   * when it is delivered, gone, or claimed by another sender whose claim has not run out.
   */
  claim(key: string, claim: { by: string; now: Date; until: Date }): Promise<OutboxMessage | undefined>;
  /** Counts an attempt, postpones the next one and lets the claim go; false when no such undelivered message exists. */
  recordFailure(key: string, failure: { error: string; nextAttemptAt: string }): Promise<boolean>;
  /** The user's undelivered messages (to deliver on their next message), oldest first. */
  listPendingForUser(userId: string): Promise<OutboxMessage[]>;
}

// The pending index carries what the listings filter on, so they read only the messages they return.
const pendingEntrySchema = z.object({ id: z.string().min(1), userId: z.string().min(1), nextAttemptAt: z.string() });

export function createOutboxRepository(context: StorageContext): OutboxRepository {
  const messages = new RecordStore(context, outboxMessageSchema);
  const pending = new EntryIndex(context, pendingEntrySchema);
  const pendingKey = storageKeys.outboxPending();

  const track = (m: OutboxMessage) => pending.upsert(pendingKey, { id: m.key, userId: m.userId, nextAttemptAt: m.nextAttemptAt });

  async function load(ids: readonly string[]): Promise<OutboxMessage[]> {
    const found = await messages.getMany(ids.map(storageKeys.outboxMessage));
    const alive = found.filter((m) => m.deliveredAt === undefined);
    // Entries left by an interrupted markDelivered (or a deleted message) are pruned here.
    const aliveKeys = new Set(alive.map((m) => m.key));
    const dead = ids.filter((id) => !aliveKeys.has(id));
    if (dead.length > 0) await pending.remove(pendingKey, dead);
    return alive.sort((a, b) => Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt));
  }

  return {
    async enqueue(message) {
      const { result } = await messages.update(storageKeys.outboxMessage(message.key), (current): Decision<OutboxMessage, EnqueueResult> =>
        current ? { result: { type: 'exists', message: current } } : { write: message, result: { type: 'enqueued', message } },
      );
      // Re-asserted on every enqueue of an undelivered message: a retry heals an interrupted one.
      if (result.message.deliveredAt === undefined) await track(result.message);
      return result;
    },
    async listDue(now) {
      const due = (await pending.list(pendingKey)).filter((e) => Date.parse(e.nextAttemptAt) <= now.getTime());
      const messagesDue = await load(due.map((e) => e.id));
      return messagesDue.filter((m) => Date.parse(m.nextAttemptAt) <= now.getTime());
    },
    async markDelivered(key, deliveredAt) {
      const { result } = await messages.update(storageKeys.outboxMessage(key), (current) => {
        if (!current) return { result: false };
        if (current.deliveredAt !== undefined) return { result: true };
        return { write: { ...current, deliveredAt }, result: true };
      });
      if (result) await pending.remove(pendingKey, [key]);
      return result;
    },
    async claim(key, { by, now, until }) {
      const { written } = await messages.update(storageKeys.outboxMessage(key), (current) => {
        if (!current || current.deliveredAt !== undefined) return { result: undefined };
        const held = current.claimedBy !== undefined && current.claimedUntil !== undefined && Date.parse(current.claimedUntil) > now.getTime();
        if (held) return { result: undefined };
        return { write: { ...current, claimedBy: by, claimedUntil: until.toISOString() }, result: undefined };
      });
      return written;
    },
    async recordFailure(key, { error, nextAttemptAt }) {
      const { written } = await messages.update(storageKeys.outboxMessage(key), (current) => {
        if (!current || current.deliveredAt !== undefined) return { result: undefined };
        const { claimedBy: _by, claimedUntil: _until, ...unclaimed } = current;
        return { write: { ...unclaimed, attempts: current.attempts + 1, lastError: error, nextAttemptAt }, result: undefined };
      });
      if (written) await track(written);
      return written !== undefined;
    },
    async listPendingForUser(userId) {
      const mine = (await pending.list(pendingKey)).filter((e) => e.userId === userId);
      return (await load(mine.map((e) => e.id))).sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    },
  };
}
