import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/storage/file-storage.js';
import { JuryHarness, rowIdOf } from '../helpers/jury.js';
import { inputsOf, cardWithVerb } from '../helpers/cards.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';
import { scoreAndSubmit, startAndEnd } from '../helpers/jury-scenarios.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A jury on file storage in a temp folder, as the real process keeps it. */
async function juryOnFiles(): Promise<JuryHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'jury-restart-'));
  folders.push(dir);
  const jury = new JuryHarness({ storage: new FileStorage({ dir }) });
  await jury.create('claire');
  await jury.joinAccepted('ines');
  await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
  jury.delivered('ines');
  return jury;
}

describe('a restart of the bot in the middle of an evaluation', () => {
  it('brings the juror back to the row they were on, with what they saved, and the notice still comes', async () => {
    const jury = await juryOnFiles();
    let replies = await jury.openGrid('ines', 'notes');
    replies = await jury.onRow('ines', replies, 'next', { notes: 'Accueil calme, reformule la demande' });
    replies = await jury.onRow('ines', replies, 'stay', { notes: 'Propose un avoir', source: 'both' });
    expect(rowIdOf(replies)).toBe('litige');

    // New adapter, bot and repositories on the same files; the clock moves past 35 minutes meanwhile.
    jury.restart();
    jury.clock.advance(36);
    await jury.app.scheduler.tick();
    expect(visibleText(jury.delivered('ines'))).toContain('35 min écoulées sur 45');

    const back = await jury.say('ines', 'bonjour');
    const shown = visibleText(back);
    expect(shown).toContain('Le bot a redémarré');
    expect(rowIdOf(back)).toBe('litige');
    const inputs = inputsOf(cardWithVerb(back, 'grid.save'));
    expect(inputs.notes).toBe('Propose un avoir');
    expect(inputs.source).toBe('both');
    expect(shown).toMatch(/Enregistré le 28\/11\/2026 à 09\u00a0h\u00a000/);

    // The next message of the same run is not a resume: plain help for unknown text.
    expect(visibleText(await jury.say('ines', 'bonjour'))).toContain("Je n'ai pas compris");
  });

  it('resumes the scoring pass on the same row after a restart, and `reprendre` does the same', async () => {
    const jury = await juryOnFiles();
    jury.clock.advance(40);
    await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    let replies = await jury.openGrid('ines', 'scoring');
    replies = await jury.onRow('ines', replies, 'next', { percentage: '70' });
    replies = await jury.onRow('ines', replies, 'next', { percentage: '55' });
    replies = await jury.onRow('ines', replies, 'stay', { percentage: '65', notes: 'Bonne maîtrise du taux de service' });
    expect(rowIdOf(replies)).toBe('gpa');

    jury.restart();
    const back = await jury.say('ines', 'reprendre');
    expect(rowIdOf(back)).toBe('gpa');
    const inputs = inputsOf(cardWithVerb(back, 'grid.save'));
    expect(inputs.percentage).toBe('65');
    expect(inputs.notes).toBe('Bonne maîtrise du taux de service');
    expect(visibleText(back)).toContain('Domaine 1/3 · Ligne 3/7');

    const grid = await jury.stored('ines');
    expect([grid.rows['delais']?.percentage, grid.rows['litige']?.percentage, grid.rows['gpa']?.percentage]).toEqual([70, 55, 65]);
  });

  it('answers a command typed after a restart, after the restart said once in one line, without the old card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jury-restart-'));
    folders.push(dir);
    const jury = new JuryHarness({ storage: new FileStorage({ dir }) });
    await jury.create('claire');
    await jury.joinAccepted('marc');
    await jury.joinAccepted('ines');
    await startAndEnd(jury);
    // Claire's last card is her submitted report.
    await scoreAndSubmit(jury, 'claire', [60, 60, 60, 60, 60, 60, 60]);

    jury.restart();
    const replies = await jury.say('claire', 'tableau de bord');
    const texts = replies.filter((r) => r.text && !r.attachments?.length).map((r) => r.text);
    expect(texts).toEqual(["Le bot a redémarré ; rien de ce que vous aviez enregistré n'est perdu."]);
    // Then the answer itself, and only it: the dashboard, no report card.
    const cards = cardsOf(replies);
    expect(cards).toHaveLength(1);
    expect(visibleText(replies)).toContain('Tableau de bord');
    expect(visibleText(replies)).not.toContain('Grille de report');

    const again = visibleText(await jury.say('claire', 'tableau de bord'));
    expect(again).not.toContain('Le bot a redémarré');
    expect(again).toContain('Tableau de bord');
  });

  it('drops a notice that would arrive more than 5 minutes late', async () => {
    const jury = await juryOnFiles();
    jury.restart();
    jury.clock.advance(41);
    await jury.app.scheduler.tick();
    expect(visibleText(jury.delivered('ines'))).not.toContain('35 min écoulées');
    jury.clock.advance(4);
    await jury.app.scheduler.tick();
    expect(visibleText(jury.delivered('ines'))).toContain('est écoulé');
  });

  it('never hands over, more than 5 minutes late, a notice that could not reach the juror in time', async () => {
    const jury = await juryOnFiles();
    jury.transport.failFor('ines');
    jury.clock.advance(35);
    await jury.app.scheduler.tick();
    expect(visibleText(jury.delivered('ines'))).not.toContain('35 min écoulées');
    jury.transport.recover('ines');
    jury.clock.advance(3);
    // Back within the 5 minutes: the notice still means something and is handed over.
    expect(visibleText(await jury.say('ines', 'reprendre'))).toContain('35 min écoulées');

    const late = await juryOnFiles();
    late.transport.failFor('ines');
    late.clock.advance(35);
    await late.app.scheduler.tick();
    late.transport.recover('ines');
    late.clock.advance(8);
    expect(visibleText(await late.say('ines', 'reprendre'))).not.toContain('35 min écoulées');
  });
});
