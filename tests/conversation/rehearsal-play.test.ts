import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rehearsal } from '../../src/domain/model.js';
import { FileStorage } from '../../src/storage/file-storage.js';
import { ManualClock } from '../helpers/manual-clock.js';
import { buildTestApp, cardsOf, Chat, seededRandom, visibleText, type TestApp } from '../helpers/test-app.js';
import { GOOD_ANSWERS } from '../helpers/rehearsal-samples.js';
import { actionData, checkCards, clientSays, inputsOf, playWell, promptOf, startSheet, storedRehearsal, type Replies } from './rehearsal-helpers.js';

const lea = { id: 'lea', name: 'Léa Dupont' };

function setup(options: { storage?: Storage; seed?: number } = {}) {
  const clock = new ManualClock('2026-11-20T09:00:00.000Z');
  const app = buildTestApp({ clock, storage: options.storage, random: seededRandom(options.seed ?? 42) });
  return { app, clock, chat: new Chat(app, lea) };
}

function sheetOf(app: TestApp, number: number) {
  const sheet = app.referentials.get('cqp-agc')?.rolePlays.find((s) => s.number === number);
  if (!sheet) throw new Error(`sheet ${number}`);
  return sheet;
}

/**
 * Plays to the debrief: answers each client line one minute after it (the given answers in
 * turn, then a good answer to the line asked), answers the condition question with `yes`, and
 * checks each sheet line is the next one of the stored order, shown as the client's, verbatim.
 * Returns the ids of the sheet lines heard (not the client's reactions) and the last replies.
 */
async function playToEnd(
  app: TestApp,
  chat: Chat,
  clock: ManualClock,
  options: { answers?: string[]; yes?: boolean } = {},
): Promise<{ heard: string[]; last: Replies; rehearsal: Rehearsal }> {
  const heard: string[] = [];
  let rehearsal = await storedRehearsal(app, lea.id);
  const sheet = sheetOf(app, rehearsal.sheet);
  for (let i = 0; i < 20; i += 1) {
    clock.advance(1);
    const replies = await chat.say(options.answers?.[i] ?? GOOD_ANSWERS[rehearsal.sheet]?.[promptOf(rehearsal) ?? ''] ?? '');
    checkCards(replies);
    const shown = visibleText(replies);
    const after = await storedRehearsal(app, lea.id);
    const newLines = after.transcript.slice(rehearsal.transcript.length).filter((e) => e.speaker === 'client' && !e.reaction);
    for (const entry of newLines) {
      const line = sheet.lines.find((l) => l.id === entry.lineId);
      expect(line, `line ${entry.lineId}`).toBeDefined();
      expect(shown).toContain(clientSays(line?.text ?? ''));
      heard.push(entry.lineId ?? '');
    }
    rehearsal = after;
    if (after.state === 'awaiting_condition') {
      expect(shown).toContain('Acceptez-vous la réclamation du client ? (oui / non)');
      const answer = actionData(replies, { verb: 'rehearsal.condition', answer: options.yes === false ? 'non' : 'oui' });
      clock.advance(0.5);
      const resolved = await chat.submit(answer);
      checkCards(resolved);
      const next = await storedRehearsal(app, lea.id);
      for (const entry of next.transcript.slice(after.transcript.length).filter((e) => e.speaker === 'client' && !e.reaction)) {
        expect(visibleText(resolved)).toContain(clientSays(entry.text));
        heard.push(entry.lineId ?? '');
      }
      rehearsal = next;
      if (next.state === 'debrief') return { heard, last: resolved, rehearsal: next };
      continue;
    }
    if (after.state === 'debrief') return { heard, last: replies, rehearsal: after };
  }
  throw new Error('the play did not end');
}

