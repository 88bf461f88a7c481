import { z } from 'zod';
import { sourceSchema } from '../referential/schema.js';
import { percentageSchema } from './percentage.js';
import { isoDate, isoInstant, LIMITS, personSchema } from './record-primitives.js';

/**
 * Stored records of the domain: the jury day, its evaluations, grids, syntheses and audit
 * here; the rehearsal and the per-person records beside it. Every record carries a schema
 * version so that a later change of shape can be migrated on read; every edge (storage,
 * cards) parses with these schemas.
 */

// One door for every record module, so that callers import records from one place.
export * from './record-primitives.js';
export * from './rehearsal-record.js';
export * from './user-records.js';

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
  /**
   * Grows with every stored change (the repository bumps it): the president's forms carry it,
   * so a form shown before another change is refused as stale. 0 for records written before it.
   */
  rev: z.number().int().nonnegative().default(0),
  /** Fingerprint of the last president form applied (see memberGridSchema): its double click is not stale. */
  lastSubmission: z.string().optional(),
  /**
   * The synthesis revision the signed / not signed state was last settled from (lifecycle.ts,
   * settleWithSynthesis): a reader holding an older synthesis never overrides a newer settlement.
   */
  synthesisRev: z.number().int().nonnegative().optional(),
  startedAt: isoInstant.optional(),
  endedAt: isoInstant.optional(),
  /**
   * Whether the president fills a grid too (the guide's president is a juror who presides).
   * False when they preside without scoring; absent on records made before the choice existed: scores.
   */
  presidentScores: z.boolean().optional(),
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
  percentage: percentageSchema.default(null),
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
  percentage: percentageSchema,
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
  replaced: z
    .array(
      signedVersionSchema.extend({
        replacedAt: isoInstant,
        reason: z.string().min(1).max(LIMITS.reason),
        /** Who reopened it (the president); absent on versions replaced before it was recorded. */
        replacedBy: z.string().optional(),
      }),
    )
    .default([]),
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
