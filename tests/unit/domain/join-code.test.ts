import { describe, expect, it } from 'vitest';
import {
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_BITS,
  JOIN_CODE_PATTERN,
  normalizeJoinCode,
} from '../../../src/domain/join-code.js';
import { seededRandom } from './fixture.js';

describe('generateJoinCode', () => {
  it('has at least 40 bits of entropy from a 32-symbol alphabet without look-alikes', () => {
    expect(JOIN_CODE_BITS).toBeGreaterThanOrEqual(40);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(32);
    for (const ambiguous of ['I', 'L', 'O', 'U']) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('is formatted like K7QF-2M9X', () => {
    const code = generateJoinCode(seededRandom(1));
    expect(code).toMatch(JOIN_CODE_PATTERN);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('is the same for the same random draws, and never depends on anything else', () => {
    expect(generateJoinCode(seededRandom(42))).toBe(generateJoinCode(seededRandom(42)));
    expect(generateJoinCode(seededRandom(42))).not.toBe(generateJoinCode(seededRandom(43)));
  });

  it('maps the extremes of [0, 1) to the first and last symbols', () => {
    expect(generateJoinCode(() => 0)).toBe('0000-0000');
    expect(generateJoinCode(() => 0.999999999)).toBe('ZZZZ-ZZZZ');
  });

  it('10,000 draws: all well-formed, all distinct, every symbol used evenly at every position', () => {
    const random = seededRandom(20261128);
    const draws = Array.from({ length: 10_000 }, () => generateJoinCode(random));
    expect(draws.every((c) => JOIN_CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
    const symbols = draws.map((c) => c.replace('-', ''));
    for (let position = 0; position < 8; position += 1) {
      const counts = new Map<string, number>();
      for (const s of symbols) counts.set(s[position] as string, (counts.get(s[position] as string) ?? 0) + 1);
      expect(counts.size).toBe(32);
      // Expected 312.5 per symbol; a uniform source stays well within ±40 %.
      for (const count of counts.values()) expect(count).toBeGreaterThan(187);
      for (const count of counts.values()) expect(count).toBeLessThan(438);
    }
  });

  it.each([[1], [-0.1], [Number.NaN], [2]])('throws if random() returns %s (a bug in the source)', (r) => {
    expect(() => generateJoinCode(() => r)).toThrow(RangeError);
  });
});

describe('normalizeJoinCode (what people type)', () => {
  it.each([
    ['K7QF-2M9X', 'K7QF-2M9X'],
    ['k7qf-2m9x', 'K7QF-2M9X'],
    ['  K7QF 2M9X ', 'K7QF-2M9X'],
    ['K7QF2M9X', 'K7QF-2M9X'],
    ['K7QF–2M9X', 'K7QF-2M9X'],
    ['O0IL-1ABC', '0011-1ABC'],
    ['K7QF-2M9', null],
    ['K7QF-2M9XY', null],
    ['K7QF-2M9U', null],
    ['K7QF-2M9!', null],
    ['', null],
  ])('%j → %j', (text, expected) => {
    expect(normalizeJoinCode(text)).toBe(expected);
  });
});
