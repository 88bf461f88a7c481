import { describe, expect, it } from 'vitest';
import { divideHalfUp, meanHalfUp, roundHalfUp } from '../../../src/domain/round-half-up.js';

describe('roundHalfUp', () => {
  it.each([
    [56.5, 57],
    [56.4999, 56],
    [56.49999999999999, 56],
    [0.49999999999999994, 0], // Math.floor(x + 0.5) gives 1 here
    [0, 0],
    [100, 100],
    [99.5, 100],
    [0.5, 1],
    [-0.5, 0], // half up is towards +∞
    [-56.5, -56],
    [2.675, 3],
  ])('roundHalfUp(%s) = %s', (x, expected) => {
    expect(roundHalfUp(x)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s (a bug, not an input)', (x) => {
    expect(() => roundHalfUp(x)).toThrow(RangeError);
  });
});

describe('divideHalfUp (integers only)', () => {
  it.each([
    [113, 2, 57], // 56.5 → 57
    [112, 2, 56],
    [170, 3, 57], // 56.67
    [169, 3, 56], // 56.33
    [0, 5, 0],
    [300, 3, 100],
    [1, 2, 1],
    [1, 3, 0],
    [2, 3, 1],
    [9_007_199_254_740_991, 2, 4_503_599_627_370_496],
  ])('%s / %s → %s', (n, k, expected) => {
    expect(divideHalfUp(n, k)).toBe(expected);
  });

  it.each([
    [1, 0],
    [1.5, 2],
    [1, -2],
  ])('refuses %s / %s', (n, k) => {
    expect(() => divideHalfUp(n, k)).toThrow(RangeError);
  });
});

describe('meanHalfUp', () => {
  it.each([
    [[], null],
    [[56, 57], 57], // 56.5
    [[50, 60, 70], 60],
    [[0], 0],
    [[100, 100], 100],
    [[33, 33, 34], 33], // 33.33
    [[75, 45, 60], 60],
    [[1, 2, 2], 2], // 1.67
  ])('mean of %j → %s', (values, expected) => {
    expect(meanHalfUp(values)).toBe(expected);
  });

  it('refuses non-integers (a bug: percentages are integers)', () => {
    expect(() => meanHalfUp([56.5])).toThrow(RangeError);
  });
});
