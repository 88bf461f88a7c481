import { synthesisSchema, type Synthesis } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { saveIfRev, type RevSaveResult } from './rev-guard.js';
import { storageKeys } from './storage-keys.js';
import type { Decide } from './update-with-retry.js';

/** The president's synthesis of an evaluation, with its own rev. */
export interface SynthesisRepository {
  get(evaluationId: string): Promise<Synthesis | undefined>;
  /** Saves if the stored synthesis is still at `expectedRev` (null: none yet). */
  save(synthesis: Synthesis, expectedRev: number | null): Promise<RevSaveResult<Synthesis>>;
  update<R>(evaluationId: string, decide: Decide<Synthesis, R>): Promise<R>;
}

export function createSynthesisRepository(context: StorageContext): SynthesisRepository {
  const syntheses = new RecordStore(context, synthesisSchema);
  return {
    get: (evaluationId) => syntheses.get(storageKeys.synthesis(evaluationId)),
    async save(synthesis, expectedRev) {
      const { result, written } = await syntheses.update(storageKeys.synthesis(synthesis.evaluationId), saveIfRev(synthesis, expectedRev));
      return result.type === 'saved' && written ? { type: 'saved', record: written } : result;
    },
    async update(evaluationId, decide) {
      return (await syntheses.update(storageKeys.synthesis(evaluationId), decide)).result;
    },
  };
}
