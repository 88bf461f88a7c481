/**
 * Joining codes: 8 symbols from Crockford's base-32 alphabet (no I, L, O, U), shown as
 * `K7QF-2M9X`: 8 × 5 = 40 bits of entropy, as DESIGN.md asks (≥ 40). A code only lets
 * someone *ask* to join (the president accepts), it is valid inside one tenant, and it closes
 * with the collection, so 40 bits are ample. Never derived from names or dates.
 */
export const JOIN_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 8;
export const JOIN_CODE_BITS = JOIN_CODE_LENGTH * Math.log2(JOIN_CODE_ALPHABET.length);
export const JOIN_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A uniform random number in [0, 1). Production passes a crypto-backed one, tests a seeded one. */
export type RandomSource = () => number;

export function generateJoinCode(random: RandomSource): string {
  let symbols = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`generateJoinCode: random() must return a number in [0, 1), got ${r}`);
    symbols += JOIN_CODE_ALPHABET[Math.floor(r * JOIN_CODE_ALPHABET.length)];
  }
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * What a person typed after `rejoindre`, in canonical form, or null when it cannot be a code:
 * case, spaces and dashes are ignored, and the look-alikes O → 0, I and L → 1 are read as
 * Crockford's base 32 reads them.
 */
export function normalizeJoinCode(text: string): string | null {
  const symbols = text
    .toUpperCase()
    .replace(/[\s\-‐‑–—]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== JOIN_CODE_LENGTH || [...symbols].some((c) => !JOIN_CODE_ALPHABET.includes(c))) return null;
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}
