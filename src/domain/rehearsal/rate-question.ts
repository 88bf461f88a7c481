/** The question drill: each question asked, answered, then rated by the candidate. */
import type { Referential } from '../../referential/schema.js';
import type { Rehearsal } from '../model.js';
import { parsePercentage } from '../percentage.js';
import { divideHalfUp } from '../round-half-up.js';
import { drillQuestions, type DrillQuestion } from './drill.js';
import { DRILL_SHEET, type RehearsalResult } from './rehearsal-types.js';

/**
 * Drill: the candidate's rating of their answer to `questionId` (the current question, its
 * answer given). The next question follows; after the last, the drill is done and its
 * self-rating is the mean of the question ratings, rounded half up.
 */
export function rateQuestion(referential: Referential, rehearsal: Rehearsal, questionId: string, ratingText: string, now: Date): RehearsalResult {
  if (rehearsal.sheet !== DRILL_SHEET || rehearsal.state !== 'playing' || rehearsal.cursor.awaiting !== 'rating') {
    return { type: 'forbidden', reason: 'not_awaiting_rating' };
  }
  const current = currentQuestion(referential, rehearsal);
  if (!current || current.question.id !== questionId) return { type: 'invalid', reason: 'unknown_question' };
  const rating = parsePercentage(ratingText);
  if (rating.type === 'invalid') return { type: 'invalid', reason: `rating_${rating.reason}` };
  const ratings = { ...rehearsal.questionRatings, [questionId]: rating.value };
  const rated: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    questionRatings: ratings,
    cursor: { ...rehearsal.cursor, next: (rehearsal.cursor.next ?? 0) + 1, awaiting: 'answer' },
  };
  return askQuestion(referential, rated, now);
}

/** Drill: the question the candidate is on, with its position. */
export function currentQuestion(referential: Referential, rehearsal: Rehearsal): { question: DrillQuestion; index: number; total: number } | undefined {
  const ids = rehearsal.cursor.questions ?? [];
  const index = rehearsal.cursor.next ?? 0;
  const id = ids[index];
  const question = drillQuestions(referential).find((q) => q.id === id);
  return question ? { question, index, total: ids.length } : undefined;
}

/** Drill: asks the question at the cursor, or ends the drill after the last one. */
export function askQuestion(referential: Referential, rehearsal: Rehearsal, now: Date): RehearsalResult {
  const at = now.toISOString();
  const current = currentQuestion(referential, rehearsal);
  if (!current) {
    const values = Object.values(rehearsal.questionRatings ?? {});
    const mean = values.length > 0 ? divideHalfUp(values.reduce((a, b) => a + b, 0), values.length) : null;
    return {
      type: 'changed',
      rehearsal: { ...rehearsal, state: 'done', selfRating: mean, endedAt: at, debriefedAt: at },
      steps: [{ type: 'drill_ended' }],
    };
  }
  return {
    type: 'changed',
    rehearsal: {
      ...rehearsal,
      cursor: { ...rehearsal.cursor, awaiting: 'answer' },
      transcript: [...rehearsal.transcript, { speaker: 'bot', text: current.question.text, at, lineId: `question:${current.question.id}` }],
    },
    steps: [{ type: 'question', ...current }],
  };
}
