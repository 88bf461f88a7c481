import { describe, expect, it } from 'vitest';
import { referentialTexts } from '../../src/referential/load-referentials.js';
import { JuryHarness } from '../helpers/jury.js';
import { visibleText } from '../helpers/test-app.js';

describe('everything the guide gives the juror is on a card they can reach', () => {
  it('shows every question, relaunch, stage direction, success criterion, step, principle and descriptor', async () => {
    const jury = new JuryHarness();
    const created = await jury.create('claire');
    await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    const referential = jury.app.referentials.get('cqp-agc');
    if (!referential) throw new Error('referential');

    const seen: string[] = [visibleText(created)];
    for (const domain of referential.domains) {
      for (const row of domain.rows) {
        for (const phase of ['notes', 'scoring'] as const) {
          const card = await jury.chat('claire').submit({ verb: 'grid.open', evaluationId: jury.evaluationId, phase, rowId: row.id });
          seen.push(visibleText(card));
          // The prompter is the interview's tool: the notes card has it.
          for (const sheet of phase === 'notes' ? row.rolePlays : []) {
            const prompter = await jury.onRow('claire', card, 'prompter', {}, (a) => Number(a.data.sheet) === sheet);
            seen.push(visibleText(prompter));
          }
        }
      }
    }
    const all = seen.join('\n');
    const texts = referentialTexts(referential);
    const missing = texts.filter((item) => !all.includes(item.text)).map((item) => `${item.kind} ${item.id}: ${item.text}`);
    expect(missing).toEqual([]);
    for (const kind of ['question', 'relaunch', 'direction', 'conditional', 'criterion', 'descriptor', 'step', 'principle']) {
      expect(texts.some((t) => t.kind === kind)).toBe(true);
    }
  });
});
