/**
 * "Verbatim" as DESIGN.md defines it: the guide's words with its markup and labels
 * removed, whitespace and apostrophes normalised, its typos kept. The referential
 * stores straight apostrophes; comparisons go through normalizeVerbatim on both sides.
 */

const MARKUP = /<\/?[ui]>|\*\*/g;
// Typographic and look-alike apostrophes all become the straight one.
const APOSTROPHES = /[\u2019\u2018\u02bc\u2032\u00b4`]/g;
// \s covers tabs, newlines, NBSP (U+00A0), narrow NBSP (U+202F) and the other Unicode spaces.
const SPACES = /\s+/g;
// Labels the guide puts before a text ("<u>Question</u> : …", "Note : La GPA …"): the
// referential carries them as structure (a question, a role-play reference, a sheet's note).
const LEADING_LABEL = /^(?:Question|Jeu de rôles|Note)\s*:\s*/i;

export function normalizeVerbatim(text: string): string {
  const flat = text.replace(MARKUP, '').replace(APOSTROPHES, "'").replace(SPACES, ' ').trim();
  return flat.replace(LEADING_LABEL, '').trim();
}

/**
 * Folds a text for keyword matching: lowercase, accents and ligatures removed,
 * apostrophes normalised, whitespace collapsed. Apply it to both the keyword and the text.
 */
export function foldForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(SPACES, ' ')
    .trim();
}
