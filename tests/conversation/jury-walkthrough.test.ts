import { describe, expect, it } from 'vitest';
import { reportDomains } from '../../src/domain/index.js';
import { JuryHarness, rowIdOf, type PersonKey } from '../helpers/jury.js';
import { visibleText } from '../helpers/test-app.js';

const ROWS = ['delais', 'litige', 'gpa', 'prise-de-commande', 'organisation-prise-de-poste', 'erreur-interne', 'gestion-litiges'];

/** Each juror's percentages per row; null = "non évalué". Reported domain % computed by hand below. */
const SCORES: Record<'claire' | 'marc' | 'ines', (number | null)[]> = {
  marc: [80, 70, 75, 60, 50, 55, 60],
  ines: [40, 50, 45, 50, 70, 45, null],
  claire: [60, 60, 61, 30, 56, 57, 57],
};
const REPORTED = {
  // relation client: (80+70+75)/3 = 75; produits: 60; outil: (50+55+60)/3 = 55
  marc: { 'relation-client': 75, 'produits-offres': 60, 'outil-organisation': 55 },
  // (40+50+45)/3 = 45; 50; (70+45)/2 = 57.5 → 58 (the "non évalué" row left out, not counted as 0)
  ines: { 'relation-client': 45, 'produits-offres': 50, 'outil-organisation': 58 },
  // (60+60+61)/3 = 60.33 → 60; 30; (56+57+57)/3 = 56.67 → 57
  claire: { 'relation-client': 60, 'produits-offres': 30, 'outil-organisation': 57 },
};

