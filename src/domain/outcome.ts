import type { EvaluationState } from './model.js';

/**
 * The expected outcomes of domain operations, as values (STYLE.md rule 4).
 * Reasons are stable machine codes; the French wording lives in src/i18n.
 */

export const INVALID_REASONS = [
  'unknown_row',
  'unknown_domain',
  'unknown_question',
  'unknown_line',
  'notes_too_long',
  'comment_too_long',
  'reason_required',
  'reason_too_long',
  'percentage_not_integer',
  'percentage_out_of_range',
  'percentage_and_reason',
  'rows_incomplete',
  'domains_undecided',
  'no_submission',
  'invalid_header',
  'invalid_person',
  'invalid_date',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** The input breaks a rule; nothing changed. `field` names the input, `ids` the rows/domains concerned. */
export interface Invalid {
  type: 'invalid';
  reason: InvalidReason;
  field?: string;
  ids?: string[];
}

export const FORBIDDEN_REASONS = [
  'not_a_member',
  'not_president',
  'not_grid_owner',
  'not_a_scorer',
  'is_president',
  'already_member',
  'unknown_code',
  'code_closed',
  'no_pending_request',
  'grid_submitted',
  'grid_open',
  'interview_not_started',
  'collection_open',
  'collection_closed',
  'evaluation_signed',
  'evaluation_closed',
  'illegal_transition',
] as const;
export type ForbiddenReason = (typeof FORBIDDEN_REASONS)[number];

/** Who asks, or the state of the record, does not allow it; nothing changed. */
export interface Forbidden {
  type: 'forbidden';
  reason: ForbiddenReason;
  /** The evaluation's state when the refusal depends on it. */
  state?: EvaluationState;
}

/** The card carried an older `rev` and is not a double click: show `current` instead. */
export interface Stale<T> {
  type: 'stale';
  current: T;
}

/** The same submission as the last one applied (a double click): acknowledge silently. */
export interface Duplicate {
  type: 'duplicate';
}

/** Valid, but asks the user to confirm first (e.g. naming domains or members left out). */
export interface NeedsConfirmation {
  type: 'needs_confirmation';
  reason: 'empty_domains' | 'members_not_submitted';
  ids: string[];
}

/** Nothing to do: the record already holds what was asked. */
export interface Unchanged {
  type: 'unchanged';
}

export function invalid(reason: InvalidReason, extra: { field?: string; ids?: string[] } = {}): Invalid {
  return { type: 'invalid', reason, ...extra };
}

export function forbidden(reason: ForbiddenReason, state?: EvaluationState): Forbidden {
  return state === undefined ? { type: 'forbidden', reason } : { type: 'forbidden', reason, state };
}

export const DUPLICATE: Duplicate = Object.freeze({ type: 'duplicate' }) as Duplicate;
export const UNCHANGED: Unchanged = Object.freeze({ type: 'unchanged' }) as Unchanged;
