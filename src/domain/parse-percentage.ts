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