describe('répétition: choosing', () => {
  it('lists the three sheets (number, title, one line of context) and the question drill', async () => {
    const { chat } = setup();
    const replies = await chat.say('Répétition');
    checkCards(replies);
    const shown = visibleText(replies);
    expect(shown).toContain('Fiche n°1 — Délai de livraison');
    expect(shown).toContain('Fiche n°2 — Le produit « détruit sur place »');
    expect(shown).toContain('Fiche n°3 — GPA');
    expect(shown).toContain("L'Assistant(e) de gestion clientèle appelle le client pour lui annoncer que son produit ne sera pas livré demain");
    expect(shown).toContain('Questions du jury');
    expect(shown).toContain('Les 7 questions de la grille');
    expect(cardsOf(replies)).toHaveLength(1);
  });

  it.each(['rehearsal', 'REPETITION', 'répétition !'])('answers %j too', async (text) => {
    const { chat } = setup();
    expect(visibleText(await chat.say(text))).toContain('Fiche n°3 — GPA');
  });

  it('choosing sheet 3 shows the roles, the context, the GPA note, how it goes and the commands; nothing starts yet', async () => {
    const { app, chat } = setup();
    const menu = await chat.say('répétition');
    const replies = await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 3 }));
    checkCards(replies);
    const shown = visibleText(replies);
    for (const expected of [
      'Fiche n°3 — GPA',
      'Distribution des rôles',
      'Assistant(e) de gestion clientèle',
      'Client (joué par le bot)',
      'Contexte',
      "L'AGC appelle le client et celui-ci réagit.",
      'Note : La GPA consiste à gérer les commandes du client directement en fonction des sorties de produits.',
      "C'est vous qui appelez",
      'indice',
      'recommencer',
      'stop',
      "Commencer dans l'ordre de la fiche",
      'Commencer dans un ordre mélangé',
    ]) {
      expect(shown).toContain(expected);
    }
    expect((await storedRehearsal(app, lea.id)).state).toBe('briefing');
  });

  it('sheets 1 and 2 have no GPA note; sheet 2 says the client calls', async () => {
    const { chat } = setup();
    const menu = await chat.say('répétition');
    const one = visibleText(await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 1 })));
    expect(one).not.toContain('Note :');
    const two = visibleText(await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 2 })));
    expect(two).toContain("C'est le client qui appelle");
  });

  it('choosing another sheet during the briefing reuses the same record; a double click is silent', async () => {
    const { app, chat } = setup();
    const menu = await chat.say('répétition');
    const choose1 = actionData(menu, { verb: 'rehearsal.choose', sheet: 1 });
    await chat.submit(choose1);
    expect(await chat.submit(choose1)).toHaveLength(0);
    await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 2 }));
    const all = await app.repositories.rehearsals.listForUser(lea.id);
    expect(all.map((r) => [r.sheet, r.state])).toEqual([[2, 'briefing']]);
  });

  it('an unknown sheet is refused with a message', async () => {
    const { chat } = setup();
    const shown = visibleText(await chat.submit({ verb: 'rehearsal.choose', referentialId: 'cqp-agc', sheet: 9 }));
    expect(shown).toBe("Cette fiche n'existe pas. Rien n'a été modifié.");
  });
});

describe('playing each sheet to the end, in both modes', () => {
  it.each([
    [1, 'ordered'],
    [1, 'shuffled'],
    [2, 'ordered'],
    [2, 'shuffled'],
    [3, 'ordered'],
    [3, 'shuffled'],
  ] as const)('sheet %i, %s', async (number, mode) => {
    const { app, chat, clock } = setup();
    const sheet = sheetOf(app, number);
    const started = visibleText(await startSheet(chat, number, mode));
    expect(started).toContain(mode === 'ordered' ? 'ordre de la fiche' : 'ordre mélangé');
    if (sheet.opener === 'candidate') {
      expect(started).toContain(`📞 À vous : ${sheet.candidateCue}`);
      expect(started).not.toContain('🧑‍💼');
    } else {
      expect(started).toContain(clientSays(sheet.lines[0]?.text ?? ''));
    }
    const stored = await storedRehearsal(app, lea.id);
    const order = stored.cursor.order ?? [];
    const sheetOrder = sheet.lines.map((l) => l.id);
    if (mode === 'shuffled') {
      expect(order).not.toEqual(sheetOrder);
      sheet.lines.forEach((line, i) => {
        if (line.type !== 'relaunch' && line.type !== 'direction') expect(order[i]).toBe(line.id);
      });
    } else expect(order).toEqual(sheetOrder);

    const { heard, last, rehearsal } = await playToEnd(app, chat, clock, { yes: true });
    const opening = sheet.opener === 'bot' ? [order[0]] : [];
    expect([...opening, ...heard]).toEqual(order); // every line, the conditional one included (oui)
    expect(rehearsal.state).toBe('debrief');

    // The debrief: criteria to tick, the questions scale, observations as hints, transcript with times.
    const [card] = cardsOf(last);
    const shown = visibleText(last);
    expect(shown).toContain('Fin du jeu de rôle');
    for (const criterion of sheet.successCriteria) expect(shown).toContain(criterion.text);
    expect(shown).toContain('Lorsque le candidat répond à une question ou lors des jeux de rôles');
    expect(shown).toContain("pas une note");
    expect(shown).toContain('Vous (01:00)');
    const inputs = inputsOf(card).map((i) => [i.type, i.id]);
    expect(inputs).toEqual([
      ...sheet.successCriteria.map((c) => ['Input.ChoiceSet', `criterion:${c.id}`]),
      ['Input.Number', 'rating'],
    ]);

    const submit = { ...actionData(last, { verb: 'rehearsal.debrief' }), rating: '65', [`criterion:${sheet.successCriteria[0]?.id}`]: 'acquis' };
    const saved = visibleText(await chat.submit(submit));
    expect(saved).toContain('Bilan enregistré : 1 acquis, 0 à travailler, auto-évaluation 65\u00a0%.');
    expect(saved).toContain('Repère indicatif');
    const done = await storedRehearsal(app, lea.id);
    expect(done).toMatchObject({ state: 'done', selfRating: 65, mode });
    // The exercise is over: text goes back to commands.
    expect(visibleText(await chat.say('aide'))).toContain('Ce que je sais faire');
  });
});

