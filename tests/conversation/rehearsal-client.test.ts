import { describe, expect, it } from 'vitest';
import { GOOD_ANSWERS } from '../helpers/rehearsal-samples.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { buildTestApp, Chat, visibleText, type TestApp } from '../helpers/test-app.js';
import { actionData, checkCards, clientSays, playWell, promptOf, startSheet, storedRehearsal, type Replies } from './rehearsal-helpers.js';

/** The client listens: what the candidate says changes what the client answers (issue #12), sheet by sheet. */

const lea = { id: 'lea', name: 'Léa Dupont' };

function setup(locale?: string) {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const app = buildTestApp({ clock });
  return { app, clock, chat: new Chat(app, lea, locale ? { locale } : undefined) };
}

function clientOf(app: TestApp, number: number) {
  const sheet = app.referentials.get('cqp-agc')?.rolePlays.find((s) => s.number === number);
  if (!sheet?.client) throw new Error(`sheet ${number}`);
  return { sheet, client: sheet.client, line: (id: string) => sheet.lines.find((l) => l.id === id)?.text ?? '' };
}

/** Starts the sheet and answers well, one minute apart, until the client says the line `lineId`. */
async function reach(app: TestApp, chat: Chat, clock: ManualClock, number: number, lineId: string): Promise<void> {
  await startSheet(chat, number);
  for (let i = 0; i < 12; i += 1) {
    const rehearsal = await storedRehearsal(app, lea.id);
    if (promptOf(rehearsal) === lineId) return;
    clock.advance(1);
    checkCards(await chat.say(GOOD_ANSWERS[number]?.[promptOf(rehearsal) ?? ''] ?? ''));
  }
  throw new Error(`${lineId} not reached`);
}

async function say(chat: Chat, clock: ManualClock, text: string): Promise<{ replies: Replies; shown: string }> {
  clock.advance(1);
  const replies = await chat.say(text);
  checkCards(replies);
  return { replies, shown: visibleText(replies) };
}

const table = [
  [1, 'proposition-remplacement', 'Je peux vous proposer un produit équivalent, de la même gamme.', 'Il fait beau chez vous aujourd’hui ?', 'reduction-importante'],
  [2, 'carton-vide', 'Combien de cartons étaient vides ?', 'Je suis désolé.', 'date-limite'],
  [3, 'pas-d-accord', 'Je vous propose qu’on ajuste la commande ensemble.', 'Je comprends tout à fait, je vous propose une solution.', 'bonne-proposition'],
] as const;

describe.each(table)('sheet %i, on the line %s', (number, lineId, good, offTopic, nextId) => {
  it('a good answer: the client acknowledges it briefly, then the next relaunch, verbatim', async () => {
    const { app, chat, clock } = setup();
    const { client, line } = clientOf(app, number);
    await reach(app, chat, clock, number, lineId);
    const { shown } = await say(chat, clock, good);
    expect(client.acknowledgements.some((a) => shown.includes(clientSays(a.text)))).toBe(true);
    expect(shown).toContain(clientSays(line(nextId)));
  });

  it.each([offTopic, '…'])('%j: the client insists once, then the next relaunch', async (poor) => {
    const { app, chat, clock } = setup();
    const { client, line } = clientOf(app, number);
    await reach(app, chat, clock, number, lineId);
    const first = await say(chat, clock, poor);
    expect(first.shown).toBe(clientSays(client.reactions.find((r) => r.line === lineId)?.insist.text ?? ''));
    const second = await say(chat, clock, poor);
    expect(second.shown).toBe(clientSays(line(nextId)));
  });
});

