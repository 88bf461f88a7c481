import type { Duplicate, Forbidden, ForbiddenReason, InvalidReason, PercentageProblem, Stale } from '../domain/index.js';
import type { MessageKey } from '../i18n/fr.js';
import type { Decide } from '../storage/update-with-retry.js';
import type { Turn } from './turn.js';

/**
 * What every flow does with a domain operation's outcome, written once: run the operation inside
 * the repository's read → decide → write, answer the refusals all operations share, and name the
 * message of each refused value. A flow keeps only its own success and its own invalid cases.
 */

/**
 * A domain operation as a repository's `decide`: an absent record (or one the operation declines,
 * by returning undefined) gives undefined; otherwise the outcome is the result and the record
 * `changed` picks from it, if any, is written.
 */
export function operateOn<T, O>(operate: (current: T) => O | undefined, changed: (outcome: O) => T | undefined): Decide<T, O | undefined> {
  return (current) => {
    const result = current === undefined ? undefined : operate(current);
    if (result === undefined) return { result: undefined };
    const write = changed(result);
    return write === undefined ? { result } : { write, result };
  };
}

export interface RefusalAnswers<T> {
  /** The card again, from the record as it now is: the user acted on an old one. */
  resend: (current: T) => Promise<void>;
  /** What a forbidden action says, by reason; « évaluation close » otherwise. */
  forbidden?: Partial<Record<ForbiddenReason, MessageKey>>;
}

/** A double click says nothing; a stale card says so and comes back fresh; a forbidden action says why. */
export async function answerRefusal<T>(turn: Turn, outcome: Duplicate | Stale<T> | Forbidden, answers: RefusalAnswers<T>): Promise<void> {
  switch (outcome.type) {
    case 'duplicate':
      return;
    case 'stale':
      await turn.say(turn.t('error.oldCard'));
      return answers.resend(outcome.current);
    case 'forbidden':
      await turn.say(turn.t(answers.forbidden?.[outcome.reason] ?? 'evaluation.grid.closed'));
      return;
  }
}

/** Grid operations refused on a submitted grid or a closed evaluation. */
export const GRID_FORBIDDEN: Partial<Record<ForbiddenReason, MessageKey>> = { grid_submitted: 'evaluation.grid.submittedReadOnly' };

/** The sentence for a value the domain refused; reasons not listed come only from forged cards. */
const INVALID_MESSAGES: Partial<Record<InvalidReason, MessageKey>> = {
  notes_too_long: 'evaluation.grid.notesTooLong',
  percentage_not_integer: 'evaluation.percentage.not_integer',
  percentage_out_of_range: 'evaluation.percentage.out_of_range',
  percentage_and_reason: 'evaluation.grid.percentageAndReason',
  reason_required: 'evaluation.grid.reasonRequired',
  reason_too_long: 'evaluation.grid.reasonTooLong',
  comment_too_long: 'president.commentTooLong',
};

export function invalidMessageKey(reason: InvalidReason): MessageKey {
  return INVALID_MESSAGES[reason] ?? 'error.badSubmission';
}

/** The sentence for a typed percentage that is not one (it quotes what was typed). */
const PERCENTAGE_MESSAGES: Record<PercentageProblem, MessageKey> = {
  not_a_number: 'evaluation.percentage.not_a_number',
  decimal_comma: 'evaluation.percentage.decimal_comma',
  not_integer: 'evaluation.percentage.not_integer',
  out_of_range: 'evaluation.percentage.out_of_range',
};

export function percentageMessage(turn: Turn, problem: PercentageProblem, typed: string): string {
  return turn.t(PERCENTAGE_MESSAGES[problem], { value: typed.slice(0, 20) });
}
