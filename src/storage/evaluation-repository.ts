import { settleWithSynthesis } from '../domain/synthesis-operations.js';
import { evaluationSchema, type Evaluation, type EvaluationState, type Synthesis } from '../domain/model.js';
import type { AuditRepository } from './audit-repository.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { storageKeys } from './storage-keys.js';
import type { SynthesisRepository } from './synthesis-repository.js';
import type { Decide } from './update-with-retry.js';

/** One candidate's evaluation (a session lists its evaluation ids). */
export interface EvaluationRepository {
  /** The evaluation, settled with its synthesis first (see `settle`). */
  get(evaluationId: string): Promise<Evaluation | undefined>;
  /** The evaluations found, in the order asked; unknown ids are left out. Settled as `get`. */
  getMany(evaluationIds: readonly string[]): Promise<Evaluation[]>;
  /** Creates or replaces (last write wins): only for a new evaluation, which nobody else knows yet. */
  save(evaluation: Evaluation): Promise<Evaluation>;
  /**
   * Every change of an existing evaluation: conflicts are retried, `decide` sees the stored
   * record each time. Each write bumps `rev` (what the president's forms carry).
   */
  update<R>(evaluationId: string, decide: Decide<Evaluation, R>): Promise<R>;
  /**
   * Brings the evaluation's state in line with its synthesis, the one source of truth of a
   * signature (domain `settleWithSynthesis`): the signer calls it right after writing the
   * synthesis, and every read calls it, so a process killed between the two writes leaves
   * nothing that a later read does not complete. Idempotent; returns the evaluation as stored.
   */
  settle(evaluationId: string, synthesis: Synthesis | undefined): Promise<Evaluation | undefined>;
}

/** States in which the synthesis may say otherwise (signed, or a signature reopened). */
const SETTLED_BY_SYNTHESIS: readonly EvaluationState[] = ['consolidated', 'submitted', 'signed'];

export function createEvaluationRepository(
  context: StorageContext,
  related: { syntheses: SynthesisRepository; audit: AuditRepository },
): EvaluationRepository {
  const evaluations = new RecordStore(context, evaluationSchema);

  const update = async <R>(evaluationId: string, decide: Decide<Evaluation, R>): Promise<R> => {
    const { result } = await evaluations.update<R>(storageKeys.evaluation(evaluationId), (current) => {
      const decision = decide(current);
      return 'write' in decision ? { ...decision, write: { ...decision.write, rev: (current?.rev ?? -1) + 1 } } : decision;
    });
    return result;
  };

  const settle = async (evaluationId: string, synthesis: Synthesis | undefined): Promise<Evaluation | undefined> => {
    const seen = await evaluations.get(storageKeys.evaluation(evaluationId));
    if (!seen) return undefined;
    const settlement = settleWithSynthesis(seen, synthesis);
    if (settlement.type === 'unchanged') return seen;
    // The entries first: derived from the synthesis with fixed ids, they are written once however often this runs.
    for (const entry of settlement.audit) await related.audit.append(entry);
    return update<Evaluation | undefined>(evaluationId, (current) => {
      if (!current) return { result: undefined };
      const again = settleWithSynthesis(current, synthesis);
      return again.type === 'changed' ? { write: again.evaluation, result: { ...again.evaluation, rev: current.rev + 1 } } : { result: current };
    });
  };

  const settled = async (evaluation: Evaluation): Promise<Evaluation> => {
    if (!SETTLED_BY_SYNTHESIS.includes(evaluation.state)) return evaluation;
    const synthesis = await related.syntheses.get(evaluation.id);
    if (settleWithSynthesis(evaluation, synthesis).type === 'unchanged') return evaluation;
    return (await settle(evaluation.id, synthesis)) ?? evaluation;
  };

  return {
    async get(evaluationId) {
      const evaluation = await evaluations.get(storageKeys.evaluation(evaluationId));
      return evaluation ? settled(evaluation) : undefined;
    },
    async getMany(evaluationIds) {
      const found = await evaluations.getMany(evaluationIds.map(storageKeys.evaluation));
      return Promise.all(found.map(settled));
    },
    save: (evaluation) => evaluations.put(storageKeys.evaluation(evaluation.id), evaluation),
    async update(evaluationId, decide) {
      // Settled first, so that `decide` never acts on a state the synthesis has overtaken.
      await this.get(evaluationId);
      return update(evaluationId, decide);
    },
    settle,
  };
}
