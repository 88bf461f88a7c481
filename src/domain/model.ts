import { z } from 'zod';
import { sourceSchema } from '../referential/schema.js';

/**
 * Stored records of the domain. Every record carries a schema version so that
 * a later change of shape can be migrated on read; every edge (storage, cards)
 * parses with these schemas.
 */

export const LIMITS = {
  notes: 4000,
  domainComment: 1000,
  synthesisComment: 2000,
  reason: 500,
  name: 100,
  personFunction: 100,
  company: 150,
} as const;

/** A calendar day, AAAA-MM-JJ, that exists (30 February is refused, not rolled over to March). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue AAAA-MM-JJ')
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
  }, 'date inexistante');
export const isoInstant = z.string().datetime({ offset: true });

export const personSchema = z.object({
  /** Teams aadObjectId, else the channel's from.id. */
  id: z.string().min(1),
  name: z.string().trim().min(1).max(LIMITS.name),
  function: z.string().trim().min(1).max(LIMITS.personFunction),
});
export type Person = z.infer<typeof personSchema>;

export const MODES = ['jury', 'professional'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

export const joinRequestSchema = z.object({
  person: personSchema,
  requestedAt: isoInstant,
  status: z.enum(['pending', 'accepted', 'refused']),
  decidedAt: isoInstant.optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** A jury day: one president, one date, one jury, one joining code. */
export const sessionSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  tenantId: z.string().min(1),
  referentialId: z.string().min(1),
  date: isoDate,
  mode: modeSchema,
  president: personSchema,
  /** The joining code while joining is open; null once closed (or in professional mode). */
  code: z.string().nullable(),
  /** Accepted members other than the president. */
  members: z.array(personSchema.extend({ joinedAt: isoInstant })),
  joinRequests: z.array(joinRequestSchema),
  evaluationIds: z.array(z.string()),
  createdAt: isoInstant,
});
export type Session = z.infer<typeof sessionSchema>;

export const headerSchema = z.object({
  date: isoDate,
  candidateLastName: z.string().trim().min(1).max(LIMITS.name),
  candidateFirstName: z.string().trim().min(1).max(LIMITS.name),
  company: z.string().trim().min(1).max(LIMITS.company),
});
export type Header = z.infer<typeof headerSchema>;

export const EVALUATION_STATES = [
  'draft',
  'in_progress',
  'interview_ended',
  'collection_closed',
  'consolidated',
  'submitted',
  'signed',
  'cancelled',
] as const;
export const evaluationStateSchema = z.enum(EVALUATION_STATES);
export type EvaluationState = z.infer<typeof evaluationStateSchema>;

/** One candidate's evaluation inside a jury day. */
export const evaluationSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  sessionId: z.string().min(1),
  tenantId: z.string().min(1),
  referentialId: z.string().min(1),
  mode: modeSchema,
  header: headerSchema,
  state: evaluationStateSchema,
  startedAt: isoInstant.optional(),
  endedAt: isoInstant.optional(),
  /** Members who had not submitted when the president closed the collection: left off the synthesis. */
  excludedMemberIds: z.array(z.string()).default([]),
  cancellation: z
    .object({ reason: z.string().min(1).max(LIMITS.reason), at: isoInstant, by: z.string(), from: evaluationStateSchema })
    .optional(),
  createdAt: isoInstant,
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const rowEntrySchema = z.object({
  notes: z.string().max(LIMITS.notes).default(''),
  source: sourceSchema.nullable().default(null),
  /** Integer 0–100, or null when not (yet) scored. */
  percentage: z.number().int().min(0).max(100).nullable().default(null),
  /** Set when the row is "non évalué"; exclusive with a percentage. */
  notEvaluatedReason: z.string().trim().min(1).max(LIMITS.reason).nullable().default(null),
  questionsUsed: z.array(z.string()).default([]),
  linesUsed: z.array(z.string()).default([]),
  savedAt: isoInstant.optional(),
});
export type RowEntry = z.infer<typeof rowEntrySchema>;

/** One member's grid for one evaluation; its `rev` is what their cards carry. */
export const memberGridSchema = z.object({
  schemaVersion: z.literal(1),
  evaluationId: z.string().min(1),
  memberId: z.string().min(1),
  rev: z.number().int().nonnegative(),
  state: z.enum(['open', 'submitted']),
  rows: z.record(z.string(), rowEntrySchema),
  domainComments: z.record(z.string(), z.string().max(LIMITS.domainComment)),
  submittedAt: isoInstant.optional(),
  reopenings: z.array(z.object({ at: isoInstant, by: z.string(), reason: z.string().min(1).max(LIMITS.reason) })).default([]),
  /**
   * Fingerprint of the last submission applied to this grid (verb, ids, rev, values):
   * the same submission arriving again with its now-old rev is a double click, not a stale card.
   * Absent until a first change is applied.
   */
  lastSubmission: z.string().optional(),
  updatedAt: isoInstant,
});
export type MemberGrid = z.infer<typeof memberGridSchema>;

export const domainAgreementSchema = z.object({
  percentage: z.number().int().min(0).max(100).nullable(),
  notEvaluatedReason: z.string().trim().min(1).max(LIMITS.reason).nullable(),
});
export type DomainAgreement = z.infer<typeof domainAgreementSchema>;

const signedVersionSchema = z.object({
  domains: z.record(z.string(), domainAgreementSchema),
  comment: z.string().max(LIMITS.synthesisComment),
  signedBy: personSchema,
  signedAt: isoInstant,
  members: z.array(personSchema),
});
export type SignedVersion = z.infer<typeof signedVersionSchema>;

/** The president's (or professional's) synthesis; its own `rev`, apart from the grids. */
export const synthesisSchema = z.object({
  schemaVersion: z.literal(1),
  evaluationId: z.string().min(1),
  rev: z.number().int().nonnegative(),
  domains: z.record(z.string(), domainAgreementSchema),
  comment: z.string().max(LIMITS.synthesisComment),
  signed: signedVersionSchema.optional(),
  /** Earlier signed versions, kept and marked "remplacée" when the president reopened. */
  replaced: z.array(signedVersionSchema.extend({ replacedAt: isoInstant, reason: z.string().min(1).max(LIMITS.reason) })).default([]),
  /** Fingerprint of the last submission applied to this synthesis (see memberGridSchema); absent until then. */
  lastSubmission: z.string().optional(),
  updatedAt: isoInstant,
});
export type Synthesis = z.infer<typeof synthesisSchema>;

/** Who did what, when, to which record, with the values before and after. */
export const auditEntrySchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  /** The evaluation (or jury day) whose trail this entry belongs to. */
  scopeId: z.string().min(1),
  at: isoInstant,
  by: z.string().min(1),
  action: z.string().min(1),
  target: z.string().min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What a user told the bot about themselves once (name and function are asked once). */
export const profileSchema = z.object({
  schemaVersion: z.literal(1),
  userId: z.string().min(1),
  name: z.string().trim().min(1).max(LIMITS.name).optional(),
  function: z.string().trim().min(1).max(LIMITS.personFunction).optional(),
  locale: z.string().optional(),
  updatedAt: isoInstant,
});
export type Profile = z.infer<typeof profileSchema>;

/** A message waiting to be delivered proactively; `key` makes delivery idempotent. */
export const outboxMessageSchema = z.object({
  schemaVersion: z.literal(1),
  key: z.string().min(1),
  userId: z.string().min(1),
  /** The activity to send, as channel-neutral JSON (text and/or card attachments). */
  activity: z.record(z.string(), z.unknown()),
  createdAt: isoInstant,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: isoInstant,
  deliveredAt: isoInstant.optional(),
  lastError: z.string().optional(),
  /** After this instant the message means nothing (a time notice): it is dropped, not delivered late. */
  expiresAt: isoInstant.optional(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

/** A notice due at a given time (35 and 45 minutes); stored so that a restart keeps it. */
export const timerSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  kind: z.string().min(1),
  evaluationId: z.string().min(1),
  dueAt: isoInstant,
  firedAt: isoInstant.optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type Timer = z.infer<typeof timerSchema>;

/** Longest answer a candidate may type during a rehearsal (a longer one is refused, nothing changes). */
export const REHEARSAL_ANSWER_MAX = 2000;

/**
 * Where a rehearsal stands, owned by the engine (src/domain/rehearsal). Every field is
 * optional so that records stored with the earlier opaque `{}` still parse.
 */
export const rehearsalCursorSchema = z.object({
  /** Line ids in playing order: the sheet's, or shuffled with opening, conditional and closing lines in place. */
  order: z.array(z.string()).optional(),
  /** The seed the shuffle was drawn from; the stored `order` is what a resume replays. */
  seed: z.number().int().nonnegative().optional(),
  /** Index in `order` of the next line to play. */
  next: z.number().int().nonnegative().optional(),
  /** The condition whose question is waiting for the candidate's oui / non. */
  pendingCondition: z.string().optional(),
  /** The latest keyword evidence per condition, from the candidate's answers (latest decisive answer wins). */
  evidence: z.record(z.string(), z.enum(['met', 'not_met'])).optional(),
  /** Conditions decided when their line's turn came, and how. */
  decided: z.record(z.string(), z.object({ met: z.boolean(), by: z.enum(['keywords', 'question']) })).optional(),
  /** Question drill: the questions in order, the next one, and whether its answer or its rating is awaited. */
  questions: z.array(z.string()).optional(),
  awaiting: z.enum(['answer', 'rating']).optional(),
});
export type RehearsalCursor = z.infer<typeof rehearsalCursorSchema>;

/** One candidate's rehearsal attempt; visible to that candidate alone. */
export const rehearsalSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string().min(1),
  userId: z.string().min(1),
  referentialId: z.string().min(1),
  /** A role-play sheet number, or 0 for the question drill. */
  sheet: z.number().int().nonnegative(),
  mode: z.enum(['ordered', 'shuffled', 'drill']),
  rev: z.number().int().nonnegative(),
  state: z.enum(['briefing', 'playing', 'awaiting_condition', 'debrief', 'done', 'abandoned']),
  /** The engine's own cursor (line order, position, pending condition). */
  cursor: rehearsalCursorSchema.default({}),
  /**
   * What was said, in order. `lineId` tells what a non-candidate entry is: a sheet line's id
   * (client), `cue` (the candidate opens), `condition:<id>`, `question:<id>` (drill).
   */
  transcript: z.array(
    z.object({ speaker: z.enum(['candidate', 'client', 'bot']), text: z.string(), at: isoInstant, lineId: z.string().optional() }),
  ),
  selfAssessment: z.record(z.string(), z.enum(['acquis', 'a_travailler'])).default({}),
  selfRating: z.number().int().min(0).max(100).nullable().default(null),
  /** Question drill: the candidate's self-rating per question id (optional: older records have none). */
  questionRatings: z.record(z.string(), z.number().int().min(0).max(100)).optional(),
  hintsUsed: z.number().int().nonnegative().default(0),
  /** When the play began (briefing: when the sheet was chosen). */
  startedAt: isoInstant,
  /** When the play ended (the client's closing line, or the last drill question). */
  endedAt: isoInstant.optional(),
  /** When the debrief was submitted. */
  debriefedAt: isoInstant.optional(),
  /** Fingerprint of the last card submission applied (double clicks are acknowledged silently). */
  lastSubmission: z.string().optional(),
});
export type Rehearsal = z.infer<typeof rehearsalSchema>;

/** Where a user is in their current flow, so that any message after a restart resumes there. */
export const userStateSchema = z.object({
  schemaVersion: z.literal(1),
  userId: z.string().min(1),
  flow: z.enum(['idle', 'interview', 'scoring', 'report', 'consolidation', 'rehearsal', 'profile']),
  evaluationId: z.string().optional(),
  rowId: z.string().optional(),
  rehearsalId: z.string().optional(),
  /** Last applied card submission (verb, ids, rev, values), to ignore double clicks. */
  lastSubmission: z.string().optional(),
  /** Where the juror is in an evaluation (kept apart from `flow` so a rehearsal does not lose it). */
  evaluationCursor: z
    .object({
      evaluationId: z.string().min(1),
      step: z.enum(['frame', 'notes', 'scoring', 'report']),
      rowId: z.string().optional(),
    })
    .optional(),
  /** A join code waiting for the user's name and function. */
  pendingJoinCode: z.string().optional(),
  /** Wrong join codes, to slow down guessing. */
  joinAttempts: z
    .object({ failures: z.number().int().nonnegative(), since: isoInstant, blockedUntil: isoInstant.optional() })
    .optional(),
  /** The bot start during which this user last wrote; a different one means a restart happened since. */
  bootId: z.string().optional(),
  updatedAt: isoInstant,
});
export type UserState = z.infer<typeof userStateSchema>;
