/** The candidate's rehearsal: the engine that plays the role-play sheets and the question drill. */
export {
  DRILL_SHEET,
  isActive,
  sheetOf,
  newRehearsal,
  startRehearsal,
  answerRehearsal,
  resolveCondition,
  hintRehearsal,
  restartRehearsal,
  stopRehearsal,
  submitDebrief,
  rateQuestion,
  currentQuestion,
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
  type NewRehearsalInput,
  type StartInput,
  type DebriefInput,
} from './rehearsal-engine.js';
export { matchCondition, parseYesNo, type ConditionMatch } from './condition-matcher.js';
export { containsKeyword, keywordsFound } from './keyword-match.js';
export { observe, criteriaToHint, type Observation } from './observations.js';
export { shuffleLines, seededGenerator, drawSeed } from './shuffle-lines.js';
export { drillQuestions, questionsScale, type DrillQuestion } from './drill.js';
export { timeline, formatMinutesSeconds, type TimedEntry, type TranscriptEntry } from './timeline.js';
export { rehearsalHistory, summarize, progressBetween, type AttemptSummary, type AttemptProgress } from './history.js';
