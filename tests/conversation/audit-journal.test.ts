import { describe, expect, it } from 'vitest';
import { actionsOf, cardWithVerb } from '../helpers/cards.js';
import { endedJury, scoreAndSubmit } from '../helpers/jury-scenarios.js';
import { cardsOf, visibleText } from '../helpers/test-app.js';
import type { Activity } from 'botbuilder';

/** The journal's entry sentences as shown, newest first (every other text block after the range line). */
function sentences(replies: Partial<Activity>[]): string[] {
  return visibleText(replies)
    .split('\n')
    .filter((line) => / a | : /.test(line) && !line.startsWith('Entrées ') && !line.startsWith('Évaluation de'));
}

function pageAction(replies: Partial<Activity>[], title: string) {
  const action = cardsOf(replies)
    .flatMap(actionsOf)
    .find((a) => a.title === title);
  if (!action) throw new Error(`no « ${title} » button`);
  return action.data;
}

describe('the audit journal: sentences and pages', () => {
  it('writes each entry as a sentence, pages by 20 from the newest, and keeps a page stable when entries are added', async () => {
    const jury = await endedJury();
    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60]);
    await scoreAndSubmit(jury, 'ines', [40, 50, 45, 50, 70, 45, null]);
    await scoreAndSubmit(jury, 'claire', [60, 60, 61, 55, 56, 57, 57]);
    const trail = await jury.app.repositories.audit.listTrail(jury.evaluationId);
    expect(trail.length).toBeGreaterThan(20);

    const first = await jury.chat('claire').submit({ verb: 'evaluation.audit', evaluationId: jury.evaluationId });
    const text = visibleText(first);
    expect(text).toContain(`Entrées 1 à 20 sur ${trail.length}, les plus récentes en premier.`);
    expect(text).toContain("Claire Martin a noté la ligne « Traitement en interne d'une erreur » : 57\u00a0%.");
    expect(text).toContain('Inès Roy a marqué la ligne « Gestion des litiges » non évaluée : Non observé.');
    expect(text).not.toMatch(/[{}]|rowId|grid\.row_save/);
    expect(sentences(first)).toHaveLength(20);
    // The newest entry comes first: the synthesis prepared when the last grid came in.
    expect(sentences(first)[0]).toBe('Claire Martin a ouvert la consolidation : la synthèse est préremplie avec les moyennes.');
    expect(() => pageAction(first, 'Entrées plus récentes')).toThrow();

    // An entry added meanwhile does not shift the older page the card points to.
    const consolidation = cardWithVerb(jury.delivered('claire'), 'synthesis.save');
    await jury.chat('claire').submit({ verb: 'synthesis.save', evaluationId: jury.evaluationId, rev: Number(actionsOf(consolidation).find((a) => a.data.verb === 'synthesis.save')?.data.rev), comment: 'Bonne candidate.' });
    expect((await jury.app.repositories.audit.listTrail(jury.evaluationId)).length).toBeGreaterThan(trail.length);

    const older = await jury.chat('claire').submit(pageAction(first, 'Entrées plus anciennes'));
    expect(visibleText(older)).toContain(`Entrées 21 à ${trail.length} sur ${trail.length}, les plus récentes en premier.`);
    expect(sentences(older).at(-1)).toBe("Claire Martin a créé l'évaluation.");
    expect(sentences(older)).toHaveLength(trail.length - 20);
    expect(() => pageAction(older, 'Entrées plus anciennes')).toThrow();
    const back = await jury.chat('claire').submit(pageAction(older, 'Entrées plus récentes'));
    expect(sentences(back)).toEqual(sentences(first));
  });

  it.each([
    ['a page past the start', (length: number) => ({ page: '9', total: String(length) })],
    ['a length the trail never had', () => ({ page: '0', total: '999' })],
    ['a page that is not a number', (length: number) => ({ page: 'deux', total: String(length) })],
    ['a negative page', (length: number) => ({ page: '-1', total: String(length) })],
  ])('refuses %s in French and shows the newest entries', async (_label, asked) => {
    const jury = await endedJury();
    await scoreAndSubmit(jury, 'marc', [80, 70, 75, 60, 50, 55, 60]);
    await scoreAndSubmit(jury, 'ines', [40, 50, 45, 50, 70, 45, null]);
    await scoreAndSubmit(jury, 'claire', [60, 60, 61, 55, 56, 57, 57]);
    const length = (await jury.app.repositories.audit.listTrail(jury.evaluationId)).length;
    expect(length).toBeGreaterThan(20);
    const replies = await jury.chat('claire').submit({ verb: 'evaluation.audit', evaluationId: jury.evaluationId, ...asked(length) });
    const text = visibleText(replies);
    expect(text).toContain("Cette page du journal n'existe pas ou plus. Voici les entrées les plus récentes.");
    expect(text).toContain(`Entrées 1 à 20 sur ${length}`);
  });
});