describe('sheet 1: the insulting direction', () => {
  it('is played as the hostile line written for it, shown with the sheet’s direction', async () => {
    const { app, chat, clock } = setup();
    await startSheet(chat, 1);
    const sheet = sheetOf(app, 1);
    const direction = sheet.lines.find((l) => l.type === 'direction');
    let shown = '';
    for (let i = 0; i < 7; i += 1) {
      clock.advance(1);
      const rehearsal = await storedRehearsal(app, lea.id);
      shown = visibleText(await chat.say(GOOD_ANSWERS[1]?.[promptOf(rehearsal) ?? ''] ?? ''));
    }
    expect(shown).toContain('🎭 Consigne de la fiche : Le client devient insultant, que faites vous ?');
    expect(shown).toContain(clientSays(direction?.text ?? ''));
    clock.advance(1);
    expect(visibleText(await chat.say('Monsieur, restons courtois, je comprends votre colère.'))).toContain(
      clientSays("Comment pouvez-vous m'assurer qu'à ma prochaine commande je serai livré dans les temps ?"),
    );
  });
});

describe('sheet 2: the conditional line "Si réclamation acceptée"', () => {
  const start = ['Bonjour, je vous écoute. Quel produit est concerné ?', 'Vous avez raison, je vais vérifier la préparation.', 'Combien de cartons étaient vides ?'];

  it('accepted by keywords: the client says the goods are not worth the transport', async () => {
    const { app, chat, clock } = setup();
    await startSheet(chat, 2);
    const { heard, rehearsal } = await playToEnd(app, chat, clock, {
      answers: [...start, "J'accepte votre réclamation, je vous fais un avoir."],
    });
    expect(heard).toEqual(['non-conformite', 'carton-vide', 'date-limite', 'cout-transport', 'fin-appel']);
    expect(rehearsal.cursor.decided).toEqual({ 'reclamation-acceptee': { met: true, by: 'keywords' } });
  });

  it('not accepted by keywords: the conditional line is skipped', async () => {
    const { app, chat, clock } = setup();
    await startSheet(chat, 2);
    const { heard, last, rehearsal } = await playToEnd(app, chat, clock, {
      // A refusal that proposes nothing: the client insists once, then the script moves on.
      answers: [...start, 'Je ne peux pas reprendre une marchandise acceptée.', 'Je ne peux pas reprendre une marchandise acceptée, je regrette.'],
    });
    expect(heard).toEqual(['non-conformite', 'carton-vide', 'date-limite', 'fin-appel']);
    expect(visibleText(last)).not.toContain('Le coût de la marchandise ne vaut pas le coût du transport.');
    expect(rehearsal.cursor.decided).toEqual({ 'reclamation-acceptee': { met: false, by: 'keywords' } });
    expect(visibleText(last)).toContain("« Si réclamation acceptée » : non (d'après vos réponses)");
  });

  it.each([
    ['oui', true],
    ['non', false],
    ['Oui !', true],
  ])('unsure: the question is asked; typed %j decides', async (typed, met) => {
    const { app, chat, clock } = setup();
    await startSheet(chat, 2);
    for (const answer of [...start, 'Je vous propose de le détruire sur place.']) {
      clock.advance(1);
      await chat.say(answer);
    }
    expect((await storedRehearsal(app, lea.id)).state).toBe('awaiting_condition');
    const unclear = visibleText(await chat.say('peut-être'));
    expect(unclear).toContain('Répondez par « oui » ou par « non »');
    const shown = visibleText(await chat.say(typed));
    if (met) expect(shown).toContain(clientSays('Le coût de la marchandise ne vaut pas le coût du transport.'));
    else expect(shown).toContain(clientSays('Bien, j\'attends votre confirmation par écrit. Au revoir.'));
    expect((await storedRehearsal(app, lea.id)).cursor.decided).toEqual({ 'reclamation-acceptee': { met, by: 'question' } });
  });

  it('unsure, answered with the card’s Non button; a second click is silent', async () => {
    const { app, chat, clock } = setup();
    await startSheet(chat, 2);
    let replies: Replies = [];
    for (const answer of [...start, 'Je vous propose de le détruire sur place.']) {
      clock.advance(1);
      replies = await chat.say(answer);
    }
    const no = actionData(replies, { verb: 'rehearsal.condition', answer: 'non' });
    expect(visibleText(await chat.submit(no))).toContain('Fin du jeu de rôle');
    expect(await chat.submit(no)).toHaveLength(0);
    expect((await storedRehearsal(app, lea.id)).state).toBe('debrief');
  });
});

