/** Embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they make a name read differently. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * A card submission with the bidirectional controls removed from every string,
 * keys included: applied where submissions are parsed, so nothing saved holds them.
 */
export function withoutBidi(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return stripBidi(value);
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => withoutBidi(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [stripBidi(key), withoutBidi(item, depth + 1)]));
}
