import type { Activity } from 'botbuilder';
import { JuryHarness, type PersonKey } from './jury.js';

export const ROW_IDS = ['delais', 'litige', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges'];

/** Scores every row of a juror's grid (null = "non évalué") and submits with per-domain comments; returns the replies. */
export async function scoreAndSubmit(
  jury: JuryHarness,
  who: PersonKey,
  scores: (number | null)[],
  comments: Record<string, string> = {},
): Promise<Partial<Activity>[]> {
  let replies = await jury.openGrid(who, 'scoring');
  for (const [index] of ROW_IDS.entries()) {
    const score = scores[index] ?? null;
    const typed: Record<string, string> = score === null ? { notEvaluated: 'true', notEvaluatedReason: 'Non observé', percentage: '' } : { percentage: String(score) };
    replies = await jury.onRow(who, replies, index === ROW_IDS.length - 1 ? 'report' : 'next', typed);
  }
  const typedComments = Object.fromEntries(Object.entries(comments).map(([domain, text]) => [`comment_${domain}`, text]));
  let submitted = await jury.click(who, replies, 'grid.submit', (a) => a.data.confirmEmpty === undefined, typedComments);
  if (JSON.stringify(submitted).includes('confirmEmpty')) submitted = await jury.click(who, submitted, 'grid.submit', (a) => a.data.confirmEmpty === true || a.data.confirmEmpty === 'true');
  return submitted;
}

/** A jury (Claire presiding, Marc and Inès) whose interview has run 43 minutes and ended. */
export async function endedJury(jury = new JuryHarness(), candidate?: { last: string; first: string; company: string }): Promise<JuryHarness> {
  await jury.create('claire', 'jury', candidate);
  if (!(await jury.app.repositories.sessions.findByCode('tenant-test', jury.code))?.members.length) {
    await jury.joinAccepted('marc');
    await jury.joinAccepted('ines');
  }
  await startAndEnd(jury);
  return jury;
}

export async function startAndEnd(jury: JuryHarness, minutes = 43): Promise<void> {
  await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
  jury.clock.advance(minutes);
  await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
  for (const who of ['claire', 'marc', 'ines'] as const) jury.delivered(who);
}