describe('a jury day: president and two jurors through one candidate', () => {
  it('joins, takes notes during the interview, gets the notices, scores after it and submits', async () => {
    const jury = new JuryHarness();

    // Creation: a code and a sentence to forward; the frame card for the president.
    const created = await jury.create('claire');
    expect(jury.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(visibleText(created)).toContain(`rejoindre ${jury.code}`);
    expect(visibleText(created)).toContain("Démarrer l'entretien");

    // Joining: requests, interleaved, accepted from the president's cards.
    const marcAsks = await jury.requestJoin('marc');
    expect(visibleText(marcAsks)).toContain('Votre demande a été transmise à Claire Martin');
    await jury.requestJoin('ines');
    await jury.decide('marc', 'accept');
    await jury.decide('ines', 'accept');
    expect(visibleText(jury.delivered('marc'))).toContain('vous faites partie du jury du 28/11/2026');
    expect(visibleText(jury.delivered('ines'))).toContain('Léa');

    // The president starts the interview: the others are told.
    const started = await jury.chat('claire').submit({ verb: 'evaluation.start', evaluationId: jury.evaluationId });
    expect(visibleText(started)).toContain('démarré à 09\u00a0h\u00a000');
    expect(visibleText(jury.delivered('marc'))).toContain("L'entretien de Léa Dupont a commencé");
    jury.delivered('ines');

    // Notes on every row, the three jurors interleaved, each with "Enregistrer et suivant".
    const jurors: PersonKey[] = ['marc', 'ines', 'claire'];
    const cards = new Map<PersonKey, Awaited<ReturnType<JuryHarness['openGrid']>>>();
    for (const who of jurors) cards.set(who, await jury.openGrid(who, 'notes'));
    for (const [index, rowId] of ROWS.entries()) {
      for (const who of jurors) {
        const replies = cards.get(who) ?? [];
        expect(rowIdOf(replies)).toBe(rowId);
        expect(visibleText(replies)).toContain(`Ligne ${index + 1}/7`);
        const last = index === ROWS.length - 1;
        cards.set(who, await jury.onRow(who, replies, last ? 'stay' : 'next', { notes: `Notes de ${who} sur ${rowId}`, source: 'questions' }));
      }
      if (index === 2) {
        // 35 minutes: every member is told, unprompted.
        jury.clock.advance(35);
        await jury.app.scheduler.tick();
        for (const who of jurors) expect(visibleText(jury.delivered(who))).toContain('35 min écoulées sur 45');
      }
    }
    jury.clock.advance(10);
    await jury.app.scheduler.tick();
    for (const who of jurors) expect(visibleText(jury.delivered(who))).toContain('le temps prévu pour l\'entretien de Léa Dupont est écoulé');

    // A juror cannot end the interview; the president can.
    const refused = await jury.chat('marc').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    expect(visibleText(refused)).toContain('Seul le président du jury');
    jury.clock.advance(1);
    const ended = await jury.chat('claire').submit({ verb: 'evaluation.end', evaluationId: jury.evaluationId });
    expect(visibleText(ended)).toContain('Entretien terminé (46 min sur 45)');
    expect(visibleText(jury.delivered('ines'))).toContain('attribuez un pourcentage');
    jury.delivered('marc');

    // The scoring pass: notes in view, a percentage per row, one row "non évalué" with a reason.
    for (const who of jurors) cards.set(who, await jury.openGrid(who, 'scoring'));
    for (const [index, rowId] of ROWS.entries()) {
      for (const who of jurors) {
        const replies = cards.get(who) ?? [];
        expect(rowIdOf(replies)).toBe(rowId);
        expect(visibleText(replies)).toContain(`Notes de ${who} sur ${rowId}`);
        const score = SCORES[who as 'marc'][index] ?? null;
        const typed: Record<string, string> =
          score === null ? { notEvaluated: 'true', notEvaluatedReason: 'Pas eu le temps de poser la question', percentage: '' } : { percentage: String(score) };
        // On the last row, "Grille de report" saves and opens the report.
        cards.set(who, await jury.onRow(who, replies, index === ROWS.length - 1 ? 'report' : 'next', typed));
      }
    }

    // The report: three domain percentages, then submission.
    for (const who of jurors) {
      const report = cards.get(who) ?? [];
      const shown = visibleText(report);
      for (const value of Object.values(REPORTED[who as 'marc'])) expect(shown).toContain(`${value}\u00a0%`);
      const submitted = await jury.click(who, report, 'grid.submit', () => true, { 'comment_relation-client': `Commentaire de ${who}` });
      expect(visibleText(submitted)).toContain('est soumise');
      if (who !== 'claire') {
        // Before the collection closes the president hears who submitted, never a value.
        const told = visibleText(jury.delivered('claire'));
        expect(told).toContain(`${who === 'marc' ? 'Marc Petit' : 'Inès Roy'} a soumis sa grille`);
        expect(told).not.toMatch(/\d+\u00a0%/);
      }
    }
    // The last grid in: the consolidation reaches the president.
    expect(visibleText(jury.delivered('claire'))).toContain('voici la consolidation');

    for (const who of jurors) {
      const grid = await jury.stored(who);
      expect(grid.state).toBe('submitted');
      expect(ROWS.map((rowId) => grid.rows[rowId]?.percentage ?? null)).toEqual(SCORES[who as 'marc']);
      expect(grid.rows['delais']?.notes).toBe(`Notes de ${who} sur delais`);
      expect(grid.domainComments['relation-client']).toBe(`Commentaire de ${who}`);
      const referential = jury.app.referentials.get('cqp-agc');
      if (!referential) throw new Error('referential');
      const reported = Object.fromEntries(reportDomains(grid, referential).map((d) => [d.domainId, d.value]));
      expect(reported).toEqual(REPORTED[who as 'marc']);
    }
    expect((await jury.stored('ines')).rows['gestion-litiges']?.notEvaluatedReason).toBe('Pas eu le temps de poser la question');

    const evaluation = await jury.app.repositories.evaluations.get(jury.evaluationId);
    expect(evaluation?.state).toBe('collection_closed');
    expect(evaluation?.endedAt).toBe('2026-11-28T08:46:00.000Z');
  });

  it('scores each row in one click: a quick pick saves the row and opens the next one, the last one opens the report', async () => {
    const jury = new JuryHarness();
    let replies = await jury.professionalScoring();
    const picks = [70, 50, 30, 100, 0, 70, 50];
    for (const [index, rowId] of ROWS.entries()) {
      expect(rowIdOf(replies)).toBe(rowId);
      expect(visibleText(replies)).toContain(`Ligne ${index + 1}/7`);
      const pick = picks[index]!;
      const clicked = await jury.onRow('claire', replies, 'next', {}, (a) => a.data.pick === pick);
      // The pick is saved, and the next row (or the report after the last one) comes in the same turn.
      expect((await jury.stored('claire')).rows[rowId]?.percentage).toBe(pick);
      replies = clicked;
    }
    expect(visibleText(replies)).toContain('Grille de report');
    // Per domain: (70+50+30)/3 = 50; 100; (0+70+50)/3 = 40.
    for (const value of [50, 100, 40]) expect(visibleText(replies)).toContain(`${value}\u00a0%`);
    const grid = await jury.stored('claire');
    expect(ROWS.map((rowId) => grid.rows[rowId]?.percentage)).toEqual(picks);
  });

  it('saves a double-clicked pick once and answers the second click with nothing', async () => {
    const jury = new JuryHarness();
    const row = await jury.professionalScoring();
    const first = await jury.onRow('claire', row, 'next', {}, (a) => a.data.pick === 30);
    expect(rowIdOf(first)).toBe(ROWS[1]);
    const revAfterFirst = (await jury.stored('claire')).rev;
    const second = await jury.onRow('claire', row, 'next', {}, (a) => a.data.pick === 30);
    expect(second).toEqual([]);
    expect((await jury.stored('claire')).rev).toBe(revAfterFirst);
  });
});
