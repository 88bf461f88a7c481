import type { Referential } from '../referential/schema.js';
import type { Evaluation, Session } from './model.js';

/** What every state-changing operation receives instead of reading the clock or making ids. */
export interface OperationContext {
  /** The person acting (Teams aadObjectId, else the channel's from.id). */
  actorId: string;
  now: Date;
  /** Makes the id of each audit entry the operation returns. */
  newId: () => string;
}

/** For operations on an evaluation's grids and synthesis. */
export interface EvaluationContext extends OperationContext {
  referential: Referential;
  session: Session;
  evaluation: Evaluation;
}
