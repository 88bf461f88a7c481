/** The attempt's lifecycle: a new attempt at the briefing, its start, a restart, a stop. */
import type { Referential } from '../../referential/schema.js';
import type { Rehearsal, RehearsalCursor } from '../model.js';
import { playNext } from './answer-rehearsal.js';
import { drillQuestions } from './drill.js';
import { askQuestion } from './rate-question.js';
import { DRILL_SHEET, isActive, sheetOf, type RehearsalMode, type RehearsalRefusal, type RehearsalResult } from './rehearsal-types.js';
import { shuffleLines } from './shuffle-lines.js';

export interface NewRehearsalInput {
  id: string;
  userId: string;
  referential: Referential;
  /** A sheet number, or DRILL_SHEET. */
  sheet: number;
  now: Date;
  /** A briefing record being reused for another choice: its rev goes on from there. */
  previous?: Rehearsal;
}

/** A new attempt at the briefing: the sheet is chosen, nothing is played yet. */
export function newRehearsal(input: NewRehearsalInput): Rehearsal | RehearsalRefusal {
  const { referential, sheet } = input;
  if (sheet !== DRILL_SHEET && !sheetOf(referential, sheet)) return { type: 'forbidden', reason: 'unknown_sheet' };
  return {
    schemaVersion: 1,
    id: input.previous?.id ?? input.id,
    userId: input.userId,
    referentialId: referential.id,
    sheet,
    mode: sheet === DRILL_SHEET ? 'drill' : 'ordered',
    rev: input.previous ? input.previous.rev + 1 : 1,
    state: 'briefing',
    cursor: {},
    transcript: [],
    selfAssessment: {},
    selfRating: null,
    questionRatings: {},
    hintsUsed: 0,
    startedAt: input.now.toISOString(),
  };
}

export interface StartInput {
  now: Date;
  /** Ignored for the drill. */
  mode: RehearsalMode;
  /** Draws the shuffled order; stored with it, so a resume replays the same order. */
  seed: number;
}

/** The candidate is ready: the clock starts and the first line (or the cue, or the first question) is shown. */
export function startRehearsal(referential: Referential, rehearsal: Rehearsal, input: StartInput): RehearsalResult {
  if (rehearsal.state !== 'briefing') return { type: 'forbidden', reason: 'not_briefing' };
  const at = input.now.toISOString();
  const base: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    state: 'playing',
    transcript: [],
    selfAssessment: {},
    selfRating: null,
    questionRatings: {},
    hintsUsed: 0,
    startedAt: at,
    endedAt: undefined,
    debriefedAt: undefined,
  };
  if (rehearsal.sheet === DRILL_SHEET) {
    const questions = drillQuestions(referential);
    const started: Rehearsal = { ...base, mode: 'drill', cursor: { questions: questions.map((q) => q.id), next: 0, awaiting: 'answer' } };
    return askQuestion(referential, started, input.now);
  }
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const order = input.mode === 'shuffled' ? shuffleLines(sheet.lines, input.seed) : sheet.lines.map((line) => line.id);
  const cursor: RehearsalCursor = { order, next: 0, evidence: {}, decided: {} };
  if (input.mode === 'shuffled') cursor.seed = input.seed;
  const started: Rehearsal = { ...base, mode: input.mode, cursor };
  if (sheet.opener === 'candidate') {
    const cue = sheet.candidateCue ?? '';
    return {
      type: 'changed',
      rehearsal: { ...started, transcript: [{ speaker: 'bot', text: cue, at, lineId: 'cue' }] },
      steps: [{ type: 'cue', text: cue }],
    };
  }
  return playNext(sheet, started, input.now);
}

/** `recommencer`: the same sheet and mode from the first line, a new attempt on the same record (a new shuffle when shuffled). */
export function restartRehearsal(referential: Referential, rehearsal: Rehearsal, input: { now: Date; seed: number }): RehearsalResult {
  if (!isActive(rehearsal) && rehearsal.state !== 'debrief') return { type: 'forbidden', reason: 'not_active' };
  const mode: RehearsalMode = rehearsal.mode === 'shuffled' ? 'shuffled' : 'ordered';
  return startRehearsal(referential, { ...rehearsal, state: 'briefing', cursor: {} }, { now: input.now, mode, seed: input.seed });
}

/** `stop`: the attempt is abandoned where it is (kept in the history as interrupted). */
export function stopRehearsal(rehearsal: Rehearsal, now: Date): RehearsalResult {
  if (!isActive(rehearsal) && rehearsal.state !== 'briefing') return { type: 'forbidden', reason: 'not_active' };
  return {
    type: 'changed',
    rehearsal: { ...rehearsal, rev: rehearsal.rev + 1, state: 'abandoned', endedAt: rehearsal.endedAt ?? now.toISOString() },
    steps: [],
  };
}
