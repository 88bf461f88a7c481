/** The hint the candidate asks for during the play (`indice`), counted on the record. */
import type { Referential } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { questionsScale } from './drill.js';
import { criteriaToHint } from './observations.js';
import { DRILL_SHEET, candidateAnswers, isActive, sheetOf, type HintResult } from './rehearsal-types.js';

/**
 * `indice`: the hint of the next success criterion still unmet (not yet observed by the
 * observation rules in the answers so far, or not observable by any rule) whose hint was not
 * given yet, so each `indice` says something new; `exhausted` once none is left. In the drill:
 * what the scale's two upper descriptors expect of an answer. Hints are counted, not written
 * into the transcript: the record (and the debrief card) does not grow with them.
 */
export function hintRehearsal(referential: Referential, rehearsal: Rehearsal): HintResult {
  if (!isActive(rehearsal)) return { type: 'forbidden', reason: 'not_active' };
  if (rehearsal.sheet === DRILL_SHEET) {
    const descriptors = [...questionsScale(referential).descriptors].sort((a, b) => a.band.from - b.band.from).slice(-2);
    return {
      type: 'hinted',
      rehearsal: { ...rehearsal, rev: rehearsal.rev + 1, hintsUsed: rehearsal.hintsUsed + 1 },
      hint: { kind: 'scale', descriptors },
    };
  }
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const hinted = rehearsal.cursor.hinted ?? [];
  const criterion = criteriaToHint(sheet, candidateAnswers(rehearsal)).find((c) => !hinted.includes(c.id));
  if (!criterion) return { type: 'exhausted' };
  return {
    type: 'hinted',
    rehearsal: {
      ...rehearsal,
      rev: rehearsal.rev + 1,
      hintsUsed: rehearsal.hintsUsed + 1,
      cursor: { ...rehearsal.cursor, hinted: [...hinted, criterion.id] },
    },
    hint: { kind: 'criterion', criterion },
  };
}
