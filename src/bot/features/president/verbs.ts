import { z } from 'zod';
import { inputNames } from '../../../cards/input-names.js';

/**
 * Card actions of the president (and the lone professional): consolidation,
 * signature, dashboards, corrections. `rev` is the synthesis revision; `evaluationRev` the
 * evaluation's, on every form that changes it (absent on an old card: refused as stale).
 */
const id = z.string().min(1).max(200);
const rev = z.coerce.number().int().nonnegative();
/** Free text from an input; no length here (the body limit bounds it): the flows name the limit and give the text back. */
const text = z.string();
const evaluationRev = rev.optional();
const flag = z.union([z.boolean(), z.string().max(10)]).optional();

export const presidentVerbs = [
  z.object({ verb: z.literal('dashboard.open') }),
  z.object({ verb: z.literal('dashboard.day'), sessionId: id }),
  z.object({ verb: z.literal('export.open'), sessionId: id }),
  z.object({ verb: z.literal('export.links'), sessionId: id }),
  z.object({ verb: z.literal('synthesis.open'), evaluationId: id }),
  z.object({ verb: z.literal('synthesis.save'), evaluationId: id, rev, comment: text.optional() }).catchall(z.unknown()),
  z.object({ verb: z.literal('synthesis.preview'), evaluationId: id, rev, comment: text.optional() }).catchall(z.unknown()),
  z.object({ verb: z.literal('synthesis.sign'), evaluationId: id, rev }),
  z.object({ verb: z.literal('synthesis.pdf'), evaluationId: id }),
  z.object({ verb: z.literal('synthesis.reopenForm'), evaluationId: id }),
  z.object({ verb: z.literal('synthesis.reopen'), evaluationId: id, evaluationRev, reason: text.optional() }),
  z.object({ verb: z.literal('evaluation.remind'), evaluationId: id, evaluationRev, confirm: flag }),
  z.object({ verb: z.literal('evaluation.close'), evaluationId: id, evaluationRev, confirm: flag }),
  z.object({ verb: z.literal('evaluation.cancelForm'), evaluationId: id }),
  z.object({ verb: z.literal('evaluation.cancel'), evaluationId: id, evaluationRev, reason: text.optional() }),
  z.object({ verb: z.literal('evaluation.headerForm'), evaluationId: id }),
  z.object({
    verb: z.literal('evaluation.header'),
    evaluationId: id,
    evaluationRev,
    date: z.string().max(40).optional(),
    candidateLastName: text.optional(),
    candidateFirstName: text.optional(),
    company: text.optional(),
  }),
  // page and total stay loose here: the flow refuses a bad or stale page in French rather than as a broken card.
  z.object({ verb: z.literal('evaluation.audit'), evaluationId: id, page: z.union([z.string().max(20), z.number()]).optional(), total: z.union([z.string().max(20), z.number()]).optional() }),
  z.object({ verb: z.literal('grid.reopenForm'), evaluationId: id }),
  z.object({ verb: z.literal('grid.reopen'), evaluationId: id, evaluationRev, memberId: z.string().max(200).optional(), reason: text.optional() }),
] as const;

export type PresidentSubmission = z.infer<(typeof presidentVerbs)[number]>;

/** The consolidation card's per-domain inputs, named by cards/input-names.ts. */
export function agreementInputs(value: Record<string, unknown>, domainIds: readonly string[]) {
  const read = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : value[key] === true ? 'true' : undefined);
  return domainIds.map((domainId) => ({
    domainId,
    agreed: read(inputNames.agreed(domainId)),
    notEvaluated: read(inputNames.notEvaluated(domainId)) === 'true',
    reason: read(inputNames.reason(domainId)),
  }));
}
