import { z } from 'zod';
import { evaluationVerbs } from './features/evaluation/verbs.js';
import { helpVerbs } from './features/help/help-feature.js';
import { presidentVerbs } from './features/president/verbs.js';
import { rehearsalVerbs } from './features/rehearsal/verbs.js';
import { isWellFormedDeep } from '../well-formed-text.js';
import { withoutBidi } from './without-bidi.js';
import type { FeatureName } from './feature.js';

/**
 * Every card action's payload, parsed by one discriminated union on `verb`
 * (STYLE.md 6). Each feature declares its own verbs; they are listed here.
 */
export const submissionSchema = z.discriminatedUnion('verb', [...helpVerbs, ...evaluationVerbs, ...presidentVerbs, ...rehearsalVerbs]);

export type Submission = z.infer<typeof submissionSchema>;

export type Verb = Submission['verb'];

/**
 * Which feature answers each card verb. Exhaustive on purpose: a verb added to a feature's
 * schema without a line here does not compile, and the router never guesses from a prefix.
 */
export const VERB_FEATURES: Readonly<Record<Verb, FeatureName>> = {
  'command.run': 'help',
  'evaluation.create': 'evaluation',
  'profile.save': 'evaluation',
  'session.decide': 'evaluation',
  'evaluation.frame': 'evaluation',
  'evaluation.start': 'evaluation',
  'evaluation.end': 'evaluation',
  'grid.open': 'evaluation',
  'grid.save': 'evaluation',
  'grid.lines': 'evaluation',
  'grid.report': 'evaluation',
  'grid.notes': 'evaluation',
  'grid.comments': 'evaluation',
  'grid.submit': 'evaluation',
  'dashboard.open': 'president',
  'dashboard.day': 'president',
  'export.open': 'president',
  'export.links': 'president',
  'synthesis.open': 'president',
  'synthesis.save': 'president',
  'synthesis.preview': 'president',
  'synthesis.sign': 'president',
  'synthesis.pdf': 'president',
  'synthesis.reopenForm': 'president',
  'synthesis.reopen': 'president',
  'evaluation.remind': 'president',
  'evaluation.close': 'president',
  'evaluation.cancelForm': 'president',
  'evaluation.cancel': 'president',
  'evaluation.headerForm': 'president',
  'evaluation.header': 'president',
  'evaluation.audit': 'president',
  'grid.reopenForm': 'president',
  'grid.reopen': 'president',
  'rehearsal.choose': 'rehearsal',
  'rehearsal.start': 'rehearsal',
  'rehearsal.condition': 'rehearsal',
  'rehearsal.debrief': 'rehearsal',
  'rehearsal.rate': 'rehearsal',
  'rehearsal.erase': 'rehearsal',
};

export type ParsedSubmission = { type: 'ok'; submission: Submission } | { type: 'invalid' };

export function parseSubmission(value: unknown): ParsedSubmission {
  // The input edge: text typed in a card loses its bidirectional controls before anything is saved.
  if (!isWellFormedDeep(value)) return { type: 'invalid' };
  const parsed = submissionSchema.safeParse(withoutBidi(value));
  return parsed.success ? { type: 'ok', submission: parsed.data } : { type: 'invalid' };
}
