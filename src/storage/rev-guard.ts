import type { Decide } from './update-with-retry.js';

/** Saving a record that cards edit: either saved, or someone saved another revision first. */
export type RevSaveResult<T> = { type: 'saved'; record: T } | { type: 'stale'; current: T | undefined };

/**
 * The decide for "save this record if the stored one is still at
 * `expectedRev`" (null: must not exist yet). The record carries its new rev.
 */
export function saveIfRev<T extends { rev: number }>(record: T, expectedRev: number | null): Decide<T, RevSaveResult<T>> {
  // A rev that does not grow would let an old card overwrite newer data: a bug.
  if (record.rev <= (expectedRev ?? -1)) {
    throw new RangeError(`rev ${record.rev} must be greater than the expected rev ${String(expectedRev)}`);
  }
  return (current) =>
    (current?.rev ?? null) === expectedRev
      ? { write: record, result: { type: 'saved', record } }
      : { result: { type: 'stale', current } };
}
