import type { Referential, Source } from '../referential/schema.js';
import type { RowEntry } from './model.js';
import { LIMITS, rowEntrySchema } from './model.js';
import type { Invalid } from './outcome.js';
import { invalid } from './outcome.js';
import { scoreProblem } from './percentage.js';
import { findRow, lineIdsOfRow } from './referential-lookup.js';

export interface SaveRowInput {
  rowId: string;
  /** The grid revision the card was rendered from. */
  rev: number;
  notes?: string;
  source?: Source | null;
  /** Integer 0–100; null clears it. Optional during the interview. */
  percentage?: number | null;
  /** *Non évalué* with this reason; exclusive with a percentage. null or "" clears it. */
  notEvaluatedReason?: string | null;
  /** Ids of the row's questions actually asked. */
  questionsUsed?: readonly string[];
  /** Ids of the lines (relaunches…) of the row's role-play sheets actually used. */
  linesUsed?: readonly string[];
}

/**
 * The row entry a save leads to, or the rule it breaks: known row; notes ≤ LIMITS.notes;
 * percentage an integer 0–100; a percentage and a reason exclusive (giving one clears the
 * other); questions of this row and lines of its role-play sheets only, kept in the
 * referential's order.
 */
export function nextRowEntry(currentEntry: RowEntry | undefined, input: SaveRowInput, referential: Referential): { type: 'ok'; entry: RowEntry } | Invalid {
  const location = findRow(referential, input.rowId);
  if (!location) return invalid('unknown_row', { field: 'rowId', ids: [input.rowId] });
  const { row } = location;
  const current = currentEntry ?? rowEntrySchema.parse({});

  if (input.notes !== undefined && input.notes.length > LIMITS.notes) return invalid('notes_too_long', { field: 'notes' });

  const reason = input.notEvaluatedReason === undefined ? undefined : input.notEvaluatedReason?.trim() || null;
  const problem = scoreProblem(input.percentage, reason);
  if (problem) return invalid(problem, { field: problem === 'reason_too_long' ? 'notEvaluatedReason' : 'percentage' });

  const unknownQuestions = (input.questionsUsed ?? []).filter((id) => !row.questions.some((q) => q.id === id));
  if (unknownQuestions.length) return invalid('unknown_question', { field: 'questionsUsed', ids: unknownQuestions });
  const lineIds = lineIdsOfRow(referential, row);
  const unknownLines = (input.linesUsed ?? []).filter((id) => !lineIds.has(id));
  if (unknownLines.length) return invalid('unknown_line', { field: 'linesUsed', ids: unknownLines });

  // A percentage replaces a "non évalué" and the other way round.
  let percentage = input.percentage === undefined ? current.percentage : input.percentage;
  let notEvaluatedReason = reason === undefined ? current.notEvaluatedReason : reason;
  if (input.percentage != null) notEvaluatedReason = null;
  if (reason) percentage = null;

  const entry: RowEntry = {
    ...current,
    notes: input.notes ?? current.notes,
    source: input.source === undefined ? current.source : input.source,
    percentage,
    notEvaluatedReason,
    questionsUsed: input.questionsUsed ? row.questions.map((q) => q.id).filter((id) => input.questionsUsed?.includes(id)) : current.questionsUsed,
    linesUsed: input.linesUsed ? [...lineIds].filter((id) => input.linesUsed?.includes(id)) : current.linesUsed,
  };
  return { type: 'ok', entry };
}
