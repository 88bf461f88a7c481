/** The role play's debrief: the candidate's self-assessment and self-rating. */
import type { Referential } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { parsePercentage } from '../percentage.js';
import { sheetOf, type RehearsalResult } from './rehearsal-types.js';

export interface DebriefInput {
  /** Criterion id → "acquis" / "a_travailler"; criteria left out are not self-assessed. */
  assessment: Record<string, string>;
  /** What the card's Input.Number sent (a string): an integer 0–100. */
  rating: string;
}

/** The debrief card: self-assessment per criterion and self-rating on the questions scale. */
export function submitDebrief(referential: Referential, rehearsal: Rehearsal, input: DebriefInput, now: Date): RehearsalResult {
  if (rehearsal.state !== 'debrief') return { type: 'forbidden', reason: 'not_in_debrief' };
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const assessment: Rehearsal['selfAssessment'] = {};
  for (const [criterionId, value] of Object.entries(input.assessment)) {
    if (!sheet.successCriteria.some((c) => c.id === criterionId)) return { type: 'invalid', reason: 'unknown_criterion' };
    if (value === 'acquis' || value === 'a_travailler') assessment[criterionId] = value;
    else if (value !== '') return { type: 'invalid', reason: 'unknown_criterion' };
  }
  const rating = parsePercentage(input.rating);
  if (rating.type === 'invalid') return { type: 'invalid', reason: `rating_${rating.reason}` };
  return {
    type: 'changed',
    rehearsal: {
      ...rehearsal,
      rev: rehearsal.rev + 1,
      state: 'done',
      selfAssessment: assessment,
      selfRating: rating.value,
      debriefedAt: now.toISOString(),
    },
    steps: [],
  };
}
