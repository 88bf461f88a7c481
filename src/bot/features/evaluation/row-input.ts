import { LIMITS, parsePercentage, type InvalidReason, type MemberGrid, type SaveRowInput } from '../../../domain/index.js';
import { SOURCES } from '../../../referential/schema.js';
import { invalidMessageKey, percentageMessage } from '../../outcomes.js';
import type { Turn } from '../../turn.js';
import type { EvaluationSubmission } from './verbs.js';

/** Reading a row card's submission: what its inputs mean, and what to say when they cannot be saved. */

export type SaveSubmission = Extract<EvaluationSubmission, { verb: 'grid.save' }>;

/** What the card's inputs mean for the row, or the French reason they cannot be saved. */
export function rowInput(turn: Turn, submission: SaveSubmission, grid: MemberGrid): { type: 'ok'; input: SaveRowInput } | { type: 'invalid'; message: string } {
  const input: SaveRowInput = { rowId: submission.rowId, rev: submission.rev };
  if (submission.notes !== undefined) input.notes = submission.notes.replace(/\r\n/g, '\n');
  if (submission.source !== undefined && submission.source !== '') {
    if (!(SOURCES as readonly string[]).includes(submission.source)) return { type: 'invalid', message: turn.t('evaluation.grid.badSource') };
    input.source = submission.source as SaveRowInput['source'];
  }
  if (submission.questionsUsed !== undefined) input.questionsUsed = submission.questionsUsed;

  const notEvaluated = submission.pick === undefined && (submission.notEvaluated === true || submission.notEvaluated === 'true');
  if (notEvaluated) {
    input.percentage = null;
    input.notEvaluatedReason = submission.notEvaluatedReason?.trim() ?? '';
    if (!input.notEvaluatedReason) return { type: 'invalid', message: turn.t('evaluation.grid.reasonRequired') };
    return { type: 'ok', input };
  }
  const raw = submission.pick !== undefined ? String(submission.pick) : submission.percentage;
  if (raw === undefined) return { type: 'ok', input };
  const text = String(raw).trim();
  if (text === '') {
    // An emptied field clears the percentage; untouched rows stay as they were.
    if (grid.rows[submission.rowId]?.percentage !== null) input.percentage = null;
    if (submission.notEvaluated === 'false' || submission.notEvaluated === false) input.notEvaluatedReason = null;
    return { type: 'ok', input };
  }
  const parsed = parsePercentage(text);
  if (parsed.type === 'invalid') return { type: 'invalid', message: percentageMessage(turn, parsed.reason, text) };
  input.percentage = parsed.value;
  input.notEvaluatedReason = null;
  return { type: 'ok', input };
}

/** The French sentence for a refused row: too-long texts name the limit and what was typed. */
export function refusalMessage(turn: Turn, reason: InvalidReason, submission: SaveSubmission): string {
  const key = invalidMessageKey(reason);
  const counts: Partial<Record<InvalidReason, { max: number; count: number }>> = {
    notes_too_long: { max: LIMITS.notes, count: (submission.notes ?? '').replace(/\r\n/g, '\n').length },
    reason_too_long: { max: LIMITS.reason, count: (submission.notEvaluatedReason ?? '').trim().length },
  };
  // error.badSubmission already says that nothing changed.
  const message = turn.t(key, counts[reason] ?? {});
  return key === 'error.badSubmission' ? message : `${message} ${turn.t('evaluation.grid.nothingChanged')}`;
}

/** Gives back, as plain messages, what the juror typed but could not be saved (cards cannot hold it all). */
export async function giveBack(turn: Turn, notes: string | undefined): Promise<void> {
  if (!notes) return;
  await turn.say(turn.t('evaluation.grid.givenBack'));
  for (let start = 0; start < notes.length; start += LIMITS.notes) await turn.say(notes.slice(start, start + LIMITS.notes));
}
