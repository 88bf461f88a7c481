/**
 * Rounds half up (towards +∞): 56.5 → 57, 56.4999 → 56.
 * `x − floor(x)` is exact for every finite double, so the comparison with 0.5 is too
 * (unlike `Math.floor(x + 0.5)`, which turns 0.49999999999999994 into 1).
 */
export function roundHalfUp(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: not a finite number: ${x}`);
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}

/** numerator / denominator rounded half up, computed on integers only (no floating-point mean). */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideHalfUp: integers expected, positive denominator (${numerator}/${denominator})`);
  }
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // The float division may be one off for large operands: settle on 0 <= remainder < denominator.
  while (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  }
  while (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/** The mean of integers rounded half up; null for no value. */
export function meanHalfUp(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return divideHalfUp(sumOfIntegers(values), values.length);
}

function sumOfIntegers(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`meanHalfUp: integer expected, got ${value}`);
    sum += value;
  }
  return sum;
}
