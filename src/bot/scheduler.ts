import type { Timer } from '../domain/model.js';
import type { Logger } from '../log.js';
import type { Repositories } from '../storage/repositories.js';
import type { Clock } from './clock.js';
import type { Notifier } from './notifier.js';

/** A notice more than this late (e.g. the bot was down) is dropped rather than sent out of time. */
export const LATE_NOTICE_LIMIT_MS = 5 * 60_000;

export type TimerHandler = (timer: Timer) => Promise<void>;

/**
 * Fires stored timers when due and retries the outbox. Nothing lives only in
 * memory: a restart re-reads the pending timers and carries on.
 */
export class Scheduler {
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      repositories: Pick<Repositories, 'timers'>;
      notifier: Notifier;
      clock: Clock;
      logger: Logger;
      handlers: Record<string, TimerHandler>;
    },
  ) {}

  /** One pass: fire due timers, then retry due outbox messages. Overlapping calls share one pass. */
  tick(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  start(everyMs = 15_000): void {
    this.interval = setInterval(() => {
      this.tick().catch((error: unknown) => this.deps.logger.error('scheduler pass failed', { error: error instanceof Error ? error.message : 'unknown' }));
    }, everyMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    if (this.interval) clearInterval(this.interval);
    await this.running;
  }

  private async pass(): Promise<void> {
    const { timers } = this.deps.repositories;
    const now = this.deps.clock.now();
    for (const timer of await timers.listPending()) {
      const lateBy = now.getTime() - new Date(timer.dueAt).getTime();
      if (lateBy < 0) continue;
      if (lateBy > LATE_NOTICE_LIMIT_MS) {
        this.deps.logger.info('timer dropped, too late', { timer: timer.id, kind: timer.kind, lateMs: lateBy });
      } else {
        const handler = this.deps.handlers[timer.kind];
        if (handler) await handler(timer);
        else this.deps.logger.warn('timer without handler', { timer: timer.id, kind: timer.kind });
      }
      await timers.markFired(timer.id, now.toISOString());
    }
    await this.deps.notifier.deliverDue();
  }
}
