import { z } from 'zod';
import type { ConversationAddress } from './conversation-address.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** Where to reach each user proactively (captured on install and on every message). */
export interface ConversationReferenceRepository {
  get(userId: string): Promise<ConversationAddress | undefined>;
  /** Writes only when the reference changed (the id of the last activity does not count). */
  save(userId: string, reference: ConversationAddress): Promise<void>;
}

// botbuilder's own JSON, kept as it is: only its envelope is ours.
const storedReferenceSchema = z.object({
  schemaVersion: z.literal(1),
  userId: z.string().min(1),
  reference: z.record(z.string(), z.unknown()),
});

export function createConversationReferenceRepository(context: StorageContext): ConversationReferenceRepository {
  const references = new RecordStore(context, storedReferenceSchema);
  return {
    async get(userId) {
      const stored = await references.get(storageKeys.conversationReference(userId));
      return stored?.reference as ConversationAddress | undefined;
    },
    async save(userId, reference) {
      // Through JSON: a reference may carry class instances or undefined fields.
      const plain = JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
      const key = storageKeys.conversationReference(userId);
      // Captured on every personal message: only the activity id differs from one to the next, and proactive messages do not need it.
      const stored = await references.get(key);
      if (stored && sameReference(stored.reference, plain)) return;
      await references.put(key, { schemaVersion: 1, userId, reference: plain });
    },
  };
}

function sameReference(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { activityId: _a, ...left } = a;
  const { activityId: _b, ...right } = b;
  return JSON.stringify(left) === JSON.stringify(right);
}
