import type { Referential, Scale, Source } from '../referential/schema.js';

export type Descriptor = Scale['descriptors'][number];

/**
 * The descriptor(s) shown as *repère indicatif* for a percentage on one scale: the band
 * containing it ([from, to), the last band including 100); at an inner boundary (30, 50, 70
 * in the AGC referential) the descriptors on both sides, lower band first.
 * The percentage must already be valid (see percentage.ts): anything else is a bug.
 */
export function bandFor(scale: Scale, percentage: number): Descriptor[] {
  if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
    throw new RangeError(`bandFor: percentage must be an integer 0–100, got ${percentage}`);
  }
  const sorted = [...scale.descriptors].sort((a, b) => a.band.from - b.band.from);
  const top = Math.max(...sorted.map((d) => d.band.to));
  return sorted.filter(({ band }) => {
    const contains = band.from <= percentage && (percentage < band.to || (percentage === top && band.to === top));
    const endsHere = percentage === band.to && percentage < top;
    return contains || endsHere;
  });
}

/** The scales a row's source is judged on: its own, or both for "both". */
export function scalesForSource(referential: Referential, source: Source): Scale[] {
  return referential.scales.list.filter((scale) => source === 'both' || scale.id === source);
}

export interface IndicativeBand {
  scale: Scale;
  descriptors: Descriptor[];
}

/** bandFor on every scale of the source, for the row card's *repère indicatif*. */
export function indicativeBands(referential: Referential, source: Source, percentage: number): IndicativeBand[] {
  return scalesForSource(referential, source).map((scale) => ({ scale, descriptors: bandFor(scale, percentage) }));
}
