import { stemmer } from '@orama/stemmers/french';
import { foldForMatch } from '../../referential/verbatim.js';

/**
 * A text cut into words for keyword matching: folded (case, accents, apostrophes), elided
 * forms restored (« j'accepte » → je accepte), each word reduced to its stems (Snowball's
 * French stemmer, so « avoirs » is « avoir » and « acceptez » is « accepte »), and marked when
 * it stands inside a negation (« je ne vous propose pas d'avoir »: every word from « ne » to
 * the end of the clause).
 */
export interface Word {
  /** The folded word as written (elision restored). */
  form: string;
  /** Its stems: Snowball's, and for a first person plural (« proposons ») the stem without « ons ». */
  stems: readonly string[];
  /** Inside a negation's scope. */
  negated: boolean;
  /** A negation word itself (ne, pas, jamais…), so a keyword that holds one is read literally. */
  negation: boolean;
  /** Index of its clause: a keyword never spans two clauses. */
  clause: number;
}

/** Elided forms and the word they stand for, so « l'avoir » and « le avoir » read alike. */
const ELIDED: Readonly<Record<string, string>> = {
  j: 'je', l: 'le', d: 'de', n: 'ne', m: 'me', t: 'te', s: 'se', c: 'ce', qu: 'que',
  jusqu: 'jusque', lorsqu: 'lorsque', puisqu: 'puisque', quoiqu: 'quoique',
};

/** Negate on their own (« pas de reprise », « sans solution », « aucun avoir »). */
const STRONG_NEGATIONS = new Set(['pas', 'jamais', 'aucun', 'aucune', 'aucuns', 'aucunes', 'sans', 'nullement', 'ni', 'non']);
/** Negate only after « ne » in the same clause (« plus » alone is « more »). */
const WEAK_NEGATIONS = new Set(['plus', 'rien', 'personne', 'guere', 'point']);

/** Words that close a clause, and so a negation's scope (« je ne peux pas …, mais je vous propose … »). */
const CLAUSE_WORDS = new Set(['mais', 'cependant', 'pourtant', 'toutefois', 'neanmoins', 'sinon', 'donc', 'alors', 'puis', 'ensuite']);
/** « et » closes a clause when a new subject follows (« … pas en urgence et je vous propose … »). */
const SUBJECTS = new Set(['je', 'nous', 'on', 'vous', 'il', 'elle', 'ils', 'elles']);
/** Two-word clause breaks. */
const CLAUSE_PAIRS = new Set(['en revanche', 'par contre', 'par ailleurs']);

/** Set phrases built on a negation word that negate nothing after them. */
const IDIOMS: readonly (readonly string[])[] = [
  ['pas', 'de', 'probleme'],
  ['pas', 'de', 'souci'],
  ['pas', 'de', 'soucis'],
  ['sans', 'probleme'],
  ['sans', 'faute'],
  ['sans', 'doute'],
  ['sans', 'attendre'],
  ['sans', 'frais'],
  ['non', 'seulement'],
  ['ne', 'vous', 'inquietez', 'pas'],
  ['ne', 'est', 'ce', 'pas'],
];

/** Marks that end a clause; quotes do not (« je vous propose « un avoir » » is one clause). */
const PUNCTUATION = /[.,;:!?…()[\]\n]/u;

/** Reads a text into words (see Word). */
export function readWords(text: string): Word[] {
  const raw = rawWords(foldForMatch(text));
  markIdioms(raw);
  const words: Word[] = [];
  let clause = 0;
  for (const group of splitClauses(raw)) {
    const negStart = negationStart(group);
    group.forEach((word, i) => {
      const negation = word.idiom ? false : isNegationWord(word.form);
      words.push({ form: word.form, stems: stemsOf(word.form), negated: negStart !== undefined && i >= negStart, negation, clause });
    });
    clause += 1;
  }
  return words;
}

interface RawWord {
  form: string;
  /** Punctuation right after it ends the clause. */
  breakAfter: boolean;
  /** Part of a set phrase (negates nothing). */
  idiom: boolean;
}

function rawWords(folded: string): RawWord[] {
  const out: RawWord[] = [];
  const re = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu;
  let previous: RawWord | undefined;
  for (const match of folded.matchAll(re)) {
    const piece = match[0];
    if (/^[\p{L}\p{N}]+$/u.test(piece)) {
      const after = folded[(match.index ?? 0) + piece.length];
      const elided = after === "'" ? ELIDED[piece] : undefined;
      previous = { form: elided ?? piece, breakAfter: false, idiom: false };
      out.push(previous);
    } else if (PUNCTUATION.test(piece) && previous) previous.breakAfter = true;
  }
  return out;
}

function markIdioms(words: RawWord[]): void {
  for (let i = 0; i < words.length; i += 1) {
    for (const idiom of IDIOMS) {
      if (idiom.every((form, k) => words[i + k]?.form === form)) {
        idiom.forEach((_, k) => {
          const word = words[i + k];
          if (word) word.idiom = true;
        });
      }
    }
  }
}

function splitClauses(words: readonly RawWord[]): RawWord[][] {
  const clauses: RawWord[][] = [[]];
  words.forEach((word, i) => {
    const next = words[i + 1];
    const pair = next ? `${word.form} ${next.form}` : '';
    const opensClause =
      CLAUSE_WORDS.has(word.form) || CLAUSE_PAIRS.has(pair) || (word.form === 'et' && next !== undefined && SUBJECTS.has(next.form));
    if (opensClause && (clauses.at(-1)?.length ?? 0) > 0) clauses.push([]);
    clauses.at(-1)?.push(word);
    if (word.breakAfter) clauses.push([]);
  });
  return clauses.filter((c) => c.length > 0);
}

/**
 * Where the negation of a clause starts, if any: at « ne » when a negation word follows it
 * in the clause (« ne … que » alone restricts, it does not negate: « je ne peux que vous
 * proposer un avoir »), else at the first word that negates on its own.
 */
function negationStart(clause: readonly RawWord[]): number | undefined {
  for (let i = 0; i < clause.length; i += 1) {
    const word = clause[i] as RawWord;
    if (word.idiom) continue;
    if (word.form === 'ne') {
      const rest = clause.slice(i + 1);
      const particle = rest.findIndex((w) => !w.idiom && (STRONG_NEGATIONS.has(w.form) || WEAK_NEGATIONS.has(w.form)));
      const que = rest.findIndex((w) => w.form === 'que');
      if (particle >= 0 && (que < 0 || particle < que)) return i;
      continue;
    }
    if (STRONG_NEGATIONS.has(word.form)) return i;
  }
  return undefined;
}

function isNegationWord(form: string): boolean {
  return form === 'ne' || STRONG_NEGATIONS.has(form) || WEAK_NEGATIONS.has(form);
}

function stemsOf(form: string): readonly string[] {
  const stem = stemmer(form);
  // Snowball leaves « -ons » on verbs (« acceptons » → accepton): also try without it.
  return form.length >= 6 && form.endsWith('ons') ? [stem, stemmer(form.slice(0, -3))] : [stem];
}
