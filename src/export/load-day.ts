import type { Evaluation, Session, Synthesis } from '../domain/index.js';
import type { Repositories } from '../storage/repositories.js';

export interface DayRecords {
  session: Session;
  /** The day's evaluations, in the day's order. */
  evaluations: Evaluation[];
  /** By evaluation id; absent until a consolidation started. */
  syntheses: Map<string, Synthesis>;
}

/** A jury day with its evaluations and their syntheses, read once for the card or the download. */
export async function loadDay(repositories: Repositories, sessionId: string): Promise<DayRecords | undefined> {
  const session = await repositories.sessions.get(sessionId);
  if (!session) return undefined;
  const found = await repositories.evaluations.getMany(session.evaluationIds);
  const byId = new Map(found.map((e) => [e.id, e]));
  const evaluations = session.evaluationIds.flatMap((id) => byId.get(id) ?? []);
  const syntheses = new Map<string, Synthesis>();
  for (const evaluation of evaluations) {
    const synthesis = await repositories.syntheses.get(evaluation.id);
    if (synthesis) syntheses.set(evaluation.id, synthesis);
  }
  return { session, evaluations, syntheses };
}
