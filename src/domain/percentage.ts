import { z } from 'zod';
import { LIMITS } from './record-primitives.js';

/**
 * What a percentage is, in one place: an integer from 0 to 100, how one is read from what a card
 * sent, why one is refused, the rule it shares with a *non évalué* reason, and how it is written.
 * The card parser, the grid, the consolidation, the synthesis and every view go through here.
 */

/** A stored percentage (grid rows, agreed values): an integer 0–100, or null when there is none. */
export const percentageSchema = z.number().int().min(0).max(100).nullable();

/** Why a typed percentage was refused. */
export type PercentageProblem = 'not_a_number' | 'decimal_comma' | 'not_integer' | 'out_of_range';

export type PercentageCheck = { type: 'ok'; value: number } | { type: 'invalid'; reason: PercentageProblem };

/** A percentage is an integer from 0 to 100. */
export function checkPercentage(value: unknown): PercentageCheck {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { type: 'invalid', reason: 'not_a_number' };
  if (!Number.isInteger(value)) return { type: 'invalid', reason: 'not_integer' };
  if (value < 0 || value > 100) return { type: 'invalid', reason: 'out_of_range' };
  return { type: 'ok', value: value === 0 ? 0 : value }; // -0 → 0
}

const DECIMAL_COMMA = /^[+-]?(\d+,\d*|,\d+)$/;
const DECIMAL_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Parses what a card's Input.Number (or a typed message) sent: " 55 " and "55 %" are 55;
 * "55,5" is refused as a decimal comma (the card says to type a whole number), "55.5" as
 * not an integer, "140" and "-1" as out of range, "abc", "" and "1e2" as not a number.
 */
export function parsePercentage(text: string): PercentageCheck {
  const trimmed = text.trim().replace(/\s*%$/u, '').trim();
  if (DECIMAL_COMMA.test(trimmed)) return { type: 'invalid', reason: 'decimal_comma' };
  if (!DECIMAL_POINT.test(trimmed)) return { type: 'invalid', reason: 'not_a_number' };
  return checkPercentage(Number(trimmed));
}

/** A row's or a domain's score: a percentage, or *non évalué* with its reason (both null: not decided). */
export interface Score {
  percentage: number | null;
  notEvaluatedReason: string | null;
}

/** Why a score was refused, as the grid and the synthesis name it. */
export type ScoreProblem = 'percentage_out_of_range' | 'percentage_not_integer' | 'reason_too_long' | 'percentage_and_reason';

/**
 * The rule a grid row and an agreed domain value share: a percentage 0–100, a reason within
 * LIMITS.reason, never both. `percentage` undefined and `reason` undefined mean "left as it was";
 * `reason` is already trimmed (empty counts as none).
 */
export function scoreProblem(percentage: number | null | undefined, reason: string | null | undefined): ScoreProblem | undefined {
  if (percentage !== undefined && percentage !== null) {
    const check = checkPercentage(percentage);
    if (check.type === 'invalid') return check.reason === 'out_of_range' ? 'percentage_out_of_range' : 'percentage_not_integer';
  }
  if (reason && reason.length > LIMITS.reason) return 'reason_too_long';
  if (percentage != null && reason) return 'percentage_and_reason';
  return undefined;
}

const NBSP = '\u00a0';

/** 57 % (a no-break space before the sign, in French and English alike). */
export function formatPercent(value: number): string {
  return `${value}${NBSP}%`;
}

/** The words a reader's language gives a score without a percentage. */
export interface ScoreWords {
  /** « Non évalué : <reason> » */
  notEvaluatedBecause: (reason: string) => string;
  /** Neither a percentage nor a reason (« — », « Non évalué », « À compléter »…). */
  undecided: string;
}

/** « 70 % », « Non évalué : motif » or the undecided word: the one writing of a score, for cards and PDF alike. */
export function formatScore(score: Partial<Score> | undefined, words: ScoreWords): string {
  if (score?.percentage !== null && score?.percentage !== undefined) return formatPercent(score.percentage);
  return score?.notEvaluatedReason ? words.notEvaluatedBecause(score.notEvaluatedReason) : words.undecided;
}
