import { describe, expect, it } from 'vitest';
import { bandFor, indicativeBands, scalesForSource } from '../../../src/domain/band-for.js';
import { referential } from './fixture.js';

const [workstation, questions] = referential.scales.list;
if (!workstation || !questions) throw new Error('fixture: two scales expected');

/** Band positions (1–4) of the descriptors shown, in the scale's order. */
const positions = (scale: typeof workstation, p: number) =>
  bandFor(scale, p).map((d) => [...scale.descriptors].sort((a, b) => a.band.from - b.band.from).indexOf(d) + 1);

describe('bandFor (repère indicatif)', () => {
  it.each([
    [0, [1]],
    [1, [1]],
    [29, [1]],
    [30, [1, 2]],
    [31, [2]],
    [49, [2]],
    [50, [2, 3]],
    [51, [3]],
    [69, [3]],
    [70, [3, 4]],
    [71, [4]],
    [99, [4]],
    [100, [4]],
  ])('%s %% shows band(s) %j on both scales', (p, expected) => {
    expect(positions(workstation, p)).toEqual(expected);
    expect(positions(questions, p)).toEqual(expected);
  });

  it('returns the referential descriptors themselves (text verbatim)', () => {
    const [descriptor] = bandFor(questions, 55);
    expect(descriptor).toBe(questions.descriptors.find((d) => d.band.from === 50));
  });

  it.each([[-1], [101], [55.5], [Number.NaN]])('throws on an unchecked percentage %s (a bug)', (p) => {
    expect(() => bandFor(workstation, p)).toThrow(RangeError);
  });
});

describe('scales by source', () => {
  it.each([
    ['workstation', ['workstation']],
    ['questions', ['questions']],
    ['both', ['workstation', 'questions']],
  ] as const)('source %s → scales %j', (source, ids) => {
    expect(scalesForSource(referential, source).map((s) => s.id)).toEqual(ids);
  });

  it('source "both" at 50 shows two descriptors on each of the two scales', () => {
    const bands = indicativeBands(referential, 'both', 50);
    expect(bands.map((b) => [b.scale.id, b.descriptors.length])).toEqual([
      ['workstation', 2],
      ['questions', 2],
    ]);
  });
});
