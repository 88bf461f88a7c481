import { z } from 'zod';
import { inputNames, ROW_INPUTS } from '../../../cards/input-names.js';

/**
 * Card actions of the juror's walk-through. Ids say what the action acts on;
 * `rev` is the revision of the member's grid the card was rendered from
 * (never the evaluation's), so two jurors never make each other's cards stale.
 * Input values arrive as strings (Input.Number included).
 */
const id = z.string().min(1).max(200);
const rev = z.coerce.number().int().nonnegative();
const phase = z.enum(['notes', 'scoring']);
/**
 * Free text from an input. No length here: the body limit bounds it, and the domain checks it so
 * the user hears how long it was and gets the text back (a schema refusal would lose both).
 */
const text = z.string();
/** Multi-select ChoiceSet values: "a,b,c" (or an array from some clients). */
const idList = z
  .union([z.string().max(4_000), z.array(z.string().max(200)).max(100)])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter(Boolean));

export const ROW_NEXT_STEPS = ['stay', 'next', 'previous', 'goto', 'pause', 'prompter', 'report'] as const;

export const evaluationVerbs = [
  z.object({
    verb: z.literal('evaluation.create'),
    date: z.string().max(40).optional(),
    mode: z.string().max(40).optional(),
    presidentScores: z.string().max(40).optional(),
    candidateLastName: text.optional(),
    candidateFirstName: text.optional(),
    company: text.optional(),
    creatorName: text.optional(),
    creatorFunction: text.optional(),
  }),
  z.object({ verb: z.literal('profile.save'), name: text.optional(), function: text.optional() }),
  z.object({ verb: z.literal('session.decide'), sessionId: id, personId: id, decision: z.enum(['accept', 'refuse']) }),
  z.object({ verb: z.literal('evaluation.frame'), evaluationId: id }),
  z.object({ verb: z.literal('evaluation.start'), evaluationId: id }),
  z.object({ verb: z.literal('evaluation.end'), evaluationId: id }),
  z.object({ verb: z.literal('grid.open'), evaluationId: id, phase: phase.optional(), rowId: id.optional() }),
  z.object({
    verb: z.literal('grid.save'),
    evaluationId: id,
    rowId: id,
    rev,
    phase,
    then: z.enum(ROW_NEXT_STEPS),
    pick: z.coerce.number().optional(),
    sheet: z.coerce.number().int().positive().optional(),
    // The row card's inputs, by the names the card gives them.
    [ROW_INPUTS.notes]: text.optional(),
    [ROW_INPUTS.source]: z.string().max(40).optional(),
    [ROW_INPUTS.questionsUsed]: idList.optional(),
    [ROW_INPUTS.percentage]: z.union([z.string().max(40), z.number()]).optional(),
    [ROW_INPUTS.notEvaluated]: z.union([z.string().max(10), z.boolean()]).optional(),
    [ROW_INPUTS.notEvaluatedReason]: text.optional(),
    [ROW_INPUTS.gotoRow]: z.string().max(200).optional(),
  }),
  z.object({
    verb: z.literal('grid.lines'),
    evaluationId: id,
    rowId: id,
    rev,
    phase,
    sheet: z.coerce.number().int().positive(),
    linesUsed: idList.optional(),
  }),
  z.object({ verb: z.literal('grid.report'), evaluationId: id }),
  z.object({ verb: z.literal('grid.notes'), evaluationId: id, rowId: id }),
  z
    .object({ verb: z.literal('grid.comments'), evaluationId: id, rev })
    .catchall(z.unknown()),
  z
    .object({
      verb: z.literal('grid.submit'),
      evaluationId: id,
      rev,
      confirmEmpty: z.union([z.boolean(), z.string().max(10)]).optional(),
      comments: z.record(z.string().max(200), text).optional(),
    })
    .catchall(z.unknown()),
] as const;

export type EvaluationSubmission = z.infer<(typeof evaluationVerbs)[number]>;

/** Comments typed on the report card, by domain (their inputs are named by cards/input-names.ts). */
export function commentsFrom(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, v]) => {
      const domainId = inputNames.commentedDomain(key);
      return domainId !== undefined && typeof v === 'string' ? [[domainId, v]] : [];
    }),
  );
}
