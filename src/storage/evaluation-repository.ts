import { evaluationSchema, type Evaluation } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';
import type { Decide } from './update-with-retry.js';

/** One candidate's evaluation (a session lists its evaluation ids). */
export interface EvaluationRepository {
  get(evaluationId: string): Promise<Evaluation | undefined>;
  /** The evaluations found, in the order asked; unknown ids are left out. */
  getMany(evaluationIds: readonly string[]): Promise<Evaluation[]>;
  /** Creates or replaces (last write wins). */
  save(evaluation: Evaluation): Promise<Evaluation>;
  /** State changes that may race (first submission ends the interview): conflicts are retried. */
  update<R>(evaluationId: string, decide: Decide<Evaluation, R>): Promise<R>;
}

export function createEvaluationRepository(context: StorageContext): EvaluationRepository {
  const evaluations = new RecordStore(context, evaluationSchema);
  return {
    get: (evaluationId) => evaluations.get(storageKeys.evaluation(evaluationId)),
    getMany: (evaluationIds) => evaluations.getMany(evaluationIds.map(storageKeys.evaluation)),
    save: (evaluation) => evaluations.put(storageKeys.evaluation(evaluation.id), evaluation),
    async update(evaluationId, decide) {
      return (await evaluations.update(storageKeys.evaluation(evaluationId), decide)).result;
    },
  };
}
