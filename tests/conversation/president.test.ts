import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { actionsOf, cardWithVerb, inputsOf } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { endedJury, scoreAndSubmit, startAndEnd } from '../helpers/jury-scenarios.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';

const MARC = [80, 70, 75, 60, 50, 55, 60]; // 75 / 60 / 55
const INES = [40, 50, 45, 50, 70, 45, null]; // 45 / 50 / 58
const CLAIRE = [60, 60, 61, 55, 56, 57, 57]; // 60 / 55 / 57

/** Three grids in: the consolidation card reaches Claire unprompted; returns what she received. */
async function collected(jury: JuryHarness) {
  await scoreAndSubmit(jury, 'marc', MARC, { 'relation-client': 'Marc : bonne écoute, propositions tardives.' });
  await scoreAndSubmit(jury, 'ines', INES, { 'relation-client': 'Inès : discours peu structuré au début.' });
  jury.delivered('claire');
  await scoreAndSubmit(jury, 'claire', CLAIRE);
  return jury.delivered('claire');
}

describe('the president: consolidation, signature, synthesis in every chat', () => {
  it('runs from the last grid to the signed synthesis, then refuses changes, then reopens with an audit trail', async () => {
    const jury = await endedJury();
    const received = await collected(jury);

    // The consolidation card, unprompted: values per member, mean, spread, divergence on domain 1 only.
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const shown = visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: consolidation }] }]);
    for (const value of ['75\u00a0%', '45\u00a0%', '60\u00a0%', '60,0\u00a0%', '30 points']) expect(shown).toContain(value);
    expect(shown.match(/Divergence/g)?.length).toBe(1);
    const inputs = inputsOf(consolidation);
    expect(inputs['agreed_relation-client']).toBe('60');
    expect(inputs['agreed_produits-offres']).toBe('55');
    expect(inputs['agreed_outil-organisation']).toBe('57');
    expect(inputs.comment).toContain('Marc : bonne écoute');
    expect(inputs.comment).toContain('Inès : discours peu structuré');

    // Claire edits one value and the comment, checks the preview (what and to whom), signs.
    const comment = 'Candidate solide sur la relation client ; à consolider sur les offres.';
    const preview = await jury.chat('claire').submit({
      ...inputs,
      'agreed_produits-offres': '52',
      comment,
      ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data,
    });
    const previewText = visibleText(preview);
    for (const text of ['Claire Martin (vous)', 'Marc Petit', 'Inès Roy', '52\u00a0%', comment]) expect(previewText).toContain(text);
    expect(jury.delivered('marc')).toEqual([]);

    const signed = await jury.click('claire', preview, 'synthesis.sign');
    expect(visibleText(signed)).toContain('signée et envoyée');
    for (const who of ['claire', 'marc', 'ines'] as const) {
      const copies = jury.delivered(who);
      const synthesis = cardsOf(copies).filter((c) => actionsOf(c).some((a) => a.data.verb === 'synthesis.pdf'));
      expect(synthesis).toHaveLength(1);
      const text = visibleText(copies);
      for (const part of [
        '28/11/2026',
        'Claire Martin, responsable ADV ; Marc Petit, commercial ; Inès Roy, formatrice',
        'Dupont Léa',
        'Laiterie du Val',
        '60\u00a0%',
        '52\u00a0%',
        '57\u00a0%',
        comment,
        'Signé par Claire Martin le 28/11/2026 à',
      ]) {
        expect(text).toContain(part);
      }
    }
    const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
    expect(evaluation?.state).toBe('signed');

    // After signature nothing changes.
    const late = await jury.chat('claire').submit({ ...inputs, comment: 'Autre', verb: 'synthesis.save', evaluationId: jury.evaluationId, rev: 99 });
    expect(visibleText(late)).toMatch(/signée|plus à jour/);
    const lateGrid = await jury.chat('marc').submit({ verb: 'grid.save', evaluationId: jury.evaluationId, rowId: 'delais', rev: 99, phase: 'scoring', then: 'stay', percentage: '10' });
    expect(visibleText(lateGrid)).toMatch(/soumise|plus de modification|plus à jour/);
    expect((await jury.app.repositories.syntheses.get(jury.evaluationId))?.signed?.comment).toBe(comment);

    // Reopening: with a reason, audited, members told, the signed version kept as "remplacée".
    const noReason = await jury.chat('claire').submit({ verb: 'synthesis.reopen', evaluationId: jury.evaluationId, evaluationRev: await jury.evaluationRev(), reason: '' });
    expect(visibleText(noReason)).toContain('Indiquez un motif');
    const reopened = await jury.chat('claire').submit({ verb: 'synthesis.reopen', evaluationId: jury.evaluationId, evaluationRev: await jury.evaluationRev(), reason: 'Erreur de saisie sur le domaine 2' });
    expect(visibleText(reopened)).toContain('remplacée');
    expect(visibleText(jury.delivered('marc'))).toContain('Erreur de saisie sur le domaine 2');
    const synthesis = await jury.app.repositories.syntheses.get(jury.evaluationId);
    expect(synthesis?.signed).toBeUndefined();
    expect(synthesis?.replaced).toHaveLength(1);
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('consolidated');
    const trail = await jury.app.repositories.audit.listTrail(jury.evaluationId);
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['synthesis.sign', 'synthesis.reopen', 'evaluation.reopen_signed']));
    const auditCard = visibleText(await jury.chat('claire').submit({ verb: 'evaluation.audit', evaluationId: jury.evaluationId }));
    expect(auditCard).toContain('Claire Martin a rouvert la synthèse signée. Motif : Erreur de saisie sur le domaine 2');
    expect(auditCard).not.toContain('synthesis.reopen');
    expect(auditCard).toContain('Erreur de saisie sur le domaine 2');
  });

  it("keeps a juror's values out of the audit trail until the collection closes, then shows them", async () => {
    const jury = new JuryHarness();
    await jury.create('claire');
    await jury.joinAccepted('marc');
    await jury.joinAccepted('ines');
    await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    const row = await jury.openGrid('marc', 'notes');
    await jury.onRow('marc', row, 'stay', { notes: 'NOTE-PRIVÉE' });
    expect((await jury.stored('marc')).rows['delais']?.notes).toBe('NOTE-PRIVÉE');

    const audit = { verb: 'evaluation.audit', evaluationId: jury.evaluationId };
    const during = visibleText(await jury.chat('claire').submit(audit));
    expect(during).not.toContain('NOTE-PRIVÉE');
    expect(during).toContain('Marc Petit');
    expect(during).toContain('Ligne de grille enregistrée');
    expect(during).toContain('Marc Petit : Ligne de grille enregistrée (valeurs visibles à la clôture de la collecte).');
    expect(during).not.toContain('grid.row_save');

    jury.clock.advance(43);
    await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    await scoreAndSubmit(jury, 'marc', MARC);
    const stillOpen = visibleText(await jury.chat('claire').submit(audit));
    expect(stillOpen).not.toContain('NOTE-PRIVÉE');
    expect(stillOpen).toContain('Grille soumise');

    await jury.chat('claire').submit({ verb: 'evaluation.close', evaluationId: jury.evaluationId, evaluationRev: await jury.evaluationRev(), confirm: true });
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('collection_closed');
    const after = visibleText(await jury.chat('claire').submit(audit));
    expect(after).toContain('NOTE-PRIVÉE');
    expect(after).toContain('Claire Martin a clos la collecte sans les grilles de Claire Martin et Inès Roy.');
  });

  it('a lone professional writes the comment, signs and receives the synthesis', async () => {
    const jury = new JuryHarness();
    await jury.create('paul', 'professional');
    await jury.chat('paul').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    jury.clock.advance(40);
    await jury.chat('paul').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    await scoreAndSubmit(jury, 'paul', [70, 70, 70, 50, 60, 60, 60]);
    const received = jury.delivered('paul');
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const preview = await jury.chat('paul').submit({
      ...inputsOf(consolidation),
      comment: 'Bonne maîtrise du poste.',
      ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data,
    });
    expect(visibleText(preview)).toContain('Paul Girard (vous)');
    const signed = visibleText(await jury.click('paul', preview, 'synthesis.sign'));
    expect(signed).toContain('Synthèse de Léa Dupont signée ; elle est dans cette conversation.');
    expect(signed).not.toMatch(/aux 0 autre|membre\(s\) du jury/);
    const copy = visibleText(jury.delivered('paul'));
    for (const part of ['70\u00a0%', '50\u00a0%', '60\u00a0%', 'Bonne maîtrise du poste.', 'Signé par Paul Girard']) expect(copy).toContain(part);
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('signed');
  });

  it('delivers the synthesis exactly once to a member whose delivery failed, after a restart, on their next message', async () => {
    const storage = new MemoryStorage();
    const jury = await endedJury(new JuryHarness({ storage }));
    const received = await collected(jury);
    jury.transport.failFor('ines', 403);
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const preview = await jury.chat('claire').submit({ ...inputsOf(consolidation), ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data });
    await jury.click('claire', preview, 'synthesis.sign');
    expect(jury.delivered('ines')).toEqual([]);

    jury.restart();
    jury.clock.advance(10);
    const back = await jury.say('ines', 'bonjour');
    expect(cardsOf(back).filter((c) => actionsOf(c).some((a) => a.data.verb === 'synthesis.pdf'))).toHaveLength(1);
    // Retries after recovery do not send it again, nor does a later message.
    jury.transport.recover('ines');
    jury.clock.advance(60);
    await jury.app.scheduler.tick();
    expect(jury.delivered('ines')).toEqual([]);
    const again = await jury.say('ines', 'aide');
    expect(cardsOf(again).some((c) => actionsOf(c).some((a) => a.data.verb === 'synthesis.pdf'))).toBe(false);
  });

  it('refuses every president-only action, with a message, to a member, a candidate and a stranger', async () => {
    const jury = await endedJury();
    await collected(jury);
    const actions = [
      { verb: 'synthesis.open', evaluationId: jury.evaluationId },
      { verb: 'synthesis.save', evaluationId: jury.evaluationId, rev: 0, comment: 'x' },
      { verb: 'synthesis.sign', evaluationId: jury.evaluationId, rev: 0 },
      { verb: 'synthesis.reopen', evaluationId: jury.evaluationId, reason: 'x' },
      { verb: 'evaluation.cancel', evaluationId: jury.evaluationId, reason: 'x' },
      { verb: 'evaluation.close', evaluationId: jury.evaluationId, confirm: true },
      { verb: 'evaluation.remind', evaluationId: jury.evaluationId, confirm: true },
      { verb: 'evaluation.header', evaluationId: jury.evaluationId, company: 'Autre' },
      { verb: 'evaluation.audit', evaluationId: jury.evaluationId },
      { verb: 'grid.reopen', evaluationId: jury.evaluationId, memberId: 'ines', reason: 'x' },
    ];
    // Léa is the candidate: she rehearses with the bot, and is nobody on the jury.
    await jury.say('lea', 'répétition');
    for (const who of ['marc', 'zoe', 'lea'] as const) {
      for (const action of actions) {
        const replies = await jury.chat(who).submit(action);
        expect(visibleText(replies), `${who} ${action.verb}`).toMatch(who === 'marc' ? /Seul le président du jury/ : /vous ne faites pas partie de son jury/);
      }
    }
    const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
    expect(evaluation?.state).toBe('collection_closed');
    expect(evaluation?.header.company).toBe('Laiterie du Val');
    expect((await jury.stored('ines')).state).toBe('submitted');
  });

  it("shows the day: each candidate's time, the agreed values, each member's calibration and the questions used", async () => {
    const jury = await endedJury();
    const received = await collected(jury);
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const preview = await jury.chat('claire').submit({ ...inputsOf(consolidation), ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data });
    await jury.click('claire', preview, 'synthesis.sign');

    // Second candidate, same day: Marc 70 on every row, Inès 50, Claire 60 → agreed 60 everywhere.
    await jury.create('claire', 'jury', { last: 'Bernard', first: 'Hugo', company: 'Fromagerie Alpine' });
    await startAndEnd(jury, 40);
    await scoreAndSubmit(jury, 'marc', Array(7).fill(70));
    await scoreAndSubmit(jury, 'ines', Array(7).fill(50));
    await scoreAndSubmit(jury, 'claire', Array(7).fill(60));
    const second = cardWithVerb(jury.delivered('claire'), 'synthesis.preview');
    const preview2 = await jury.chat('claire').submit({ ...inputsOf(second), ...actionsOf(second).find((a) => a.data.verb === 'synthesis.preview')?.data });
    await jury.click('claire', preview2, 'synthesis.sign');

    // Third candidate: created, not started.
    await jury.create('claire', 'jury', { last: 'Morel', first: 'Sami', company: 'Biscuiterie Morel' });

    const dashboard = await jury.say('claire', 'tableau de bord');
    const board = visibleText(dashboard);
    for (const part of ['Léa Dupont', 'Hugo Bernard', 'Sami Morel', '43 min / 45', '40 min / 45', 'Grille soumise']) expect(board).toContain(part);

    const day = visibleText(await jury.click('claire', dashboard, 'dashboard.day'));
    // Marc, domain 1: reported (75 + 70) / 2 = 72.5 → 73 against agreed (60 + 60) / 2 = 60 → +13 (72.5 − 60 = 12.5 → 13).
    expect(day).toContain('73\u00a0% déclaré / 60\u00a0% retenu (+13) sur 2 candidats');
    // Inès, domain 1: (45 + 50) / 2 = 47.5 → 48 against 60 → −12.
    expect(day).toContain('48\u00a0% déclaré / 60\u00a0% retenu (-12) sur 2 candidats');
    expect(day).toContain('Questions posées : 0/7');
    const juror = visibleText(await jury.say('marc', 'tableau de bord'));
    expect(juror).toContain('Votre grille est soumise');
    expect(juror).not.toContain('Grille de synthèse'.toUpperCase());
  });
});

