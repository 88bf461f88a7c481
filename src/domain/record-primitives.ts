import { z } from 'zod';

/** The limits and field shapes every stored record shares (kept apart so record modules import no cycle). */

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