describe('commands during the exercise', () => {
  it('indice gives a hint from the sheet’s success criteria, not yet observed, cycling', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 2);
    const sheet = sheetOf(app, 2);
    const first = visibleText(await chat.say('indice'));
    expect(first).toContain(`💡 Indice : ${sheet.successCriteria[0]?.hint}`);
    expect(first).toContain(`Critère de réussite visé : ${sheet.successCriteria[0]?.text}`);
    const second = visibleText(await chat.say('Indice'));
    expect(second).toContain(sheet.successCriteria[1]?.hint);
    expect((await storedRehearsal(app, lea.id)).hintsUsed).toBe(2);
    // A hint is not an answer: the client still waits on the opening.
    expect((await storedRehearsal(app, lea.id)).transcript.filter((e) => e.speaker === 'candidate')).toHaveLength(0);
  });

  it('recommencer starts the sheet again from its first line', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 2);
    await chat.say('Bonjour');
    await chat.say('Quel produit ?');
    const shown = visibleText(await chat.say('recommencer'));
    expect(shown).toContain('On recommence depuis le début.');
    expect(shown).toContain(clientSays(sheetOf(app, 2).lines[0]?.text ?? ''));
    const stored = await storedRehearsal(app, lea.id);
    expect(stored.transcript.map((e) => e.speaker)).toEqual(['client']);
    expect(await app.repositories.rehearsals.listForUser(lea.id)).toHaveLength(1);
  });

  it('stop abandons the exercise; text is no longer taken as an answer; the history says interrupted', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 1);
    await chat.say('Bonjour Monsieur');
    expect(visibleText(await chat.say('stop'))).toContain('Répétition arrêtée');
    expect((await storedRehearsal(app, lea.id)).state).toBe('abandoned');
    expect(visibleText(await chat.say('bonjour'))).toContain("Je n'ai pas compris");
    expect(visibleText(await chat.say('mes répétitions'))).toContain('interrompue');
  });

  it.each(['annuler', 'Cancel', 'ANNULER !'])('%s stops the exercise as stop does', async (word) => {
    const { app, chat } = setup();
    await startSheet(chat, 1);
    await chat.say('Bonjour Monsieur');
    expect(visibleText(await chat.say(word))).toContain('Répétition arrêtée. Elle figure dans « mes répétitions » comme interrompue.');
    const stored = await storedRehearsal(app, lea.id);
    expect(stored.state).toBe('abandoned');
    expect(stored.transcript.filter((e) => e.speaker === 'candidate').map((e) => e.text)).toEqual(['Bonjour Monsieur']);
  });

  it.each(['aide', 'Aide.', 'help'])('%s alone reminds how the exercise works; nothing recorded, nothing changes', async (word) => {
    const { app, chat } = setup();
    await startSheet(chat, 3);
    const before = await storedRehearsal(app, lea.id);
    const shown = visibleText(await chat.say(word));
    expect(shown).toContain('Une répétition est en cours');
    expect(shown).toContain('« indice »');
    expect(shown).toContain('« recommencer »');
    expect(shown).toContain('« stop »');
    expect(shown).not.toContain(clientSays(sheetOf(app, 3).lines[1]?.text ?? ''));
    const after = await storedRehearsal(app, lea.id);
    expect(after.transcript).toEqual(before.transcript);
    expect(after.transcript.filter((e) => e.speaker === 'candidate')).toHaveLength(0);
    expect([after.state, after.cursor]).toEqual([before.state, before.cursor]);
  });

  it('any other text is an answer, even one starting with a command word', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 3);
    await chat.say('aide-moi à comprendre votre besoin');
    const candidate = (await storedRehearsal(app, lea.id)).transcript.filter((e) => e.speaker === 'candidate');
    expect(candidate.map((e) => e.text)).toEqual(['aide-moi à comprendre votre besoin']);
  });

  it('an answer longer than 2,000 characters is refused, nothing recorded', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 3);
    expect(visibleText(await chat.say('x'.repeat(2001)))).toContain('dépasse 2000 caractères (vous en avez écrit 2001)');
    expect((await storedRehearsal(app, lea.id)).transcript).toHaveLength(1);
  });

  it('a rehearsal in progress keeps other sheets from starting', async () => {
    const { chat } = setup();
    const menu = await chat.say('répétition');
    const briefing = await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 1 }));
    await chat.submit(actionData(briefing, { verb: 'rehearsal.start', mode: 'ordered' }));
    const shown = visibleText(await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 2 })));
    expect(shown).toContain('Une répétition est en cours (fiche n°1)');
  });
});

