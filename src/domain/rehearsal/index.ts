/** The candidate's rehearsal: the engine that plays the role-play sheets and the question drill. */
export {
  DRILL_SHEET,
  isActive,
  sheetOf,
  candidateAnswers,
  type RehearsalMode,
  type RehearsalStep,
  type RehearsalResult,
  type RehearsalChanged,
  type RehearsalRefusal,
  type RehearsalInvalidReason,
  type RehearsalForbiddenReason,
  type RehearsalHint,
  type HintResult,
} from './rehearsal-types.js';
export { newRehearsal, startRehearsal, restartRehearsal, stopRehearsal, type NewRehearsalInput, type StartInput } from './rehearsal-lifecycle.js';
export { answerRehearsal, resolveCondition } from './answer-rehearsal.js';
export { hintRehearsal } from './hint-rehearsal.js';
export { submitDebrief, type DebriefInput } from './submit-debrief.js';
export { rateQuestion, currentQuestion } from './rate-question.js';
export { matchCondition, parseYesNo, type ConditionMatch } from './condition-matcher.js';
export { containsKeyword, keywordsFound } from './keyword-match.js';
export { observe, criteriaToHint, type Observation } from './observations.js';
export { shuffleLines, seededGenerator, drawSeed } from './shuffle-lines.js';
export { drillQuestions, questionsScale, type DrillQuestion } from './drill.js';
export { timeline, formatMinutesSeconds, type TimedEntry, type TranscriptEntry } from './timeline.js';
export { rehearsalHistory, summarize, progressBetween, type AttemptSummary, type AttemptProgress } from './history.js';
