import type { Line } from '../../referential/schema.js';

/** The line types that keep their place when the relaunches are shuffled. */
const FIXED: ReadonlySet<Line['type']> = new Set(['opening', 'conditional', 'closing']);

/** A small deterministic generator (mulberry32): the same seed always gives the same order. */
export function seededGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for shuffleLines from any [0, 1) random source (the services' one). */
export function drawSeed(random: () => number): number {
  return Math.floor(random() * 2 ** 32) >>> 0;
}

/**
 * The sheet's line ids in playing order for the shuffled mode, as a jury may play them:
 * relaunches and stage directions change places among themselves; opening, conditional
 * and closing lines stay where the sheet puts them. When at least two lines move, the
 * order differs from the sheet's (a shuffle that happens to give the sheet's order is
 * drawn again from the same generator), so the mode always shows something new.
 */
export function shuffleLines(lines: readonly Line[], seed: number): string[] {
  const original = lines.map((line) => line.id);
  const movable = lines.map((line, i) => (FIXED.has(line.type) ? -1 : i)).filter((i) => i >= 0);
  const next = seededGenerator(seed);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const picked = [...movable];
    for (let i = picked.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [picked[i], picked[j]] = [picked[j] as number, picked[i] as number];
    }
    const order = [...original];
    movable.forEach((slot, k) => {
      order[slot] = original[picked[k] as number] as string;
    });
    if (movable.length < 2 || order.some((id, i) => id !== original[i])) return order;
  }
  return original;
}
