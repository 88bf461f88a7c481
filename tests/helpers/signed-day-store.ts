import { FileStorage } from '../../src/storage/file-storage.js';
import { createRepositories } from '../../src/storage/repositories.js';
import { evaluationRecord, sessionRecord, synthesisRecord, UNSIGNED_EVALUATION_ID } from './signed-synthesis.js';

/**
 * A store folder holding the day of signed-synthesis.ts: one signed evaluation and one
 * consolidated but unsigned, as a bot leaves them. The folder's lock is given back, so that
 * a bot process started next takes it.
 */
export async function seedSignedDay(store: string): Promise<void> {
  const storage = new FileStorage({ dir: store });
  const repositories = createRepositories(storage);
  await repositories.sessions.save(sessionRecord());
  await repositories.evaluations.save(evaluationRecord());
  await repositories.syntheses.save(synthesisRecord(), null);
  await repositories.evaluations.save(evaluationRecord({ id: UNSIGNED_EVALUATION_ID, header: { ...evaluationRecord().header, candidateLastName: 'Morel' }, state: 'consolidated' }));
  const { signed: _signed, ...draft } = synthesisRecord({ evaluationId: UNSIGNED_EVALUATION_ID });
  await repositories.syntheses.save(draft, null);
  await storage.close();
}
