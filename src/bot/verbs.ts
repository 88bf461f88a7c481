import { z } from 'zod';
import { evaluationVerbs } from './features/evaluation/verbs.js';
import { helpVerbs } from './features/help/help-feature.js';
import { presidentVerbs } from './features/president/verbs.js';
import { rehearsalVerbs } from './features/rehearsal/verbs.js';
import { isWellFormedDeep } from '../well-formed-text.js';
import { withoutBidi } from './without-bidi.js';

/**
 * Every card action's payload, parsed by one discriminated union on `verb`
 * (STYLE.md 6). Each feature declares its own verbs; they are listed here.
 */
export const submissionSchema = z.discriminatedUnion('verb', [...helpVerbs, ...evaluationVerbs, ...presidentVerbs, ...rehearsalVerbs]);

export type Submission = z.infer<typeof submissionSchema>;

export type ParsedSubmission = { type: 'ok'; submission: Submission } | { type: 'invalid' };

export function parseSubmission(value: unknown): ParsedSubmission {
  // The input edge: text typed in a card loses its bidirectional controls before anything is saved.
  if (!isWellFormedDeep(value)) return { type: 'invalid' };
  const parsed = submissionSchema.safeParse(withoutBidi(value));
  return parsed.success ? { type: 'ok', submission: parsed.data } : { type: 'invalid' };
}
