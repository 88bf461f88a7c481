import type { Referential } from '../referential/schema.js';
import type { Evaluation } from './model.js';

const MINUTE = 60_000;

/**
 * Whole minutes spent on the interview (equal treatment): end − start once ended, else up to
 * `now` while it runs (or up to the cancellation). null before the start.
 */
export function timeSpent(evaluation: Pick<Evaluation, 'startedAt' | 'endedAt' | 'state' | 'cancellation'>, now: Date): number | null {
  if (!evaluation.startedAt) return null;
  const start = Date.parse(evaluation.startedAt);
  const end = evaluation.endedAt
    ? Date.parse(evaluation.endedAt)
    : evaluation.state === 'cancelled' && evaluation.cancellation
      ? Date.parse(evaluation.cancellation.at)
      : now.getTime();
  return Math.max(0, Math.floor((end - start) / MINUTE));
}

export interface NoticeDue {
  /** Minutes after the start, from the referential (35 and 45 for the AGC). */
  atMinutes: number;
  dueAt: string;
}

/** When every member is to be told the time, from the referential; none before the start. */
export function noticesDue(evaluation: Pick<Evaluation, 'startedAt'>, referential: Referential): NoticeDue[] {
  if (!evaluation.startedAt) return [];
  const start = Date.parse(evaluation.startedAt);
  return [...referential.interview.noticesAtMinutes]
    .sort((a, b) => a - b)
    .map((atMinutes) => ({ atMinutes, dueAt: new Date(start + atMinutes * MINUTE).toISOString() }));
}
