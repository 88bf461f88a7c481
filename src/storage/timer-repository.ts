import { z } from 'zod';
import { timerSchema, type Timer } from '../domain/model.js';
import { EntryIndex } from './entry-index.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';
import type { Decision } from './update-with-retry.js';

export type ScheduleResult = { type: 'scheduled'; timer: Timer } | { type: 'exists'; timer: Timer };

/** Stored notices (35 and 45 minutes), rescheduled from here at start-up. */
export interface TimerRepository {
  /** Stores the timer unless one with its id exists (fired or not). */
  schedule(timer: Timer): Promise<ScheduleResult>;
  /** Timers not fired yet, earliest due first. */
  listPending(): Promise<Timer[]>;
  /** Returns false when no such timer exists. */
  markFired(timerId: string, firedAt: string): Promise<boolean>;
}

const pendingEntrySchema = z.object({ id: z.string().min(1), dueAt: z.string() });

export function createTimerRepository(context: StorageContext): TimerRepository {
  const timers = new RecordStore(context, timerSchema);
  const pending = new EntryIndex(context, pendingEntrySchema);
  const pendingKey = storageKeys.timersPending();

  return {
    async schedule(timer) {
      const { result } = await timers.update(storageKeys.timer(timer.id), (current): Decision<Timer, ScheduleResult> =>
        current ? { result: { type: 'exists', timer: current } } : { write: timer, result: { type: 'scheduled', timer } },
      );
      // Re-asserted on every schedule of an unfired timer: a retry heals an interrupted one.
      if (result.timer.firedAt === undefined) await pending.upsert(pendingKey, { id: result.timer.id, dueAt: result.timer.dueAt });
      return result;
    },
    async listPending() {
      const ids = (await pending.list(pendingKey)).map((e) => e.id);
      const found = await timers.getMany(ids.map(storageKeys.timer));
      const unfired = found.filter((t) => t.firedAt === undefined);
      const unfiredIds = new Set(unfired.map((t) => t.id));
      const dead = ids.filter((id) => !unfiredIds.has(id));
      // Entries left by an interrupted markFired are pruned here.
      if (dead.length > 0) await pending.remove(pendingKey, dead);
      return unfired.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    },
    async markFired(timerId, firedAt) {
      const { result } = await timers.update(storageKeys.timer(timerId), (current) => {
        if (!current) return { result: false };
        if (current.firedAt !== undefined) return { result: true };
        return { write: { ...current, firedAt }, result: true };
      });
      if (result) await pending.remove(pendingKey, [timerId]);
      return result;
    },
  };
}
