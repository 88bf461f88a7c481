import { z } from 'zod';
import { COMMAND_IDS } from './commands.js';

/**
 * Every card action's payload, declared once (STYLE.md 6). Card buttons are
 * Action.Submit whose `data.verb` selects the schema; anything else is refused.
 */
export const submissionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('command.run'), command: z.enum(COMMAND_IDS) }),
]);

export type Submission = z.infer<typeof submissionSchema>;

export type ParsedSubmission = { type: 'ok'; submission: Submission } | { type: 'invalid' };

export function parseSubmission(value: unknown): ParsedSubmission {
  const parsed = submissionSchema.safeParse(value);
  return parsed.success ? { type: 'ok', submission: parsed.data } : { type: 'invalid' };
}
