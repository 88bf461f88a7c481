import { describe, expect, it } from 'vitest';
import { cardWithVerb, clickPayload, inputsOf } from '../helpers/cards.js';
import { JuryHarness, rowIdOf } from '../helpers/jury.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';

/** A jury with Marc admitted and the interview started; Marc's grid open on the first row. */
async function startedJury() {
  const jury = new JuryHarness();
  await jury.create('claire');
  await jury.joinAccepted('marc');
  await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
  jury.delivered('marc');
  const row = await jury.openGrid('marc', 'notes');
  return { jury, row };
}

describe('joining refusals', () => {
  it('refuses a wrong code clearly and slows down repeated wrong codes', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    for (let i = 0; i < 3; i++) {
      expect(visibleText(await jury.say('marc', 'rejoindre ZZZZ-ZZZZ'))).toContain('Ce code ne correspond à aucun jury ouvert');
    }
    expect(visibleText(await jury.say('marc', 'rejoindre ZZZZ-ZZZZ'))).toContain('Ce code ne correspond');
    // Past three free failures, even the right code waits.
    const slowed = visibleText(await jury.say('marc', `rejoindre ${jury.code}`));
    expect(slowed).toContain('Trop de codes erronés');
    expect(slowed).toContain('09\u00a0h\u00a001');
    jury.clock.advance(2);
    expect(visibleText(await jury.requestJoin('marc'))).toContain('Votre demande a été transmise');
    const session = await jury.app.repositories.sessions.findByCode('tenant-test', jury.code);
    expect(session?.members).toEqual([]);
  });

  it('asks for a personal chat when `rejoindre` is written in a group chat, and joins nobody', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    const replies = await jury.chat('marc', { conversationType: 'groupChat' }).say(`rejoindre ${jury.code}`);
    expect(visibleText(replies)).toContain('conversation personnelle');
    expect(jury.delivered('claire')).toEqual([]);
  });

  it('tells the person when the president refuses, and they stay out', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    await jury.requestJoin('marc');
    const decided = await jury.decide('marc', 'refuse');
    expect(visibleText(decided)).toContain('La demande de Marc Petit est refusée');
    expect(visibleText(jury.delivered('marc'))).toContain("n'a pas accepté votre demande");
    const refused = await jury.chat('marc').submit({ verb: 'grid.open', evaluationId: jury.evaluationId, phase: 'notes' });
    expect(visibleText(refused)).toContain("vous ne faites pas partie de son jury");
    expect(await jury.app.repositories.grids.get(jury.evaluationId, 'marc')).toBeUndefined();
  });

  it('only the president decides join requests', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    await jury.joinAccepted('ines');
    await jury.requestJoin('marc');
    const session = await jury.app.repositories.sessions.findByCode('tenant-test', jury.code);
    const replies = await jury.chat('ines').submit({ verb: 'session.decide', sessionId: session?.id ?? '', personId: 'marc', decision: 'accept' });
    expect(visibleText(replies)).toContain('Seul le président du jury');
    const after = await jury.app.repositories.sessions.get(session?.id ?? '');
    expect(after?.members.map((m) => m.id)).toEqual(['ines']);
  });

  it('warns the president, without refusing, when a fourth person joins the jury', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    await jury.joinAccepted('marc');
    await jury.joinAccepted('ines');
    await jury.requestJoin('paul');
    const decided = visibleText(await jury.decide('paul', 'accept'));
    expect(decided).toContain('le jury compte maintenant 4 personnes');
    expect(decided).toContain('il est conseillé de ne pas réunir plus de 3 personnes');
    const session = await jury.app.repositories.sessions.findByCode('tenant-test', jury.code);
    expect(session?.members.map((m) => m.id)).toEqual(['marc', 'ines', 'paul']);
  });

  it('a second candidate the same day needs no new code, and members belong to it', async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    const firstCode = jury.code;
    const firstEvaluation = jury.evaluationId;
    await jury.joinAccepted('marc');
    const second = await jury.create('claire', 'jury', { last: 'Bernard', first: 'Hugo', company: 'Fromagerie Alpine' });
    expect(jury.code).toBe(firstCode);
    expect(jury.evaluationId).not.toBe(firstEvaluation);
    expect(visibleText(second)).toContain('Hugo');
    const opened = await jury.openGrid('marc', 'notes');
    expect(rowIdOf(opened)).toBe('delais');
  });
});

