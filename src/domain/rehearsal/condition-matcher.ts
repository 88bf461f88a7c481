import type { Condition } from '../../referential/schema.js';
import { foldForMatch } from '../../referential/verbatim.js';
import { readWords } from './answer-words.js';
import { keywordsFound, keywordsIn } from './keyword-match.js';

export type ConditionMatch = 'met' | 'not_met' | 'unsure';

/**
 * What one answer of the candidate says about a condition (e.g. "Si réclamation acceptée"):
 * `not_met` when it holds one of the condition's negativeKeywords (checked first, so
 * "je ne peux pas vous faire un avoir" is a refusal even though it says "un avoir"),
 * else `met` when it holds one of its keywords, else `unsure`. Keywords are matched
 * negation-aware, tolerant of case, accents, elision and simple inflection (see containsKeyword).
 */
export function matchCondition(condition: Condition, answer: string): ConditionMatch {
  if (keywordsFound(answer, condition.negativeKeywords).length > 0) return 'not_met';
  if (keywordsFound(answer, condition.keywords).length > 0) return 'met';
  return 'unsure';
}

/**
 * The candidate's oui / non to a condition's question, typed in the chat: the first word
 * decides ("oui", "Oui !", "oui, je l'accepte" are yes; "non", "no" are no); null when it is
 * neither, and the question is asked again.
 */
export function parseYesNo(text: string): boolean | null {
  const first = foldForMatch(text).split(/[^\p{L}]+/u).find((word) => word !== '');
  if (first === undefined) return null;
  if (['oui', 'o', 'yes', 'y'].includes(first)) return true;
  if (['non', 'n', 'no'].includes(first)) return false;
  return null;
}

/** Plain agreement and refusal, whatever the condition; refusals are checked first (« pas d'accord »). */
const AGREEING = ["d'accord", 'ok', 'okay', 'bien sûr', 'tout à fait', 'absolument', 'entendu', 'volontiers', 'parfait', 'yes', 'sure', 'agreed', 'of course'];
const REFUSING = [
  "pas d'accord", 'pas possible', 'impossible', 'refuse', 'hors de question', 'pas question', 'certainement pas', 'absolument pas',
  'not possible', 'no way', 'refused',
];

/**
 * A natural answer to a condition's question: « oui » / « non » first (parseYesNo), then the
 * condition's own keywords (« J'accepte », « d'accord, on reprend », « ce n'est pas possible »),
 * then plain agreement or refusal; null when it says neither, and the question is asked again.
 */
export function answerCondition(condition: Condition, text: string): boolean | null {
  const yesNo = parseYesNo(text);
  if (yesNo !== null) return yesNo;
  const match = matchCondition(condition, text);
  if (match !== 'unsure') return match === 'met';
  const words = readWords(text);
  if (keywordsIn(words, REFUSING).length > 0) return false;
  if (keywordsIn(words, AGREEING).length > 0) return true;
  return null;
}
