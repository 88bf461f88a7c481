import { z } from 'zod';
import { isoInstant } from './record-primitives.js';

/** The stored rehearsal attempt: the candidate's alone, apart from every jury record. */

/** Longest answer a candidate may type during a rehearsal (a longer one is refused, nothing changes). */
export const REHEARSAL_ANSWER_MAX = 2000;

/** What a client's entry written for the rehearsal does (absent: one of the sheet's lines). */
export const CLIENT_REACTIONS = ['acknowledge', 'insist', 'escalate', 'calm', 'hang_up', 'conclude'] as const;
export type ClientReaction = (typeof CLIENT_REACTIONS)[number];

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
  /** The call ended before its closing line's turn: the main criterion was met, or the client hung up. */
  endedBy: z.enum(['conclusion', 'hang_up']).optional(),
  /** The sheet's lines left unplayed when the call ended early (the debrief lists them as « non jouées »). */
  skipped: z.array(z.string()).optional(),
  /** The criteria whose hint `indice` already gave, in order. */
  hinted: z.array(z.string()).optional(),
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
   * (client), `cue` (the candidate opens), `condition:<id>`, `question:<id>` (drill). A client's
   * reaction (`reaction` set) carries the id of the line it reacts to; a candidate's answer, the
   * id of the line it answers.
   */
  transcript: z.array(
    z.object({
      speaker: z.enum(['candidate', 'client', 'bot']),
      text: z.string(),
      at: isoInstant,
      lineId: z.string().optional(),
      reaction: z.enum(CLIENT_REACTIONS).optional(),
    }),
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