describe('grid refusals: nothing changes, the message is clear', () => {
  it.each([
    ['55,5', 'sans virgule'],
    ['140', 'entre 0 et 100'],
    ['-3', 'entre 0 et 100'],
    ['55.5', 'pourcentage entier'],
    ['beaucoup', "n'est pas un pourcentage"],
  ])('refuses the percentage %j', async (value, message) => {
    const { jury, row } = await startedJury();
    const replies = await jury.onRow('marc', row, 'next', { percentage: value, notes: 'Notes à garder' });
    const shown = visibleText(replies);
    expect(shown).toContain(message);
    expect(shown).toContain("Rien n'a été modifié");
    expect(rowIdOf(replies)).toBe('delais');
    const grid = await jury.stored('marc');
    expect(grid.rev).toBe(0);
    expect(grid.rows['delais']?.notes).toBe('');
    // What was typed with the refused value is still in the fresh card.
    expect(inputsOf(cardWithVerb(replies, 'grid.save')).notes).toBe('Notes à garder');
  });

  it.each([
    ['an unknown row', { rowId: 'nope' }],
    ['a quick pick that is not a mark of the scale', { pick: 42 }],
  ])('refuses a forged save on %s, once, and stores nothing', async (_name, forged) => {
    const { jury, row } = await startedJury();
    const payload = { ...clickPayload(cardWithVerb(row, 'grid.save'), (a) => a.data.then === 'stay', { notes: 'Forgé' }), ...forged };
    const replies = await jury.chat('marc').submit(payload);
    const shown = visibleText(replies);
    expect(shown).toContain("Cette action n'est pas reconnue");
    expect(shown.match(/Rien n'a été modifié/g)?.length).toBe(1);
    expect(shown).not.toMatch(/erreur inattendue/);
    expect((await jury.stored('marc')).rev).toBe(0);
  });

  it('refuses notes over 4,000 characters and gives back what was typed', async () => {
    const { jury, row } = await startedJury();
    const typed = `${'Le candidat reformule. '.repeat(200)}FIN`;
    expect(typed.length).toBeGreaterThan(4000);
    const replies = await jury.onRow('marc', row, 'stay', { notes: typed });
    const shown = visibleText(replies);
    expect(shown).toContain(`Le texte des notes dépasse 4000 caractères (vous en avez écrit ${typed.length}).`);
    expect(replies.map((r) => r.text ?? '').join('')).toContain(typed);
    expect((await jury.stored('marc')).rows['delais']?.notes).toBe('');
    // Exactly at the limit is fine.
    const atLimit = 'x'.repeat(4000);
    await jury.onRow('marc', row, 'stay', { notes: atLimit });
    expect((await jury.stored('marc')).rows['delais']?.notes).toBe(atLimit);
  });

  it('names the limit for a 100 KB note instead of calling the action unknown, and keeps the text', async () => {
    const { jury, row } = await startedJury();
    const typed = `${'Observation détaillée. '.repeat(4_400)}FIN`.slice(-100_000);
    const replies = await jury.onRow('marc', row, 'stay', { notes: typed });
    const shown = visibleText(replies);
    expect(shown).toContain('Le texte des notes dépasse 4000 caractères (vous en avez écrit 100000).');
    expect(shown).not.toContain("Cette action n'est pas reconnue");
    expect(replies.map((r) => r.text ?? '').join('')).toContain(typed);
    expect((await jury.stored('marc')).rev).toBe(0);
  });

  it('names the limit of a cancellation reason, keeps the evaluation and gives the reason back', async () => {
    const { jury } = await startedJury();
    const reason = `${'Candidat absent, prévenu trop tard. '.repeat(20)}FIN`;
    const replies = await jury.chat('claire').submit({ verb: 'evaluation.cancel', evaluationId: jury.evaluationId, evaluationRev: await jury.evaluationRev(), reason });
    const shown = visibleText(replies);
    expect(shown).toContain(`Le motif dépasse 500 caractères (vous en avez écrit ${reason.length}).`);
    expect(replies.map((r) => r.text ?? '').join('')).toContain(reason);
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('in_progress');
  });

  it('acknowledges a double click silently: one save, one answer', async () => {
    const { jury, row } = await startedJury();
    const payload = clickPayload(cardWithVerb(row, 'grid.save'), (a) => a.data.then === 'next' && a.data.pick === undefined, { notes: 'Première observation' });
    const first = await jury.chat('marc').submit(payload);
    expect(rowIdOf(first)).toBe('litige');
    const second = await jury.chat('marc').submit(payload);
    expect(second).toEqual([]);
    const grid = await jury.stored('marc');
    expect(grid.rev).toBe(1);
  });

  it('refuses a stale card with a message and a fresh card, keeping the newer save', async () => {
    const { jury, row } = await startedJury();
    await jury.onRow('marc', row, 'stay', { notes: 'Version récente' });
    const replies = await jury.onRow('marc', row, 'stay', { notes: 'Version ancienne' });
    expect(visibleText(replies)).toContain("Cette carte n'est plus à jour");
    expect(inputsOf(cardWithVerb(replies, 'grid.save')).notes).toBe('Version récente');
    expect((await jury.stored('marc')).rows['delais']?.notes).toBe('Version récente');
  });

  it("another juror's saves never make my card stale", async () => {
    const { jury, row } = await startedJury();
    const claireRow = await jury.openGrid('claire', 'notes');
    await jury.onRow('claire', claireRow, 'stay', { notes: 'Claire écrit' });
    const replies = await jury.onRow('marc', row, 'stay', { notes: 'Marc écrit' });
    expect(visibleText(replies)).not.toContain("n'est plus à jour");
    expect((await jury.stored('marc')).rows['delais']?.notes).toBe('Marc écrit');
  });

  it('names the rows still to score when submitting too early', async () => {
    const { jury } = await startedJury();
    await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    let replies = await jury.openGrid('marc', 'scoring');
    replies = await jury.onRow('marc', replies, 'report', { percentage: '70' });
    const submitted = await jury.click('marc', replies, 'grid.submit');
    const shown = visibleText(submitted);
    expect(shown).toContain('Avant de soumettre');
    expect(shown).toContain('Gestion de la relation client dans le cadre d');
    expect(shown).toContain('GPA');
    expect(shown).not.toContain('dans le cadre des délais ;');
    expect((await jury.stored('marc')).state).toBe('open');
  });

  it('asks for confirmation when a domain has no evaluated row, then submits', async () => {
    const { jury } = await startedJury();
    await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    let replies = await jury.openGrid('marc', 'scoring');
    for (const rowId of ['delais', 'litige', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges']) {
      const scored = rowId !== 'prise-de-commande';
      const typed: Record<string, string> = scored ? { percentage: '60' } : { notEvaluated: 'true', notEvaluatedReason: 'Pas de prise de commande ce jour', percentage: '' };
      replies = await jury.onRow('marc', replies, rowId === 'gestion-litiges' ? 'report' : 'next', typed);
    }
    const asked = await jury.click('marc', replies, 'grid.submit');
    expect(visibleText(asked)).toContain('PRODUITS / OFFRES COMMERCIALES');
    expect((await jury.stored('marc')).state).toBe('open');
    const confirmed = await jury.click('marc', asked, 'grid.submit', (a) => a.data.confirmEmpty === true || a.data.confirmEmpty === 'true');
    expect(visibleText(confirmed)).toContain('est soumise');
    const grid = await jury.stored('marc');
    expect(grid.state).toBe('submitted');
    // Read-only afterwards.
    const late = await jury.chat('marc').submit({ verb: 'grid.save', evaluationId: jury.evaluationId, rowId: 'delais', rev: grid.rev, phase: 'scoring', then: 'stay', percentage: '10' });
    expect(visibleText(late)).toContain('Votre grille est soumise');
    expect((await jury.stored('marc')).rows['delais']?.percentage).toBe(60);
  });

  it("refuses a juror who asks for another juror's grid, and shows only their own", async () => {
    const { jury } = await startedJury();
    const claireRow = await jury.openGrid('claire', 'notes');
    await jury.onRow('claire', claireRow, 'stay', { notes: 'Note privée de Claire' });
    // Forged payloads naming Claire's grid cannot reach it: ids only ever select the sender's own grid.
    const forged = await jury.chat('marc').submit({ verb: 'grid.notes', evaluationId: jury.evaluationId, rowId: 'delais', memberId: 'claire' });
    expect(visibleText(forged)).not.toContain('Note privée de Claire');
    const stranger = await jury.chat('zoe').submit({ verb: 'grid.report', evaluationId: jury.evaluationId });
    expect(visibleText(stranger)).toContain("vous ne faites pas partie de son jury");
    expect(visibleText(stranger)).not.toContain('Note privée');
  });

  it('never shows a grid in a group chat', async () => {
    const { jury } = await startedJury();
    const group = jury.chat('marc', { conversationType: 'groupChat' });
    for (const replies of [
      await group.submit({ verb: 'grid.open', evaluationId: jury.evaluationId, phase: 'notes' }),
      await group.submit({ verb: 'grid.report', evaluationId: jury.evaluationId }),
      await group.say('reprendre'),
      // A help button naming another command must not run it in the group either.
      await group.submit({ verb: 'command.run', command: 'resume' }),
      await group.submit({ verb: 'command.run', command: 'dashboard' }),
    ]) {
      expect(visibleText(replies)).toContain('conversation personnelle');
      expect(cardsOf(replies).some((c) => JSON.stringify(c).includes('grid.save'))).toBe(false);
    }
  });

  it('replaces the card the juror acted on by a read-only record of what was saved', async () => {
    const { jury, row } = await startedJury();
    const chat = jury.chat('marc');
    const payload = clickPayload(cardWithVerb(row, 'grid.save'), (a) => a.data.then === 'next' && a.data.pick === undefined, { notes: 'Observé au poste' });
    await chat.send({ type: 'message', value: payload, replyToId: 'row-card-1' });
    const update = chat.updates.find((u) => u.id === 'row-card-1');
    expect(update).toBeDefined();
    const recorded = JSON.stringify(update?.attachments?.[0]?.content);
    expect(recorded).toContain('Observé au poste');
    expect(recorded).not.toContain('Input.');
  });
});

describe('a juror who comes back and writes anything', () => {
  it('gets their card again, with what they had saved, instead of the command list', async () => {
    const { jury, row } = await startedJury();
    await jury.onRow('marc', row, 'stay', { notes: 'Reformule la demande du client' });
    const replies = await jury.say('marc', 'Bonjour');
    const shown = visibleText(replies);
    expect(shown).toContain("Je n'ai pas compris « Bonjour ». Voici où vous en étiez");
    expect(rowIdOf(replies)).toBe('delais');
    expect(inputsOf(cardWithVerb(replies, 'grid.save')).notes).toBe('Reformule la demande du client');
  });

  it('gets the command list once their grid is submitted or when they have no evaluation', async () => {
    const jury = new JuryHarness();
    const replies = await jury.say('zoe', 'Bonjour');
    expect(visibleText(replies)).toContain('Voici ce que je sais faire');
  });
});
