import { z } from 'zod';

/**
 * The rehearsal's card actions (STYLE.md 6), listed in src/bot/verbs.ts. Every verb that acts
 * on a rehearsal carries its id and the `rev` the card was rendered from. Values typed in an
 * Input.Number arrive as strings: they stay strings here and are checked by the engine
 * (parsePercentage), so "55,5" gets its own French message instead of a generic refusal.
 */

const MAX_ID = 100;

/** An integer as card data carries it: a JSON number, or the same digits as a string. */
const cardInt = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);

/** What an Input.Number sent: absent or empty when left blank. */
const typedNumber = z
  .union([z.string().max(40), z.number()])
  .optional()
  .transform((value) => (value === undefined ? '' : String(value)));

const onRehearsal = {
  rehearsalId: z.string().min(1).max(MAX_ID),
  rev: cardInt,
};

/** Debrief inputs for the criteria are named `criterion:<criterion id>`. */
export const CRITERION_INPUT_PREFIX = 'criterion:';

export const rehearsalVerbs = [
  z.object({ verb: z.literal('rehearsal.choose'), referentialId: z.string().min(1).max(MAX_ID), sheet: cardInt }),
  z.object({ verb: z.literal('rehearsal.start'), ...onRehearsal, mode: z.enum(['ordered', 'shuffled']) }),
  z.object({ verb: z.literal('rehearsal.condition'), ...onRehearsal, conditionId: z.string().min(1).max(MAX_ID), answer: z.enum(['oui', 'non']) }),
  // The criteria's inputs have one key each, named after the sheet's criteria: kept as they come, checked by the engine.
  z.object({ verb: z.literal('rehearsal.debrief'), ...onRehearsal, rating: typedNumber }).catchall(z.unknown()),
  z.object({ verb: z.literal('rehearsal.rate'), ...onRehearsal, questionId: z.string().min(1).max(MAX_ID), rating: typedNumber }),
  z.object({ verb: z.literal('rehearsal.erase'), answer: z.enum(['confirm', 'cancel']), askedAt: z.string().min(1).max(40) }),
] as const;

export type RehearsalSubmission = z.infer<(typeof rehearsalVerbs)[number]>;

/** The criteria values of a debrief submission: `criterion:<id>` keys, string values only. */
export function criteriaOf(submission: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(submission)) {
    if (key.startsWith(CRITERION_INPUT_PREFIX)) values[key.slice(CRITERION_INPUT_PREFIX.length)] = typeof value === 'string' ? value : '?';
  }
  return values;
}
