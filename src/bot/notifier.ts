import type { Activity } from 'botbuilder';

/** A proactive message to one person; `key` makes it idempotent (nobody sees it twice). */
export interface Notice {
  key: string;
  userId: string;
  activity: Partial<Activity>;
  /** When the message stops making sense (a time notice): not delivered after it. */
  expiresAt?: Date;
}

/** Our own port for proactive messages: the SDK stays behind it (DESIGN.md "Timers and outbox"). */
export interface Notifier {
  notify(notice: Notice): Promise<void>;
  /**
   * Delivers what still waits for this person through the turn they just
   * started (their own message proves the chat works again).
   */
  deliverPending(userId: string, send: (activity: Partial<Activity>) => Promise<unknown>): Promise<void>;
  /** Retries what is due (called periodically and at start-up). */
  deliverDue(): Promise<void>;
}