describe('a negated proposal is not taken as one', () => {
  it('sheet 2: « je ne vous propose pas la destruction sur place ni d’avoir » does not end the call; the client insists', async () => {
    const { app, chat, clock } = setup();
    const { client } = clientOf(app, 2);
    await reach(app, chat, clock, 2, 'date-limite');
    const { shown } = await say(chat, clock, "Je ne vous propose pas la destruction sur place, ni d'avoir.");
    expect(shown).toBe(clientSays(client.reactions.find((r) => r.line === 'date-limite')?.insist.text ?? ''));
    expect((await storedRehearsal(app, lea.id)).state).toBe('playing');
  });

  it('sheet 1: « je ne vous propose pas de produit de remplacement » gets the client to insist', async () => {
    const { app, chat, clock } = setup();
    const { client } = clientOf(app, 1);
    await reach(app, chat, clock, 1, 'proposition-remplacement');
    const { shown } = await say(chat, clock, 'Je ne vous propose pas de produit de remplacement.');
    expect(shown).toBe(clientSays(client.reactions.find((r) => r.line === 'proposition-remplacement')?.insist.text ?? ''));
  });
});

describe('the main criterion met early ends the call with the closing line', () => {
  it.each([
    [2, 'non-conformite', 'Je vous propose de détruire la marchandise sur place, et je vous fais un avoir.', ['carton-vide', 'date-limite', 'cout-transport']],
    [1, 'envoi-urgence', 'Je peux vous livrer un produit équivalent jeudi.', ['proposition-remplacement', 'reduction-importante', 'reprise-produit', 'prochaine-commande']],
  ] as const)('sheet %i, at %s', async (number, lineId, text, notPlayed) => {
    const { app, chat, clock } = setup();
    const { sheet, client, line } = clientOf(app, number);
    await reach(app, chat, clock, number, lineId);
    const { shown } = await say(chat, clock, text);
    const closing = sheet.lines.find((l) => l.type === 'closing');
    expect(shown).toContain(clientSays(client.conclusion?.line?.text ?? ''));
    expect(shown).toContain(clientSays(closing?.text ?? ''));
    expect(shown).toContain('Fin du jeu de rôle');
    expect(shown).toContain("Le client a conclu l'appel : vous avez atteint le critère principal de la fiche.");
    expect(shown).toContain("Non jouées (l'appel s'est terminé avant) :");
    for (const id of notPlayed) expect(shown).toContain(`« ${line(id)} »`);
    if (number === 1) expect(shown).toContain('🎭 Consigne de la fiche : Le client devient insultant, que faites vous ?'); // the stage direction, as the sheet has it
    expect((await storedRehearsal(app, lea.id)).state).toBe('debrief');
  });
});

describe('sheet 1: the insulting client', () => {
  it('calms down when the candidate stays courteous and recalls the frame, then the last relaunch', async () => {
    const { app, chat, clock } = setup();
    const { client, line } = clientOf(app, 1);
    await reach(app, chat, clock, 1, 'client-insultant');
    const { shown } = await say(chat, clock, 'Monsieur, je comprends votre colère, mais je vous demande de rester courtois. Je peux vous rappeler plus tard si vous préférez.');
    expect(shown).toContain(clientSays(client.reactions.find((r) => r.line === 'client-insultant')?.calmed?.text ?? ''));
    expect(shown).toContain(clientSays(line('prochaine-commande')));
  });

  it('hangs up on a rude answer; the debrief says so and lists the relaunch not played', async () => {
    const { app, chat, clock } = setup();
    const { client, line } = clientOf(app, 1);
    await reach(app, chat, clock, 1, 'client-insultant');
    const { shown } = await say(chat, clock, 'Vous êtes vous-même un incapable, débrouillez-vous !');
    expect(shown).toContain(clientSays(client.reactions.find((r) => r.line === 'client-insultant')?.hangUp?.text ?? ''));
    expect(shown).not.toContain(clientSays(line('prochaine-commande')));
    expect(shown).toContain('Le client a raccroché.');
    expect(shown).toContain(`« ${line('prochaine-commande')} »`);
    expect(shown).not.toContain(clientSays(line('fin-appel')));
  });
});

describe('the condition question understands natural answers', () => {
  it.each([
    ["J'accepte", true],
    ["d'accord, on reprend", true],
    ["non, ce n'est pas possible", false],
  ] as const)('%j', async (typed, met) => {
    const { app, chat, clock } = setup();
    const { line } = clientOf(app, 2);
    await reach(app, chat, clock, 2, 'date-limite');
    const asked = await say(chat, clock, 'Je vous propose de le détruire sur place.');
    expect(asked.shown).toContain('Acceptez-vous la réclamation du client ? (oui / non)');
    const { shown } = await say(chat, clock, typed);
    expect(shown).toContain(clientSays(met ? line('cout-transport') : line('fin-appel')));
    expect((await storedRehearsal(app, lea.id)).cursor.decided).toEqual({ 'reclamation-acceptee': { met, by: 'question' } });
  });
});