describe('a restart of the bot in the middle', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it.each(['memory', 'file'] as const)('resumes on the same line, in the same shuffled order (%s storage)', async (kind) => {
    let storage: Storage;
    if (kind === 'file') {
      const dir = await mkdtemp(join(tmpdir(), 'rehearsal-'));
      dirs.push(dir);
      storage = new FileStorage({ dir });
    } else storage = new MemoryStorage();
    const first = setup({ storage });
    await startSheet(first.chat, 1, 'shuffled');
    await first.chat.say('Bonjour Monsieur, je vous appelle au sujet de votre commande.');
    await first.chat.say('Je comprends.');
    const before = await storedRehearsal(first.app, lea.id);
    const order = before.cursor.order ?? [];
    const next = sheetOf(first.app, 1).lines.find((l) => l.id === order[before.cursor.next ?? 0]);
    await first.app.close();

    // A new process: a new app (new bootId, another random seed) on the same storage.
    const second = setup({ storage: kind === 'file' ? new FileStorage({ dir: dirs[0] ?? '' }) : storage, seed: 7 });
    expect(second.app.services.bootId).not.toBe(first.app.services.bootId);
    const shown = visibleText(await second.chat.say('Je vous propose un produit de remplacement.'));
    expect(shown).toContain('votre répétition reprend là où elle en était');
    expect(shown).toContain(clientSays(next?.text ?? ''));
    const after = await storedRehearsal(second.app, lea.id);
    expect(after.cursor.order).toEqual(order);
    expect(after.transcript.filter((e) => e.speaker === 'candidate')).toHaveLength(3);
    // Only the first message after the restart says so.
    expect(visibleText(await second.chat.say('Bien sûr.'))).not.toContain('reprend');
    await second.app.close();
  });

  it('a debrief waiting when the bot restarted is shown again', async () => {
    const storage = new MemoryStorage();
    const first = setup({ storage });
    await startSheet(first.chat, 3);
    await playWell(first.app, first.chat, lea.id);
    expect((await storedRehearsal(first.app, lea.id)).state).toBe('debrief');
    const second = setup({ storage });
    const replies = await second.chat.say('bonjour');
    expect(visibleText(replies)).toContain('Bilan — fiche n°3 : GPA');
    expect(visibleText(replies)).not.toContain("Je n'ai pas compris");
  });
});

