import type { Activity, ConversationReference } from 'botbuilder';
import type { Transport } from '../../src/bot/outbox-notifier.js';

/**
 * Stands in for the channel in proactive delivery (botbuilder's TestAdapter
 * cannot continue conversations): records what reached whom, and can be told
 * to fail for someone (e.g. 403 after they removed the app).
 */
export class FakeTransport implements Transport {
  readonly delivered: { userId: string; activity: Partial<Activity> }[] = [];
  private readonly failing = new Map<string, number>();

  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    const userId = reference.user?.aadObjectId ?? reference.user?.id ?? 'unknown';
    const status = this.failing.get(userId);
    if (status !== undefined) throw Object.assign(new Error(`channel answered ${status}`), { statusCode: status });
    this.delivered.push({ userId, activity });
  }

  failFor(userId: string, status = 403): void {
    this.failing.set(userId, status);
  }

  recover(userId: string): void {
    this.failing.delete(userId);
  }

  /** What reached this person, oldest first; `take` also forgets it. */
  to(userId: string, take = false): Partial<Activity>[] {
    const mine = this.delivered.filter((d) => d.userId === userId).map((d) => d.activity);
    if (take) {
      for (let i = this.delivered.length - 1; i >= 0; i--) if (this.delivered[i]?.userId === userId) this.delivered.splice(i, 1);
    }
    return mine;
  }
}
