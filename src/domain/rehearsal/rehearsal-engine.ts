import type { Condition, Criterion, Line, Referential, RolePlay } from '../../referential/schema.js';
import type { Descriptor } from '../band-for.js';
import { REHEARSAL_ANSWER_MAX, type Rehearsal, type RehearsalCursor } from '../model.js';
import { parsePercentage, type PercentageProblem } from '../parse-percentage.js';
import { divideHalfUp } from '../round-half-up.js';
import { matchCondition } from './condition-matcher.js';
import { drillQuestions, questionsScale, type DrillQuestion } from './drill.js';
import { criteriaToHint } from './observations.js';
import { shuffleLines } from './shuffle-lines.js';

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
  | { type: 'invalid'; reason: RehearsalInvalidReason }
  | { type: 'forbidden'; reason: RehearsalForbiddenReason };

export interface RehearsalChanged {
  type: 'changed';
  rehearsal: Rehearsal;
  steps: RehearsalStep[];
}

export type RehearsalResult = RehearsalChanged | RehearsalRefusal;

export type RehearsalHint = { kind: 'criterion'; criterion: Criterion } | { kind: 'scale'; descriptors: Descriptor[] };

export type HintResult = { type: 'hinted'; rehearsal: Rehearsal; hint: RehearsalHint } | RehearsalRefusal;

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

/**
 * A message of the candidate during the play: recorded as their answer, checked against the
 * sheet's conditions (the latest answer that decides wins), then the client's next line.
 * In the drill: the answer to the current question, whose rating is asked next.
 */
export function answerRehearsal(referential: Referential, rehearsal: Rehearsal, text: string, now: Date): RehearsalResult {
  if (rehearsal.state !== 'playing') return { type: 'forbidden', reason: 'not_active' };
  const answer = text.trim();
  if (answer === '') return { type: 'invalid', reason: 'answer_empty' };
  if (answer.length > REHEARSAL_ANSWER_MAX) return { type: 'invalid', reason: 'answer_too_long' };
  const at = now.toISOString();
  if (rehearsal.sheet === DRILL_SHEET) {
    const current = currentQuestion(referential, rehearsal);
    if (!current || rehearsal.cursor.awaiting !== 'answer') return { type: 'forbidden', reason: 'not_active' };
    return {
      type: 'changed',
      rehearsal: {
        ...rehearsal,
        rev: rehearsal.rev + 1,
        cursor: { ...rehearsal.cursor, awaiting: 'rating' },
        transcript: [...rehearsal.transcript, { speaker: 'candidate', text: answer, at, lineId: current.question.id }],
      },
      steps: [{ type: 'rate', ...current }],
    };
  }
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const evidence = { ...rehearsal.cursor.evidence };
  for (const condition of sheet.conditions) {
    const match = matchCondition(condition, answer);
    if (match !== 'unsure') evidence[condition.id] = match;
  }
  const answered = lastPrompt(rehearsal);
  const next: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    cursor: { ...rehearsal.cursor, evidence },
    transcript: [...rehearsal.transcript, { speaker: 'candidate', text: answer, at, ...(answered ? { lineId: answered } : {}) }],
  };
  return playNext(sheet, next, now);
}

/** The candidate's oui / non to the pending condition's question; its line is then played or skipped. */
export function resolveCondition(referential: Referential, rehearsal: Rehearsal, met: boolean, now: Date): RehearsalResult {
  const pending = rehearsal.cursor.pendingCondition;
  if (rehearsal.state !== 'awaiting_condition' || !pending) return { type: 'forbidden', reason: 'not_awaiting_condition' };
  const sheet = sheetOf(referential, rehearsal.sheet);
  if (!sheet) return { type: 'forbidden', reason: 'unknown_sheet' };
  const resolved: Rehearsal = {
    ...rehearsal,
    rev: rehearsal.rev + 1,
    state: 'playing',
    cursor: { ...rehearsal.cursor, pendingCondition: undefined, decided: { ...rehearsal.cursor.decided, [pending]: { met, by: 'question' } } },
  };
  return playNext(sheet, resolved, now);
}

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

/** What the candidate wrote as answers, in order (not the condition's oui / non). */
export function candidateAnswers(rehearsal: Rehearsal): string[] {
  return rehearsal.transcript.filter((entry) => entry.speaker === 'candidate').map((entry) => entry.text);
}

/** The line (or cue, or question) the candidate is answering now: the last thing put to them. */
function lastPrompt(rehearsal: Rehearsal): string | undefined {
  for (let i = rehearsal.transcript.length - 1; i >= 0; i -= 1) {
    const entry = rehearsal.transcript[i];
    if (entry?.speaker === 'client' || entry?.lineId === 'cue') return entry.lineId;
  }
  return undefined;
}

/**
 * Plays from the cursor: a conditional line is decided when its turn comes (keywords seen in
 * the answers so far, else the question), skipped when not met; a closing line ends the
 * play; any other line is said and waits for the candidate.
 */
function playNext(sheet: RolePlay, rehearsal: Rehearsal, now: Date): RehearsalResult {
  const at = now.toISOString();
  const order = rehearsal.cursor.order ?? [];
  let next = rehearsal.cursor.next ?? 0;
  let decided = { ...rehearsal.cursor.decided };
  for (;;) {
    const line = sheet.lines.find((l) => l.id === order[next]);
    if (!line) {
      return { type: 'changed', rehearsal: ended({ ...rehearsal, cursor: { ...rehearsal.cursor, next, decided } }, at), steps: [{ type: 'ended', closing: null }] };
    }
    if (line.type === 'conditional' && line.condition) {
      const conditionId = line.condition;
      const known = decided[conditionId] ?? fromEvidence(rehearsal.cursor.evidence?.[conditionId]);
      if (!known) {
        const condition = sheet.conditions.find((c) => c.id === conditionId) as Condition;
        return {
          type: 'changed',
          rehearsal: {
            ...rehearsal,
            state: 'awaiting_condition',
            cursor: { ...rehearsal.cursor, next, decided, pendingCondition: conditionId },
            transcript: [...rehearsal.transcript, { speaker: 'bot', text: condition.question, at, lineId: `condition:${conditionId}` }],
          },
          steps: [{ type: 'condition', condition }],
        };
      }
      decided = { ...decided, [conditionId]: known };
      if (!known.met) {
        next += 1;
        continue;
      }
    }
    const said: Rehearsal = {
      ...rehearsal,
      state: 'playing',
      cursor: { ...rehearsal.cursor, next: next + 1, decided },
      transcript: [...rehearsal.transcript, { speaker: 'client', text: line.text, at, lineId: line.id }],
    };
    if (line.type === 'closing') return { type: 'changed', rehearsal: ended(said, at), steps: [{ type: 'ended', closing: line }] };
    return { type: 'changed', rehearsal: said, steps: [{ type: 'line', line }] };
  }
}

function fromEvidence(evidence: 'met' | 'not_met' | undefined): { met: boolean; by: 'keywords' } | undefined {
  return evidence === undefined ? undefined : { met: evidence === 'met', by: 'keywords' };
}

function ended(rehearsal: Rehearsal, at: string): Rehearsal {
  return { ...rehearsal, state: 'debrief', endedAt: at };
}

/** Drill: asks the question at the cursor, or ends the drill after the last one. */
function askQuestion(referential: Referential, rehearsal: Rehearsal, now: Date): RehearsalResult {
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
