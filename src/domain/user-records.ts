import { z } from 'zod';
import { isoInstant, LIMITS } from './record-primitives.js';

/** Per-person and delivery records: what a user told the bot, where they are, what waits to reach them. */

/** What a user told the bot about themselves once (name and function are asked once). */
export const profileSchema = z.object({
  schemaVersion: z.literal(1),
  userId: z.string().min(1),
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  function: z.string().trim().min(1).max(LIMITS.personFunction).optional(),
  locale: z.string().optional(),
  updatedAt: isoInstant,
});
export type Profile = z.infer<typeof profileSchema>;

/** A message waiting to be delivered proactively; `key` makes delivery idempotent. */
export const outboxMessageSchema = z.object({
  schemaVersion: z.literal(1),
  key: z.string().min(1),
  userId: z.string().min(1),
  /** The activity to send, as channel-neutral JSON (text and/or card attachments). */
  activity: z.record(z.string(), z.unknown()),
  createdAt: isoInstant,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: isoInstant,
  deliveredAt: isoInstant.optional(),
  lastError: z.string().optional(),
  /** After this instant the message means nothing (a time notice): it is dropped, not delivered late. */
  expiresAt: isoInstant.optional(),
  /**
   * The instance sending it now, until `claimedUntil`: claimed by a conditional write before
   * sending, so that with several instances on one store a message is sent by one of them only.
   * A claim whose holder died runs out and the message is tried again.
   */
  claimedBy: z.string().optional(),
  claimedUntil: isoInstant.optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A notice due at a given time (35 and 45 minutes); stored so that a restart keeps it. */
export const timerSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.string().min(1),
  evaluationId: z.string().min(1),
  dueAt: isoInstant,
  firedAt: isoInstant.optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type Timer = z.infer<typeof timerSchema>;

/** Where a user is in their current flow, so that any message after a restart resumes there. */
export const userStateSchema = z.object({
  schemaVersion: z.literal(1),
  userId: z.string().min(1),
  flow: z.enum(['idle', 'interview', 'scoring', 'report', 'consolidation', 'rehearsal', 'profile']),
  evaluationId: z.string().optional(),
  rowId: z.string().optional(),
  rehearsalId: z.string().optional(),
  /** Last applied card submission (verb, ids, rev, values), to ignore double clicks. */
  lastSubmission: z.string().optional(),
  /** Where the juror is in an evaluation (kept apart from `flow` so a rehearsal does not lose it). */
  evaluationCursor: z
    .object({
      evaluationId: z.string().min(1),
      step: z.enum(['frame', 'notes', 'scoring', 'report']),
      rowId: z.string().optional(),
    })
    .optional(),
  /** A join code waiting for the user's name and function. */
  pendingJoinCode: z.string().optional(),
  /** Wrong join codes, to slow down guessing. */
  joinAttempts: z
    .object({ failures: z.number().int().nonnegative(), since: isoInstant, blockedUntil: isoInstant.optional() })
    .optional(),
  /** The bot start during which this user last wrote; a different one means a restart happened since. */
  bootId: z.string().optional(),
  updatedAt: isoInstant,
});
export type UserState = z.infer<typeof userStateSchema>;
