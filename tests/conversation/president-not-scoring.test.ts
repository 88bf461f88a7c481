import { describe, expect, it } from 'vitest';
import { actionsOf, cardWithVerb, inputsOf } from '../helpers/cards.js';
import { JuryHarness } from '../helpers/jury.js';
import { scoreAndSubmit, startAndEnd } from '../helpers/jury-scenarios.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';

describe('a president who presides without scoring', () => {
  it('is asked at creation, gets no grid, and consolidates the two members’ grids (2/2) through to signature', async () => {
    const jury = new JuryHarness();
    const form = visibleText(await jury.say('claire', 'nouvelle évaluation'));
    expect(form).toContain('En jury, notez-vous aussi le candidat ?');
    const forged = visibleText(await jury.create('claire', 'jury', undefined, { presidentScores: 'peut-être' }));
    expect(forged).toContain('Indiquez si vous notez aussi le candidat');
    expect(jury.evaluationId).toBe('');
    const created = await jury.create('claire', 'jury', undefined, { presidentScores: 'no' });
    // The frame says who presides without scoring, and offers Claire no grid.
    expect(visibleText(created)).toContain('Claire Martin (responsable ADV) — préside le jury sans noter');
    const frameVerbs = cardsOf(created).flatMap(actionsOf).map((a) => `${String(a.data.verb)}:${String(a.data.phase ?? '')}`);
    expect(frameVerbs).toContain('evaluation.start:');
    expect(frameVerbs.some((v) => v.startsWith('grid.'))).toBe(false);
    // The request goes to the person who presides, named without a « président(e) » form.
    expect(visibleText(await jury.requestJoin('marc'))).toContain('Votre demande a été transmise à Claire Martin, qui préside le jury du 28/11/2026.');
    await jury.decide('marc', 'accept');
    jury.delivered('marc');
    await jury.joinAccepted('ines');
    await startAndEnd(jury);

    // A grid asked for anyway (an old card, a typed verb) is refused in French, and none is created.
    for (const action of [
      { verb: 'grid.open', evaluationId: jury.evaluationId, phase: 'scoring' },
      { verb: 'grid.report', evaluationId: jury.evaluationId },
      { verb: 'grid.save', evaluationId: jury.evaluationId, rowId: 'delais', rev: 0, phase: 'scoring', then: 'next', percentage: '70' },
    ]) {
      expect(visibleText(await jury.chat('claire').submit(action))).toContain('Vous présidez ce jury sans noter');
    }
    expect(await jury.app.repositories.grids.get(jury.evaluationId, 'claire')).toBeUndefined();

    const board = visibleText(await jury.say('claire', 'tableau de bord'));
    expect(board).toContain('Vous présidez sans noter');
    expect(board).not.toContain('Claire Martin (responsable ADV)');

    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60]);
    expect(visibleText(jury.delivered('claire'))).toContain('Marc Petit a soumis sa grille pour Léa Dupont (1/2).');
    await scoreAndSubmit(jury, 'ines', [40, 50, 45, 50, 70, 45, 60]);
    const received = jury.delivered('claire');
    const consolidation = cardWithVerb(received, 'synthesis.preview');
    const shown = visibleText([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: consolidation }] }]);
    expect(shown).toContain('Marc Petit (commercial)');
    expect(shown).toContain('Inès Roy (formatrice)');
    // Domain 1: Marc 75, Inès 45 → mean 60; the president's name is on the header, never among the values.
    expect(inputsOf(consolidation)['agreed_relation-client']).toBe('60');
    expect(JSON.stringify(consolidation)).not.toContain('"title":"Claire Martin"');
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('collection_closed');

    const preview = await jury.chat('claire').submit({ ...inputsOf(consolidation), ...actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.preview')?.data });
    const signed = visibleText(await jury.click('claire', preview, 'synthesis.sign'));
    expect(signed).toContain('Synthèse de Léa Dupont signée et envoyée à vous et aux 2 autres membres du jury.');
    expect((await jury.app.repositories.evaluations.get(jury.evaluationId))?.state).toBe('signed');
    for (const who of ['marc', 'ines'] as const) expect(visibleText(jury.delivered(who))).toContain('Signé par Claire Martin');
  });
});
