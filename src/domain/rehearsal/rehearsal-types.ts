/** What every rehearsal operation returns (steps to show, or a refusal), and the small queries they share. */
import type { Condition, Criterion, Line, Referential, RolePlay } from '../../referential/schema.js';
import type { Descriptor } from '../band-for.js';
import type { ClientReaction, Rehearsal } from '../model.js';
import type { PercentageProblem } from '../percentage.js';
import type { DrillQuestion } from './drill.js';

/**
 * The rehearsal as a state machine over a stored record (no clock, no randomness: `now`
 * and the shuffle's `seed` come in). Every operation returns a new record with `rev` + 1
 * and the steps the bot must show, or a refusal; the input record is never changed.
 *
 * briefing ─start→ playing ⇄ awaiting_condition ─(closing line)→ debrief ─submitDebrief→ done
 * any active state ─stop→ abandoned; ─restart→ playing from the first line again.
 * The question drill (sheet 0) goes briefing → playing (answer, rating, next question…) → done.
 */

export type RehearsalMode = 'ordered' | 'shuffled';

/** What the bot shows after an operation, in order. */
export type RehearsalStep =
  /** The candidate opens the call: the sheet's invitation. */
  | { type: 'cue'; text: string }
  /** The client speaks (a relaunch, the opening, a direction's hostile line, a conditional line); the candidate answers next. */
  | { type: 'line'; line: Line }
  /** The client reacts to the answer with a line written for the rehearsal (insists, acknowledges, escalates, calms down, concludes, hangs up). */
  | { type: 'reaction'; kind: ClientReaction; text: string }
  /** The keywords could not tell: the condition's question, oui / non. */
  | { type: 'condition'; condition: Condition }
  /** The role play is over (after the client's closing line, when the sheet has one): the debrief follows. */
  | { type: 'ended'; closing: Line | null }
  /** Drill: the next question of the grid. */
  | { type: 'question'; question: DrillQuestion; index: number; total: number }
  /** Drill: the answer is in, the candidate rates it. */
  | { type: 'rate'; question: DrillQuestion; index: number; total: number }
  /** Drill: every question was answered and rated. */
  | { type: 'drill_ended' };

export type RehearsalInvalidReason = 'answer_empty' | 'answer_too_long' | 'unknown_criterion' | 'unknown_question' | `rating_${PercentageProblem}`;

export type RehearsalForbiddenReason = 'unknown_sheet' | 'not_briefing' | 'not_active' | 'not_awaiting_condition' | 'not_in_debrief' | 'not_awaiting_rating';

export type RehearsalRefusal =
  /** `length`: how long the refused answer was, for answer_too_long. */
  | { type: 'invalid'; reason: RehearsalInvalidReason; length?: number }
  | { type: 'forbidden'; reason: RehearsalForbiddenReason };

export interface RehearsalChanged {
  type: 'changed';
  rehearsal: Rehearsal;
  steps: RehearsalStep[];
}

export type RehearsalResult = RehearsalChanged | RehearsalRefusal;

export type RehearsalHint = { kind: 'criterion'; criterion: Criterion } | { kind: 'scale'; descriptors: Descriptor[] };

/** `exhausted`: every criterion still open has had its hint (or the answers show them all). */
export type HintResult = { type: 'hinted'; rehearsal: Rehearsal; hint: RehearsalHint } | { type: 'exhausted' } | RehearsalRefusal;

/** The sheet number of the question drill. */
export const DRILL_SHEET = 0;

const ACTIVE: ReadonlySet<Rehearsal['state']> = new Set(['playing', 'awaiting_condition']);

/** True while the candidate's messages are answers (a role play or the drill is under way). */
export function isActive(rehearsal: Rehearsal): boolean {
  return ACTIVE.has(rehearsal.state);
}

/** The sheet a rehearsal plays, or undefined for the drill (or a sheet the referential lacks). */
export function sheetOf(referential: Referential, sheet: number): RolePlay | undefined {
  return referential.rolePlays.find((s) => s.number === sheet);
}

/** What the candidate wrote as answers, in order (not the condition's oui / non). */
export function candidateAnswers(rehearsal: Rehearsal): string[] {
  return rehearsal.transcript.filter((entry) => entry.speaker === 'candidate').map((entry) => entry.text);
}
