/** The pure domain core: the public API the bot, cards and storage use. */
export * from './model.js';
export * from './outcome.js';
export type { OperationContext, EvaluationContext } from './operation-context.js';
export { roundHalfUp, divideHalfUp, meanHalfUp } from './round-half-up.js';
export {
  parsePercentage,
  checkPercentage,
  scoreProblem,
  formatPercent,
  formatScore,
  type PercentageCheck,
  type PercentageProblem,
  type Score,
  type ScoreProblem,
  type ScoreWords,
} from './percentage.js';
export { bandFor, scalesForSource, indicativeBands, type Descriptor, type IndicativeBand } from './band-for.js';
export { findRow, allRowIds, lineIdsOfRow, type RowLocation } from './referential-lookup.js';
export { reportDomains, rowStatus, type DomainReport, type NotEvaluatedRow, type RowStatus } from './report-domains.js';
export {
  consolidate,
  memberReportsFor,
  type ConsolidateOptions,
  type DomainConsolidation,
  type MemberReport,
  type MemberValue,
  type RowDifference,
} from './consolidate.js';
export { submissionFingerprint, checkRevision, type Submission, type CardSubmission, type Revisioned } from './check-revision.js';
export { auditEntry, auditTarget, gridOwnerOf, changedFields, AUDIT_ACTIONS, type AuditAction, type AuditInput } from './audit.js';
export {
  generateJoinCode,
  normalizeJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JOIN_CODE_BITS,
  JOIN_CODE_PATTERN,
  type RandomSource,
} from './join-code.js';
export { roleIn, juryOf, scoresIn, scorersOf, expectedMemberIds, type Role } from './jury.js';
export {
  LIFECYCLE_ACTIONS,
  nextState,
  followTransition,
  collectionHasClosed,
  startInterview,
  endInterview,
  afterSubmission,
  closeCollection,
  cancelEvaluation,
  checkReason,
  type LifecycleAction,
  type TransitionCheck,
  type EvaluationChanged,
} from './lifecycle.js';
export { timeSpent, noticesDue, type NoticeDue } from './interview-clock.js';
export { createEvaluation, correctHeader, type HeaderInput } from './evaluation-operations.js';
export {
  createGrid,
  saveRow,
  setDomainComments,
  setDomainComment,
  submitGrid,
  reopenGrid,
  type SaveRowInput,
  type SubmitGridInput,
  type GridSaved,
  type GridSubmitted,
  type GridReopened,
  type GridRefusal,
} from './grid-operations.js';
export { checkDomainComments } from './check-domain-comments.js';
export { nextRowEntry } from './next-row-entry.js';
export {
  createSynthesis,
  saveAgreement,
  sign,
  reopenSigned,
  settleWithSynthesis,
  undecidedDomains,
  type SaveAgreementInput,
  type SynthesisChanged,
  type SynthesisRefusal,
} from './synthesis-operations.js';
export {
  createSession,
  requestJoin,
  decideJoin,
  removeMember,
  closeJoining,
  workstationAdvice,
  type CreateSessionInput,
  type WorkstationAdvice,
} from './session-operations.js';
export { dayExport, exportedVersions, type DayExport, type ExportedEvaluation } from './day-export.js';
export {
  canReadEvaluation,
  canActAsPresident,
  canReadGrid,
  canEditGrid,
  canReadConsolidation,
  canReadSynthesis,
  canReadAuditEntry,
  canShowGridIn,
  PRESIDENT_ACTIONS,
  type Permission,
  type DenyReason,
  type PresidentAction,
} from './permissions.js';
