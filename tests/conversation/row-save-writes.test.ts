import { MemoryStorage, type StoreItems } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { JuryHarness, rowIdOf } from '../helpers/jury.js';

/** MemoryStorage that remembers which partitions each turn wrote. */
class RecordingStorage extends MemoryStorage {
  written: string[] = [];
  override write(changes: StoreItems): Promise<void> {
    this.written.push(...Object.keys(changes).map((key) => key.split('/')[0] ?? key));
    return super.write(changes);
  }
}

async function scoringJuror(): Promise<{ jury: JuryHarness; storage: RecordingStorage; row: Awaited<ReturnType<JuryHarness['professionalScoring']>> }> {
  const storage = new RecordingStorage();
  const jury = new JuryHarness({ storage });
  const row = await jury.professionalScoring();
  return { jury, storage, row };
}

describe('a row save writes only what changed', () => {
  it('writes the grid and one bounded audit chunk; the user state only when the juror moves to another row', async () => {
    const { jury, storage, row: first } = await scoringJuror();
    let row = await jury.onRow('claire', first, 'stay', { percentage: '55' });

    storage.written = [];
    row = await jury.onRow('claire', row, 'stay', { percentage: '60', notes: 'Reformule la demande' });
    expect(storage.written.sort()).toEqual(['audit-chunk', 'grid']);

    storage.written = [];
    row = await jury.onRow('claire', row, 'next', { percentage: '65' });
    expect(rowIdOf(row)).toBe('litige');
    expect(storage.written.sort()).toEqual(['audit-chunk', 'grid', 'user-state']);
  });

  it('keeps the conversation reference as it was when only the activity id changes', async () => {
    const { jury, storage } = await scoringJuror();
    await jury.say('claire', 'aide');
    storage.written = [];
    await jury.say('claire', 'aide');
    await jury.say('claire', 'tableau de bord');
    expect(storage.written).not.toContain('conversation-reference');
  });
});
