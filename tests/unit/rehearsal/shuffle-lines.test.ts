import { describe, expect, it } from 'vitest';
import { drawSeed, seededGenerator, shuffleLines } from '../../../src/domain/rehearsal/index.js';
import { referential } from './fixture.js';

const seeds = [0, 1, 2, 42, 1234, 99999, 2 ** 32 - 1];
const cases = referential.rolePlays.flatMap((sheet) => seeds.map((seed) => [sheet.number, seed] as const));

describe('shuffleLines: relaunches move, opening, conditional and closing lines stay', () => {
  it.each(cases)('sheet %i, seed %i', (number, seed) => {
    const sheet = referential.rolePlays.find((s) => s.number === number);
    if (!sheet) throw new Error(String(number));
    const original = sheet.lines.map((l) => l.id);
    const order = shuffleLines(sheet.lines, seed);
    expect([...order].sort()).toEqual([...original].sort());
    sheet.lines.forEach((line, i) => {
      if (['opening', 'conditional', 'closing'].includes(line.type)) expect(order[i]).toBe(line.id);
    });
    expect(order).not.toEqual(original);
    expect(shuffleLines(sheet.lines, seed)).toEqual(order);
  });

  it('different seeds give different orders (sheet 1 has 8 movable lines)', () => {
    const sheet = referential.rolePlays.find((s) => s.number === 1);
    if (!sheet) throw new Error('sheet 1');
    const orders = new Set(seeds.map((seed) => shuffleLines(sheet.lines, seed).join(',')));
    expect(orders.size).toBeGreaterThan(3);
  });

  it('keeps a sheet with fewer than two movable lines as it is', () => {
    const lines = [
      { id: 'a', type: 'opening' as const, text: 'a', fromSheet: false },
      { id: 'b', type: 'relaunch' as const, text: 'b', fromSheet: true },
      { id: 'c', type: 'closing' as const, text: 'c', fromSheet: false },
    ];
    expect(shuffleLines(lines, 7)).toEqual(['a', 'b', 'c']);
  });

  it.each([0, 0.5, 0.999999])('drawSeed(%f) is a 32-bit unsigned integer', (r) => {
    const seed = drawSeed(() => r);
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it('seededGenerator is deterministic and stays in [0, 1)', () => {
    const a = seededGenerator(5);
    const b = seededGenerator(5);
    for (let i = 0; i < 100; i += 1) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
