import { createHash } from 'node:crypto';
import type { Duplicate, Stale } from './outcome.js';
import { DUPLICATE } from './outcome.js';

/** What identifies a card submission (DESIGN.md, Interaction contract). */
export interface Submission {
  verb: string;
  /** The ids the submission acts on, the actor included. */
  ids: Record<string, string>;
  rev: number;
  values: unknown;
}

/**
 * The card submission that asked for a change, passed explicitly to the operation: its verb and,
 * when the card carried more than the operation's input (where to go next…), every value it sent.
 * Without it, the operation's own name and input make the fingerprint.
 */
export interface CardSubmission {
  verb: string;
  values?: unknown;
}

/** A stable hash of a submission: same verb, ids, rev and values ⇒ same fingerprint, whatever the key order. */
export function submissionFingerprint(submission: Submission): string {
  return createHash('sha256').update(JSON.stringify(canonical(submission))).digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
}

export interface Revisioned {
  rev: number;
  lastSubmission?: string | undefined;
}

/**
 * A submission made on the current revision goes on (`current`). One with another rev is a
 * double click when it is the very submission last applied (`duplicate`), else a stale card.
 */
export function checkRevision<T extends Revisioned>(record: T, rev: number, fingerprint: string): { type: 'current' } | Duplicate | Stale<T> {
  if (rev === record.rev) return { type: 'current' };
  if (rev < record.rev && record.lastSubmission === fingerprint) return DUPLICATE;
  return { type: 'stale', current: record };
}
