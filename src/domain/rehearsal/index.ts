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
export { matchCondition, parseYesNo, answerCondition, type ConditionMatch } from './condition-matcher.js';
export { containsKeyword, keywordsFound, keywordsIn } from './keyword-match.js';
export { readWords, type Word } from './answer-words.js';
export { readAnswer, clientMove, clientMemory, type AnswerReading, type ClientMove, type ClientMemory } from './client-reaction.js';
export { conversationShape, type ConversationShape, type RelaunchShape } from './conversation-shape.js';
export { observe, criteriaToHint, type Observation } from './observations.js';
export { shuffleLines, seededGenerator, drawSeed } from './shuffle-lines.js';
export { drillQuestions, questionsScale, type DrillQuestion } from './drill.js';
export { timeline, formatMinutesSeconds, type TimedEntry, type TranscriptEntry } from './timeline.js';
export { rehearsalHistory, summarize, progressBetween, criteriaProgress, type AttemptSummary, type AttemptProgress, type CriterionProgress } from './history.js';
