import { foldForMatch } from '../../referential/verbatim.js';

/**
 * How a keyword of the referential is found in what the candidate wrote:
 *
 * - both sides go through `foldForMatch` (lowercase, accents and ligatures removed,
 *   apostrophes made straight, whitespace collapsed), so "Réduction", "reduction" and
 *   "RÉDUCTION" are one word, and "n’accepte" (typographic apostrophe) is "n'accepte";
 * - a keyword matches only as whole words: the character before it and the one after it
 *   must not be a letter or a digit. "avoir" is not found in "pouvoir", "quel" is not found
 *   in "quelque" or "quelle", "accepte" is not found in "acceptez"; an apostrophe, a hyphen,
 *   a space or a punctuation mark is a boundary, so "accepte" is found in "j'accepte" and
 *   "pouvez-vous" in "Pouvez-vous ?";
 * - a keyword of several words matches those words in that order with the same separators
 *   (the referential lists the spelling variants it accepts, e.g. "est-ce que" and "est ce que").
 */
export function containsKeyword(foldedText: string, keyword: string): boolean {
  const needle = foldForMatch(keyword);
  if (needle === '') return false;
  let from = 0;
  for (;;) {
    const at = foldedText.indexOf(needle, from);
    if (at < 0) return false;
    const before = foldedText[at - 1];
    const after = foldedText[at + needle.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = at + 1;
  }
}

/** The keywords of the list found in the text (the text folded here). */
export function keywordsFound(text: string, keywords: readonly string[]): string[] {
  const folded = foldForMatch(text);
  return keywords.filter((keyword) => containsKeyword(folded, keyword));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}
