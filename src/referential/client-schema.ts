import { z } from 'zod';

/**
 * How the client of a role-play sheet reacts to the candidate's answers, as data: the key
 * ideas an answer may touch (keyword groups), and per line of the sheet the ideas expected
 * and what the client says when they are missing. Every line here is written for the
 * rehearsal, never the sheet's own words: each carries `fromSheet: false`.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'identifiant attendu : minuscules, chiffres, tirets');
const text = z.string().trim().min(1);

/** A line the client says that the sheet does not contain. */
export const addedLineSchema = z.object({ text, fromSheet: z.literal(false) });
export type AddedLine = z.infer<typeof addedLineSchema>;

/** A key idea: touched when one of its keywords is in the answer (negation-aware, see keyword-match). */
export const ideaSchema = z.object({ id, label: text, keywords: z.array(text).min(1) });
export type Idea = z.infer<typeof ideaSchema>;

export const lineReactionSchema = z.object({
  /** The id of the sheet's line (a relaunch, a direction, the opening, a conditional line) this is about. */
  line: id,
  /** Ideas an answer to this line is expected to touch; any one of them makes a good answer. */
  expects: z.array(id).min(1),
  /** Said once when the answer touches none of them, is very short or only apologises; then the script moves on. */
  insist: addedLineSchema,
  /** Said instead of an acknowledgement after a good answer (the insulting client calms down). */
  calmed: addedLineSchema.optional(),
  /** When set, the client hangs up (the call ends) on a curt or rude answer, or on a second poor one. */
  hangUp: addedLineSchema.optional(),
});
export type LineReaction = z.infer<typeof lineReactionSchema>;

export const clientSchema = z.object({
  ideas: z.array(ideaSchema).min(1),
  reactions: z.array(lineReactionSchema).default([]),
  /** Said before the next line after a good answer, in turn, so that they do not repeat. */
  acknowledgements: z.array(addedLineSchema).min(1),
  /** An answer with fewer words than this is too short to answer anything. */
  shortAnswerWords: z.number().int().positive().default(4),
  /** Curt or refusing words: with no proposal in the answer, the client escalates. */
  escalation: z.object({ keywords: z.array(text).min(1), lines: z.array(addedLineSchema).min(1) }),
  /** After an escalation, an answer that acknowledges the problem and proposes something calms the client. */
  calming: z.object({
    acknowledges: z.array(id).min(1),
    proposes: z.array(id).min(1),
    lines: z.array(addedLineSchema).min(1),
  }),
  /**
   * The sheet's main success criterion met in one answer (all these ideas in it): the client
   * says `line` if any, then the sheet's closing line; the lines not yet played are skipped.
   */
  conclusion: z.object({ criterion: id, ideas: z.array(id).min(1), line: addedLineSchema.optional() }).optional(),
});
export type Client = z.infer<typeof clientSchema>;

interface SheetRefs {
  lines: readonly { id: string; type: string }[];
  successCriteria: readonly { id: string }[];
}

/** The cross-references a sheet's client data must satisfy, as zod issues on the sheet. */
export function checkClient(client: Client, sheet: SheetRefs, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['client', ...path], message });
  const ideaIds = new Set<string>();
  client.ideas.forEach((idea, i) => {
    if (ideaIds.has(idea.id)) issue(['ideas', i, 'id'], `idée en double : ${idea.id}`);
    ideaIds.add(idea.id);
  });
  const checkIdeas = (ids: readonly string[], path: (string | number)[]) =>
    ids.forEach((ideaId, k) => {
      if (!ideaIds.has(ideaId)) issue([...path, k], `idée inconnue : ${ideaId}`);
    });
  const seen = new Set<string>();
  client.reactions.forEach((reaction, i) => {
    const line = sheet.lines.find((l) => l.id === reaction.line);
    if (!line) issue(['reactions', i, 'line'], `réplique inconnue : ${reaction.line}`);
    else if (line.type === 'closing') issue(['reactions', i, 'line'], `la réplique de fin n'attend pas de réponse : ${reaction.line}`);
    if (seen.has(reaction.line)) issue(['reactions', i, 'line'], `réplique en double : ${reaction.line}`);
    seen.add(reaction.line);
    checkIdeas(reaction.expects, ['reactions', i, 'expects']);
  });
  checkIdeas(client.calming.acknowledges, ['calming', 'acknowledges']);
  checkIdeas(client.calming.proposes, ['calming', 'proposes']);
  if (client.conclusion) {
    if (!sheet.successCriteria.some((c) => c.id === client.conclusion?.criterion)) {
      issue(['conclusion', 'criterion'], `critère inconnu : ${client.conclusion.criterion}`);
    }
    checkIdeas(client.conclusion.ideas, ['conclusion', 'ideas']);
  }
}