describe('cards: old and double submissions, typed percentages', () => {
  it('a double click on Commencer is silent; an old card gets a message and a fresh one', async () => {
    const { app, chat } = setup();
    const menu = await chat.say('répétition');
    const briefing = await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 3 }));
    const start = actionData(briefing, { verb: 'rehearsal.start', mode: 'ordered' });
    await chat.submit(start);
    expect(await chat.submit(start)).toHaveLength(0);
    const other = visibleText(await chat.submit(actionData(briefing, { verb: 'rehearsal.start', mode: 'shuffled' })));
    expect(other).toContain("Cette carte n'est plus à jour. Rien n'a été modifié ; voici la version actuelle.");
    expect(other).toContain('📞 À vous');
    expect((await storedRehearsal(app, lea.id)).mode).toBe('ordered');
  });

  it.each([
    ['55,5', 'sans virgule (par exemple 55 plutôt que 55,5)'],
    ['140', "L'auto-évaluation va de 0 à 100"],
    ['', 'par un nombre entier de 0 à 100'],
  ])('the debrief refuses the self-rating %j with a French message, nothing saved', async (rating, message) => {
    const { app, chat } = setup();
    await startSheet(chat, 3);
    const last = await playWell(app, chat, lea.id);
    const before = await storedRehearsal(app, lea.id);
    const shown = visibleText(await chat.submit({ ...actionData(last, { verb: 'rehearsal.debrief' }), rating }));
    expect(shown).toContain(message);
    expect(shown).toContain("Rien n'a été enregistré");
    expect(await storedRehearsal(app, lea.id)).toEqual(before);
  });

  it('a forged criterion is refused', async () => {
    const { app, chat } = setup();
    await startSheet(chat, 3);
    const last = await playWell(app, chat, lea.id);
    const shown = visibleText(await chat.submit({ ...actionData(last, { verb: 'rehearsal.debrief' }), rating: '50', 'criterion:hack': 'acquis' }));
    expect(shown).toContain('ne correspondent pas aux critères');
  });

  it('the debrief card stays within 40 KB with every answer at its maximum length', async () => {
    const { chat } = setup();
    await startSheet(chat, 1);
    let last: Replies = [];
    // Answers that say nothing: the client insists on each line, so the transcript is the longest it can be.
    for (let i = 0; i < 30 && !visibleText(last).includes('Fin du jeu de rôle'); i += 1) last = await chat.say(`${i % 10}${'é'.repeat(1999)}`);
    expect(visibleText(last)).toContain('Fin du jeu de rôle');
    checkCards(last);
  });
});

describe('the question drill', () => {
  it('asks every question of the grid, one at a time; each answer is rated on the questions scale', async () => {
    const { app, chat, clock } = setup();
    const started = visibleText(await startSheet(chat, 0));
    const questions = [...app.referentials.values()][0]?.domains.flatMap((d) => d.rows.flatMap((r) => r.questions)) ?? [];
    expect(questions).toHaveLength(7);
    expect(started).toContain(`❓ Question 1/7 — GPA : « ${questions[0]?.text} »`);
    for (const [i, question] of questions.entries()) {
      clock.advance(2);
      const rateReplies = await chat.say(`Ma réponse à la question ${i + 1}.`);
      checkCards(rateReplies);
      expect(visibleText(rateReplies)).toContain('Le candidat répond aux questions en s\'appuyant sur son vécu et sa formation.');
      expect(inputsOf(cardsOf(rateReplies)[0])).toMatchObject([{ type: 'Input.Number', id: 'rating', min: 0, max: 100 }]);
      const rate = actionData(rateReplies, { verb: 'rehearsal.rate', questionId: question.id });
      if (i === 0) {
        expect(visibleText(await chat.submit({ ...rate, rating: '55,5' }))).toContain('sans virgule');
        expect(visibleText(await chat.submit({ ...rate, rating: '140' }))).toContain('va de 0 à 100');
      }
      const rated = i === 1 ? await chat.say('60') : await chat.submit({ ...rate, rating: String(50 + i) });
      checkCards(rated);
      const shown = visibleText(rated);
      expect(shown).toContain(`Noté ${i === 1 ? 60 : 50 + i}\u00a0%.`);
      if (i < questions.length - 1) expect(shown).toContain(`❓ Question ${i + 2}/7`);
      else expect(shown).toContain('Questions terminées');
    }
    const done = await storedRehearsal(app, lea.id);
    expect(done).toMatchObject({ state: 'done', mode: 'drill', sheet: 0 });
    expect(done.selfRating).toBe(54); // (50 + 60 + 52 + 53 + 54 + 55 + 56) / 7 = 54.29
  });

  it('stopped after two ratings, mes répétitions shows their half-up mean, not "sans auto-évaluation"', async () => {
    const { chat } = setup();
    await startSheet(chat, 0);
    await chat.say('Ma première réponse.');
    await chat.say('50');
    await chat.say('Ma deuxième réponse.');
    await chat.say('75');
    expect(visibleText(await chat.say('stop'))).toContain('Répétition arrêtée');
    const shown = visibleText(await chat.say('mes répétitions'));
    expect(shown).toContain('auto-évaluation 63\u00a0%'); // (50 + 75) / 2 = 62.5
    expect(shown).not.toContain('sans auto-évaluation');
  });
});

