import { describe, expect, it } from 'vitest';
import { cryptoRandom } from '../../src/crypto-random.js';
import { generateJoinCode, JOIN_CODE_PATTERN } from '../../src/domain/index.js';

describe('the random source of the real app', () => {
  it('draws in [0, 1) and makes well-formed, distinct join codes', () => {
    const draws = Array.from({ length: 2_000 }, () => cryptoRandom());
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
    const codes = Array.from({ length: 200 }, () => generateJoinCode(cryptoRandom));
    expect(codes.every((code) => JOIN_CODE_PATTERN.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
