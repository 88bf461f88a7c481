import { memberGridSchema, type MemberGrid } from '../domain/model.js';
import { RecordStore, type StorageContext } from './record-store.js';
import { saveIfRev, type RevSaveResult } from './rev-guard.js';
import { storageKeys } from './storage-keys.js';
import type { Decide } from './update-with-retry.js';

/** Each member's grid for an evaluation, one partition each, so jurors never contend. */
export interface GridRepository {
  get(evaluationId: string, memberId: string): Promise<MemberGrid | undefined>;
  /** Saves if the stored grid is still at `expectedRev` (null: none yet); the grid carries its new rev. */
  save(grid: MemberGrid, expectedRev: number | null): Promise<RevSaveResult<MemberGrid>>;
  update<R>(evaluationId: string, memberId: string, decide: Decide<MemberGrid, R>): Promise<R>;
  /** The grids of these members that exist, in the order given. */
  listForEvaluation(evaluationId: string, memberIds: readonly string[]): Promise<MemberGrid[]>;
}

export function createGridRepository(context: StorageContext): GridRepository {
  const grids = new RecordStore(context, memberGridSchema);
  return {
    get: (evaluationId, memberId) => grids.get(storageKeys.grid(evaluationId, memberId)),
    async save(grid, expectedRev) {
      const { result, written } = await grids.update(storageKeys.grid(grid.evaluationId, grid.memberId), saveIfRev(grid, expectedRev));
      return result.type === 'saved' && written ? { type: 'saved', record: written } : result;
    },
    async update(evaluationId, memberId, decide) {
      return (await grids.update(storageKeys.grid(evaluationId, memberId), decide)).result;
    },
    listForEvaluation: (evaluationId, memberIds) => grids.getMany(memberIds.map((memberId) => storageKeys.grid(evaluationId, memberId))),
  };
}
