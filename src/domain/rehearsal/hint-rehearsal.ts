/** The hint the candidate asks for during the play (`indice`), counted on the record. */
import type { Criterion, Referential } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { questionsScale } from './drill.js';
import { criteriaToHint } from './observations.js';
import { DRILL_SHEET, candidateAnswers, isActive, sheetOf, type HintResult } from './rehearsal-types.js';

/**
 * `indice`: the hint of a success criterion still worth working on (not yet observed by
 * the observation rules in the answers so far, or not observable by any rule), cycling
 * through them as the candidate asks again. In the drill: what the scale's two upper
 * descriptors expect of an answer. Hints are counted, not written into the transcript: a
 * candidate may ask as often as they like without the record (or the debrief card) growing.
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
  const open = criteriaToHint(sheet, candidateAnswers(rehearsal));
  const criterion = open[rehearsal.hintsUsed % open.length] as Criterion;
  return {
    type: 'hinted',
    rehearsal: { ...rehearsal, rev: rehearsal.rev + 1, hintsUsed: rehearsal.hintsUsed + 1 },
    hint: { kind: 'criterion', criterion },
  };
}
