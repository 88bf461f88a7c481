import {
  AutoSaveStateMiddleware,
  ConversationState,
  MessageFactory,
  TestAdapter,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog, type WaterfallStep } from 'botbuilder-dialogs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CREATE_ONLY_ETAG } from '../../src/storage/create-only.js';
import { isETagConflict } from '../../src/storage/update-with-retry.js';

export interface StorageUnderTest {
  storage: Storage;
  /** Removes what the storage left behind (a temp folder). */
  cleanup?: () => Promise<void>;
}

/**
 * The cases botbuilder runs against its own providers (botbuilder-core's
 * storageBaseTests), ported to vitest, plus the eTag and concurrency rules our
 * repositories rely on. Any Storage we use must pass them.
 */
export function describeStorageContract(name: string, makeStorage: () => Promise<StorageUnderTest> | StorageUnderTest): void {
  describe(`${name} honours the Storage contract`, () => {
    let subject: StorageUnderTest;
    let storage: Storage;

    beforeEach(async () => {
      subject = await makeStorage();
      storage = subject.storage;
    });
    afterEach(async () => {
      await subject.cleanup?.();
    });

    it('returns an empty object when reading an unknown key', async () => {
      const result = await storage.read(['unknown']);
      expect(result).not.toBeNull();
      expect(Object.keys(result)).toHaveLength(0);
    });

    it('rejects a read without keys with a ReferenceError', async () => {
      await expect(storage.read(null as unknown as string[])).rejects.toThrow(new ReferenceError('Keys are required when reading.'));
    });

    it('rejects a write without changes with a ReferenceError', async () => {
      await expect(storage.write(null as unknown as StoreItems)).rejects.toThrow(new ReferenceError('Changes are required when writing.'));
    });

    it('rejects a delete without keys', async () => {
      await expect(storage.delete(undefined as unknown as string[])).rejects.toThrow();
    });

    it('does not throw when writing no items', async () => {
      await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
      await expect(storage.write({})).resolves.toBeUndefined();
    });

    it('creates objects and gives them an eTag', async () => {
      const items = { createPoco: { id: 1 }, createPocoStoreItem: { id: 2 } };
      await storage.write(items);
      const read = await storage.read(Object.keys(items));
      expect(read.createPoco.id).toBe(1);
      expect(read.createPocoStoreItem.id).toBe(2);
      expect(typeof read.createPoco.eTag).toBe('string');
      expect(typeof read.createPocoStoreItem.eTag).toBe('string');
    });

    it('handles crazy keys', async () => {
      const key = '!@#$%^&*()~/\\><,.?\';"`~';
      const long = `${'conversation/'.repeat(40)}?*<>":${'é'.repeat(100)}`;
      await storage.write({ [key]: { id: 1 }, [long]: { id: 2 } });
      const read = await storage.read([key, long]);
      expect(read[key]?.id).toBe(1);
      expect(read[long]?.id).toBe(2);
    });

    it('updates objects: eTags change, a stale eTag is refused, no eTag and "*" overwrite', async () => {
      await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
      const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      const pocoItem = loaded.pocoItem;
      delete pocoItem.eTag;
      const pocoStoreItem = loaded.pocoStoreItem;
      const firstETag = pocoStoreItem.eTag as string;
      expect(firstETag).toBeTruthy();

      pocoItem.count += 1;
      pocoStoreItem.count += 1;
      await storage.write(loaded);
      const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(reloaded.pocoItem.eTag).toBeTruthy();
      expect(reloaded.pocoStoreItem.eTag).not.toBe(firstETag);
      expect(reloaded.pocoItem.count).toBe(2);
      expect(reloaded.pocoStoreItem.count).toBe(2);

      // Without eTag: last write wins.
      pocoItem.count = 123;
      await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
      // With the old eTag: refused, and nothing is written.
      pocoStoreItem.count = 123;
      await expect(storage.write({ pocoStoreItem })).rejects.toThrow(/eTag conflict/);

      const afterConflict = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(afterConflict.pocoItem.count).toBe(123);
      expect(afterConflict.pocoStoreItem.count).toBe(2);

      // "*" forces the write.
      const forcedItem = { ...afterConflict.pocoItem, count: 100 };
      delete forcedItem.eTag;
      const forcedStoreItem = { ...afterConflict.pocoStoreItem, count: 100, eTag: '*' };
      await storage.write({ pocoItem: forcedItem, pocoStoreItem: forcedStoreItem });
      const final = await storage.read(['pocoItem', 'pocoStoreItem']);
      expect(final.pocoItem.count).toBe(100);
      expect(final.pocoStoreItem.count).toBe(100);
    });

    it('gives every write a new, unique string eTag', async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 20; i += 1) {
        await storage.write({ etags: { i } });
        const eTag = (await storage.read(['etags'])).etags.eTag as unknown;
        expect(typeof eTag).toBe('string');
        seen.add(eTag as string);
      }
      expect(seen.size).toBe(20);
    });

    it('in a batch, refuses only the item with a stale eTag', async () => {
      await storage.write({ stale: { v: 1 }, fresh: { v: 1 } });
      const first = await storage.read(['stale']);
      await storage.write({ stale: { v: 2 } });
      await expect(storage.write({ stale: { ...first.stale, v: 3 }, fresh: { v: 3 } })).rejects.toThrow(/eTag conflict/);
      const read = await storage.read(['stale', 'fresh']);
      expect(read.stale.v).toBe(2);
      expect(read.fresh.v).toBe(3);
    });

    it('does not keep a reference to the objects written or read', async () => {
      const item = { nested: { v: 1 } };
      await storage.write({ isolated: item });
      item.nested.v = 2;
      const read = await storage.read(['isolated']);
      expect(read.isolated.nested.v).toBe(1);
      read.isolated.nested.v = 3;
      expect((await storage.read(['isolated'])).isolated.nested.v).toBe(1);
    });

    it('deletes objects', async () => {
      await storage.write({ delete1: { id: 1, count: 1 } });
      const read = await storage.read(['delete1']);
      expect(read.delete1.eTag).toBeTruthy();
      expect(read.delete1.count).toBe(1);
      await storage.delete(['delete1']);
      expect((await storage.read(['delete1'])).delete1).toBeUndefined();
    });

    it('does not throw when deleting an unknown object', async () => {
      await expect(storage.delete(['unknown_key'])).resolves.toBeUndefined();
    });

    it('performs batch operations', async () => {
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      let result = await storage.read(['batch1', 'batch2', 'batch3']);
      for (const key of ['batch1', 'batch2', 'batch3']) {
        expect(result[key].count).toBeGreaterThan(0);
        expect(result[key].eTag).toBeTruthy();
      }
      await storage.delete(['batch1', 'batch2', 'batch3']);
      result = await storage.read(['batch1', 'batch2', 'batch3']);
      expect(result.batch1).toBeUndefined();
      expect(result.batch2).toBeUndefined();
      expect(result.batch3).toBeUndefined();
    });

    it('proceeds through a waterfall dialog kept in ConversationState', async () => {
      const conversationState = new ConversationState(storage);
      const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
      const adapter = new TestAdapter(async (context) => {
        const dc = await dialogs.createContext(context);
        await dc.continueDialog();
        if (!context.responded) await dc.beginDialog('waterfallDialog');
      }).use(new AutoSaveStateMiddleware(conversationState));

      dialogs.add(
        new TextPrompt('textPrompt', async (prompt) => {
          if ((prompt.recognized.value ?? '').length > 3) {
            await prompt.context.sendActivity(MessageFactory.text(`You got it at the ${prompt.attemptCount}th try!`));
            return true;
          }
          await prompt.context.sendActivity(`Please send a name that is longer than 3 characters. ${prompt.attemptCount}`);
          return false;
        }),
      );
      const steps: WaterfallStep[] = [
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          await step.context.sendActivity('step1');
          return Dialog.EndOfTurn;
        },
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          return step.prompt('textPrompt', { prompt: MessageFactory.text('Please type your name.') });
        },
        async (step) => {
          expect(typeof step.activeDialog?.state.stepIndex).toBe('number');
          await step.context.sendActivity('step3');
          return Dialog.EndOfTurn;
        },
      ];
      dialogs.add(new WaterfallDialog('waterfallDialog', steps));

      await adapter
        .send('hello')
        .assertReply('step1')
        .send('hello')
        .assertReply('Please type your name.')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 1')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 2')
        .send('hi')
        .assertReply('Please send a name that is longer than 3 characters. 3')
        .send('Kyle')
        .assertReply('You got it at the 4th try!')
        .assertReply('step3')
        .startTest();
    });

    it('resolves 200 concurrent forced writes to one key, keeping one of them whole', async () => {
      const writes = Array.from({ length: 200 }, (_, n) => storage.write({ hot: { n, eTag: '*', payload: 'x'.repeat(200) } }));
      await expect(Promise.all(writes)).resolves.toHaveLength(200);
      const hot = (await storage.read(['hot'])).hot;
      expect(hot.n).toBe(199);
      expect(hot.payload).toHaveLength(200);
    });

    it('creates with the create-only eTag only while the record is absent', async () => {
      await storage.write({ created: { v: 1, eTag: CREATE_ONLY_ETAG } });
      expect((await storage.read(['created'])).created.v).toBe(1);
      await expect(storage.write({ created: { v: 2, eTag: CREATE_ONLY_ETAG } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['created'])).created.v).toBe(1);
      expect(isETagConflict(await storage.write({ created: { v: 3, eTag: CREATE_ONLY_ETAG } }).catch((error: unknown) => error))).toBe(true);
    });

    it('lets exactly one of several concurrent creations win', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, n) => storage.write({ born: { creator: n, eTag: CREATE_ONLY_ETAG } })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const creator = (await storage.read(['born'])).born.creator as number;
      expect(outcomes[creator]?.status).toBe('fulfilled');
    });

    it('lets exactly one of several concurrent writes with the same eTag win', async () => {
      await storage.write({ contested: { winner: null } });
      const { eTag } = (await storage.read(['contested'])).contested;
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, n) => storage.write({ contested: { winner: n, eTag } })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const lost of outcomes.filter((o) => o.status === 'rejected')) {
        expect(String((lost as PromiseRejectedResult).reason)).toMatch(/eTag conflict/);
      }
      const winner = (await storage.read(['contested'])).contested.winner as number;
      expect(outcomes[winner]?.status).toBe('fulfilled');
    });
  });
}