describe('indice', () => {
  it('gives the next unmet criterion’s hint, a different one each time, then says none is left', async () => {
    const { app, chat } = setup();
    const { sheet } = clientOf(app, 3);
    await startSheet(chat, 3);
    const hints: string[] = [];
    for (let i = 0; i < 3; i += 1) hints.push(visibleText(await chat.say('indice')));
    sheet.successCriteria.forEach((criterion, i) => expect(hints[i]).toContain(criterion.hint));
    expect(visibleText(await chat.say('indice'))).toContain("Plus d'indice pour cet appel");
    expect((await storedRehearsal(app, lea.id)).hintsUsed).toBe(3);
  });
});

describe('the debrief shows the shape of the conversation', () => {
  it('per relaunch: time to answer, whether the client insisted, the key ideas heard', async () => {
    const { app, chat, clock } = setup();
    const { line } = clientOf(app, 3);
    await startSheet(chat, 3);
    await say(chat, clock, GOOD_ANSWERS[3]?.cue ?? '');
    clock.advance(1);
    await say(chat, clock, 'Ok.'); // 2 minutes after the line: the client insists
    const last = await playWell(app, chat, lea.id, clock, 1);
    const shown = visibleText(last);
    expect(shown).toContain("Déroulé de l'appel, réplique par réplique");
    expect(shown).toContain(`« ${line('taux-de-couverture')} »`);
    expect(shown).toContain("réponse en 02:00 · le client a dû insister · idées entendues : les indicateurs de la GPA, expliquer le calcul");
    expect(shown).toContain('réponse en 01:00 · sans insistance du client · idées entendues : ajuster la commande avec le client');
    expect(shown).not.toContain('Non jouées');
  });
});

describe('mes répétitions: progress per criterion', () => {
  it('in how many of the last attempts each criterion was acquired', async () => {
    const { app, chat, clock } = setup();
    const { sheet } = clientOf(app, 3);
    const attempt = async (acquired: string[]) => {
      await startSheet(chat, 3);
      const last = await playWell(app, chat, lea.id, clock);
      const assessment = Object.fromEntries(sheet.successCriteria.map((c) => [`criterion:${c.id}`, acquired.includes(c.id) ? 'acquis' : 'a_travailler']));
      await chat.submit({ ...actionData(last, { verb: 'rehearsal.debrief' }), rating: '60', ...assessment });
    };
    await attempt(['reponse-argumentee']);
    await attempt(['reponse-argumentee', 'attitude-facilitatrice']);
    const replies = await chat.say('mes répétitions');
    checkCards(replies);
    const shown = visibleText(replies);
    expect(shown).toContain('Critères jugés acquis dans vos bilans, sur les 2 dernière(s) tentative(s) terminée(s) :');
    expect(shown).toContain('La réponse est argumentée et structurée — 2 sur 2');
    expect(shown).toContain("L'attitude est constructive et facilitatrice — 1 sur 2");
    expect(shown).toContain("L'explication est claire et pédagogique — 0 sur 2");
  });
});

describe('in English', () => {
  it('the bot’s words are English, the client’s lines stay French', async () => {
    const { app, chat, clock } = setup('en-US');
    const { client } = clientOf(app, 2);
    await reach(app, chat, clock, 2, 'carton-vide');
    const { shown } = await say(chat, clock, 'Je suis désolé.');
    expect(shown).toContain(client.reactions.find((r) => r.line === 'carton-vide')?.insist.text);
    const last = await playWell(app, chat, lea.id, clock);
    expect(visibleText(last)).toContain('How the call went, line by line');
    expect(visibleText(last)).toContain('the client had to press');
    expect(visibleText(await chat.say('indice'))).not.toContain('No more hints'); // the exercise is over: indice is no command
  });
});