describe('mes répétitions: attempts and progress', () => {
  it('shows each attempt per sheet with date, mode, duration, self-assessment and rating, and the progress', async () => {
    const { app, chat, clock } = setup();
    const playSheet3 = async (minutesPerAnswer: number, rating: string, mode: 'ordered' | 'shuffled') => {
      await startSheet(chat, 3, mode);
      const last = await playWell(app, chat, lea.id, clock, minutesPerAnswer);
      await chat.submit({
        ...actionData(last, { verb: 'rehearsal.debrief' }),
        rating,
        'criterion:reponse-argumentee': 'acquis',
        'criterion:attitude-facilitatrice': 'a_travailler',
      });
    };
    await playSheet3(2, '45', 'ordered');
    clock.advance(60 * 24);
    await playSheet3(1.5, '60', 'shuffled');
    const replies = await chat.say('mes répétitions');
    checkCards(replies);
    const shown = visibleText(replies);
    expect(shown).toContain('Fiche n°3 — GPA');
    expect(shown).toContain('Tentative 1 · 20/11/2026');
    expect(shown).toContain('Tentative 2 · 21/11/2026');
    expect(shown).toContain('ordre de la fiche · 10 min 00 s · 1 acquis / 1 à travailler · auto-évaluation 45\u00a0%');
    expect(shown).toContain('ordre mélangé · 7 min 30 s · 1 acquis / 1 à travailler · auto-évaluation 60\u00a0%');
    expect(shown).toContain('Progrès depuis la tentative précédente : +15 points, 2 min 30 s plus rapide');
  });

  it('dates are in Europe/Paris: 23:30 UTC on 20/11 is already 21/11 in Paris', async () => {
    const { chat, clock } = setup();
    clock.set('2026-11-20T23:30:00.000Z');
    await startSheet(chat, 1);
    await chat.say('stop');
    expect(visibleText(await chat.say('mes répétitions'))).toContain('Tentative 1 · 21/11/2026');
  });

  it('says so when there is nothing yet', async () => {
    const { chat } = setup();
    expect(visibleText(await chat.say('mes répétitions'))).toContain("Vous n'avez encore fait aucune répétition.");
  });

  it('speaks English to an English client (the sheet stays in French)', async () => {
    const clock = new ManualClock('2026-11-20T09:00:00.000Z');
    const app = buildTestApp({ clock });
    const chat = new Chat(app, lea, { locale: 'en-US' });
    const menu = await chat.say('rehearsal');
    expect(visibleText(menu)).toContain('Sheet 1 — Délai de livraison');
    const briefing = await chat.submit(actionData(menu, { verb: 'rehearsal.choose', sheet: 2 }));
    const started = visibleText(await chat.submit(actionData(briefing, { verb: 'rehearsal.start', mode: 'ordered' })));
    expect(started).toContain('Here we go');
    expect(started).toContain("Bonjour, je vous appelle parce qu'il y a une erreur dans votre livraison.");
    expect(visibleText(await chat.say('hint'))).toContain('💡 Hint:');
  });
});
