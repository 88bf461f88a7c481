import { readWords, type Word } from './answer-words.js';

/**
 * How a keyword of the referential is found in what the candidate wrote. Both sides are read
 * into words (readWords), then:
 *
 * - case, accents, apostrophes and elision do not matter: « RÉDUCTION » is « réduction »,
 *   « j’accepte » holds « accepte », « l'avoir » reads as « le avoir »;
 * - words compare by their stems, so simple plural and conjugation variants match
 *   (« avoirs », « acceptez », « proposons »), but a word never matches inside another:
 *   « avoir » is not in « pouvoir », « quel » not in « quelque », « accepte » not in « inacceptable »;
 * - a keyword of several words matches those words in that order, within one clause;
 * - a keyword found inside a negation does not count: « je ne vous propose pas d'avoir »
 *   holds no « avoir », « pas de reprise » no « reprise »; a keyword that itself holds a
 *   negation word (« je ne peux pas », « n'accepte pas ») is read literally instead.
 */
export function containsKeyword(text: string, keyword: string): boolean {
  return keywordsIn(readWords(text), [keyword]).length > 0;
}

/** The keywords of the list found in the text. */
export function keywordsFound(text: string, keywords: readonly string[]): string[] {
  return keywordsIn(readWords(text), keywords);
}

/** The keywords of the list found in words already read (an answer read once, matched against many lists). */
export function keywordsIn(words: readonly Word[], keywords: readonly string[]): string[] {
  return keywords.filter((keyword) => matches(words, keywordWords(keyword)));
}

/**
 * Keywords come from the referentials, a finite set read again on every answer: each is read
 * once and kept (a pure memo, bounded so that stray calls cannot grow it without limit).
 */
const readKeywords = new Map<string, readonly Word[]>();
const READ_KEYWORDS_MAX = 20_000;

function keywordWords(keyword: string): readonly Word[] {
  const known = readKeywords.get(keyword);
  if (known) return known;
  const words = readWords(keyword);
  if (readKeywords.size < READ_KEYWORDS_MAX) readKeywords.set(keyword, words);
  return words;
}

function matches(words: readonly Word[], needle: readonly Word[]): boolean {
  if (needle.length === 0) return false;
  const literal = needle.some((w) => w.negation);
  for (let i = 0; i + needle.length <= words.length; i += 1) {
    const clause = words[i]?.clause;
    const hit = needle.every((n, k) => {
      const word = words[i + k] as Word;
      return word.clause === clause && (literal || !word.negated) && sameWord(word, n);
    });
    if (hit) return true;
  }
  return false;
}

function sameWord(a: Word, b: Word): boolean {
  return a.form === b.form || a.stems.some((stem) => b.stems.includes(stem));
}