describe("the president's forms carry the evaluation's revision", () => {
  it('refuses a confirmation shown before the evaluation changed, with the current dashboard', async () => {
    const jury = await endedJury();
    await scoreAndSubmit(jury, 'marc', MARC);
    await scoreAndSubmit(jury, 'ines', INES);
    const dashboard = await jury.say('claire', 'tableau de bord');
    const confirm = await jury.click('claire', dashboard, 'evaluation.close');
    expect(visibleText(confirm)).toContain('Clore la collecte');
    // Meanwhile Claire's own grid goes in: the collection closes by itself, the evaluation moves on.
    await scoreAndSubmit(jury, 'claire', CLAIRE);
    const before = await jury.app.repositories.evaluations.get(jury.evaluationId);
    const stale = visibleText(await jury.click('claire', confirm, 'evaluation.close'));
    expect(stale).toContain("Cette carte n'est plus à jour. Rien n'a été modifié ; voici la version actuelle.");
    expect(stale).toContain('Tableau de bord');
    expect(await jury.app.repositories.evaluations.get(jury.evaluationId)).toEqual(before);
  });

  it('applies a cancellation once when its button is clicked twice, and refuses a header form shown before it', async () => {
    const jury = await endedJury();
    const header = await jury.click('claire', await jury.say('claire', 'tableau de bord'), 'evaluation.headerForm');
    const form = await jury.click('claire', await jury.say('claire', 'tableau de bord'), 'evaluation.cancelForm');
    const cancelled = visibleText(await jury.click('claire', form, 'evaluation.cancel', () => true, { reason: 'Candidate absente' }));
    expect(cancelled).toContain("L'évaluation de Léa Dupont est annulée.");
    const rev = await jury.evaluationRev();
    const again = visibleText(await jury.click('claire', form, 'evaluation.cancel', () => true, { reason: 'Candidate absente' }));
    expect(again).not.toContain('annulée');
    expect(again).not.toContain("n'est plus à jour");
    expect(await jury.evaluationRev()).toBe(rev);
    const trail = await jury.app.repositories.audit.listTrail(jury.evaluationId);
    expect(trail.filter((e) => e.action === 'evaluation.cancel')).toHaveLength(1);

    const refused = visibleText(await jury.click('claire', header, 'evaluation.header', () => true, { company: 'Autre entreprise' }));
    expect(refused).toContain("Cette carte n'est plus à jour.");
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.header.company).toBe('Laiterie du Val');
  });
});
