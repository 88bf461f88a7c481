import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';

/** Where to reach each user proactively (captured on install and on every message). */
export interface ConversationReferenceRepository {
  get(userId: string): Promise<Partial<ConversationReference> | undefined>;
  save(userId: string, reference: Partial<ConversationReference>): Promise<void>;
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
      return stored?.reference as Partial<ConversationReference> | undefined;
    },
    async save(userId, reference) {
      // Through JSON: a reference may carry class instances or undefined fields.
      const plain = JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
      await references.put(storageKeys.conversationReference(userId), { schemaVersion: 1, userId, reference: plain });
    },
  };
}
