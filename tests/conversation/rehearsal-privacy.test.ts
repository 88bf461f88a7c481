import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStorage } from '../../src/storage/file-storage.js';
import { sampleEvaluation, sampleGrid, sampleSession, sampleSynthesis } from '../storage/sample-records.js';
import { buildTestApp, Chat, visibleText, type TestApp } from '../helpers/test-app.js';
import { actionData, checkCards, startSheet, storedRehearsal, type Replies } from './rehearsal-helpers.js';

const lea = { id: 'lea', name: 'Léa Dupont' };
const marc = { id: 'marc', name: 'Marc Petit' };

/** Léa rehearses sheet 2 up to the condition question; returns her chat and her last replies. */
async function leaMidway(app: TestApp): Promise<{ chat: Chat; last: Replies }> {
  const chat = new Chat(app, lea);
  await startSheet(chat, 2);
  let last: Replies = [];
  const answers = [
    'Bonjour, je vous écoute, SECRET-REPONSE-LEA. Quel produit ?',
    'Vous avez raison, je vais vérifier la préparation.',
    'Combien de cartons étaient vides ?',
    'Je vous propose de le détruire sur place.',
  ];
  for (const answer of answers) last = await chat.say(answer);
  return { chat, last };
}

describe('a candidate’s rehearsal belongs to her alone', () => {
  it('another user cannot act on it with her rehearsal id: refused, nothing changes', async () => {
    const app = buildTestApp();
    const { last } = await leaMidway(app);
    const before = await storedRehearsal(app, lea.id);
    const condition = actionData(last, { verb: 'rehearsal.condition', answer: 'oui' });
    const forged = [
      condition,
      { verb: 'rehearsal.start', rehearsalId: before.id, rev: before.rev, mode: 'ordered' },
      { verb: 'rehearsal.debrief', rehearsalId: before.id, rev: before.rev, rating: '90' },
      { verb: 'rehearsal.rate', rehearsalId: before.id, rev: before.rev, questionId: 'gpa-taux-de-service', rating: '90' },
    ];
    const marcChat = new Chat(app, marc);
    for (const value of forged) {
      const shown = visibleText(await marcChat.submit(value));
      expect(shown).toBe("Cette répétition n'existe pas ou n'est pas la vôtre. Rien n'a été modifié.");
    }
    expect(await storedRehearsal(app, lea.id)).toEqual(before);
  });

  it('an unknown rehearsal id gets the same answer (nothing tells whether it exists)', async () => {
    const app = buildTestApp();
    const shown = visibleText(await new Chat(app, marc).submit({ verb: 'rehearsal.start', rehearsalId: 'nope', rev: 1, mode: 'ordered' }));
    expect(shown).toBe("Cette répétition n'existe pas ou n'est pas la vôtre. Rien n'a été modifié.");
  });

  it('another user cannot read it: their history, menu, help and answers show nothing of hers', async () => {
    const app = buildTestApp();
    await leaMidway(app);
    const marcChat = new Chat(app, marc);
    const seen = [
      ...(await marcChat.say('mes répétitions')),
      ...(await marcChat.say('répétition')),
      ...(await marcChat.say('aide')),
      ...(await marcChat.say('oui')),
      ...(await marcChat.say('indice')),
      ...(await marcChat.say('supprimer mes répétitions')),
    ];
    const shown = visibleText(seen);
    expect(shown).toContain("Vous n'avez encore fait aucune répétition.");
    expect(shown).toContain("Vous n'avez aucune répétition enregistrée.");
    expect(shown).not.toContain('SECRET-REPONSE-LEA');
    expect(shown).not.toContain('Combien de cartons');
    expect(shown).not.toContain('Acceptez-vous la réclamation');
    // Her exercise did not move.
    expect((await storedRehearsal(app, lea.id)).state).toBe('awaiting_condition');
  });

  it('her texts in a group chat never reach the rehearsal', async () => {
    const app = buildTestApp();
    await leaMidway(app);
    const group = new Chat(app, lea, { conversationType: 'groupChat' });
    const before = await storedRehearsal(app, lea.id);
    expect(visibleText(await group.say('oui'))).not.toContain('Client');
    expect(visibleText(await group.say('mes répétitions'))).toContain('uniquement dans votre conversation personnelle');
    expect(await storedRehearsal(app, lea.id)).toEqual(before);
  });
});

describe('a candidate’s rehearsal commands never reveal evaluation data', () => {
  it('whatever she sends, nothing of an evaluation, grid or synthesis shows', async () => {
    const app = buildTestApp();
    const secrets = ['SECRET-NOTES-JURY', 'SECRETNOM', 'SECRET-ENTREPRISE', 'SECRET-COMMENTAIRE', 'Claire Martin'];
    await app.repositories.sessions.save(sampleSession({ id: 'session-1', tenantId: 'tenant-test' }));
    await app.repositories.evaluations.save(
      sampleEvaluation({
        id: 'evaluation-1',
        tenantId: 'tenant-test',
        header: { date: '2026-11-28', candidateLastName: 'SECRETNOM', candidateFirstName: 'Léa', company: 'SECRET-ENTREPRISE' },
      }),
    );
    await app.repositories.grids.save(
      sampleGrid({ evaluationId: 'evaluation-1', memberId: 'marc', rows: { delais: { notes: 'SECRET-NOTES-JURY', source: 'questions', percentage: 45, notEvaluatedReason: null, questionsUsed: [], linesUsed: [] } } }),
      null,
    );
    await app.repositories.syntheses.save(sampleSynthesis({ evaluationId: 'evaluation-1', comment: 'SECRET-COMMENTAIRE' }), null);

    const chat = new Chat(app, lea);
    const replies: Replies = [];
    replies.push(...(await chat.say('répétition')));
    replies.push(...(await startSheet(chat, 1)));
    for (const text of ['Bonjour', 'indice', 'evaluation-1', 'tableau de bord', 'recommencer', 'stop', 'mes répétitions', 'supprimer mes répétitions']) {
      replies.push(...(await chat.say(text)));
    }
    // Forged rehearsal verbs carrying evaluation and grid ids.
    for (const id of ['evaluation-1', 'session-1', 'evaluation-1/marc', 'synthesis/evaluation-1']) {
      replies.push(...(await chat.submit({ verb: 'rehearsal.start', rehearsalId: id, rev: 0, mode: 'ordered' })));
      replies.push(...(await chat.submit({ verb: 'rehearsal.debrief', rehearsalId: id, rev: 1, rating: '50' })));
    }
    replies.push(...(await chat.submit({ verb: 'rehearsal.choose', referentialId: 'evaluation-1', sheet: 1 })));
    checkCards(replies);
    const shown = JSON.stringify(replies);
    for (const secret of secrets) expect(shown).not.toContain(secret);
    expect(shown).not.toContain('45\u00a0%');
  });
});

describe('supprimer mes répétitions', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  /** Léa has two attempts (one done, one stopped), Marc one. */
  async function populate(app: TestApp): Promise<{ leaChat: Chat; leaIds: string[]; marcId: string }> {
    const leaChat = new Chat(app, lea);
    await startSheet(leaChat, 3);
    let last: Replies = [];
    // The cue, then each of the 4 relaunches twice: the client insists once on an answer that says nothing.
    for (let i = 0; i < 9; i += 1) last = await leaChat.say(`SECRET-LEA-${i}`);
    await leaChat.submit({ ...actionData(last, { verb: 'rehearsal.debrief' }), rating: '50' });
    await startSheet(leaChat, 1);
    await leaChat.say('SECRET-LEA-stop');
    await leaChat.say('stop');
    const marcChat = new Chat(app, marc);
    await startSheet(marcChat, 2);
    const leaIds = (await app.repositories.rehearsals.listForUser(lea.id)).map((r) => r.id);
    const marcId = (await storedRehearsal(app, marc.id)).id;
    expect(leaIds).toHaveLength(2);
    return { leaChat, leaIds, marcId };
  }

  async function erase(leaChat: Chat): Promise<void> {
    const ask = await leaChat.say('supprimer mes répétitions');
    checkCards(ask);
    expect(visibleText(ask)).toContain('Vos 2 répétition(s) seront effacées définitivement');
    // Annuler keeps everything.
    expect(visibleText(await leaChat.submit(actionData(ask, { verb: 'rehearsal.erase', answer: 'cancel' })))).toContain('Suppression annulée');
    const again = await leaChat.say('supprimer mes répétitions');
    const confirm = actionData(again, { verb: 'rehearsal.erase', answer: 'confirm' });
    expect(visibleText(await leaChat.submit(confirm))).toContain('2 répétition(s) effacée(s)');
    expect(await leaChat.submit(confirm)).toHaveLength(0); // double click: silent
  }

  /** What storage holds that concerns Léa's rehearsals: her records, and her index if it still lists anything. */
  function leftovers(entries: [string, string | undefined][], leaIds: string[]): string[] {
    return entries
      .filter((entry): entry is [string, string] => entry[1] !== undefined) // MemoryStorage.delete leaves the key with undefined
      .filter(([key, json]) => {
        if (leaIds.some((id) => key === `rehearsal/${id}`)) return true;
        if (json.includes('SECRET-LEA')) return true;
        // Even an empty index would say she once rehearsed.
        if (key.startsWith('rehearsals-of/lea')) return true;
        if (key === 'user-state/lea') return json.includes('rehearsalId');
        return false;
      })
      .map(([key]) => key);
  }

  it('after confirmation, nothing of her rehearsals is left in MemoryStorage; Marc’s stays', async () => {
    const memory: Record<string, string | undefined> = {};
    const app = buildTestApp({ storage: new MemoryStorage(memory as Record<string, string>) });
    const { leaChat, leaIds, marcId } = await populate(app);
    expect(leftovers(Object.entries(memory), leaIds).length).toBeGreaterThan(0);
    await erase(leaChat);
    expect(leftovers(Object.entries(memory), leaIds)).toEqual([]);
    expect(await app.repositories.rehearsals.listForUser(lea.id)).toEqual([]);
    expect((await storedRehearsal(app, marc.id)).id).toBe(marcId);
    expect(visibleText(await leaChat.say('mes répétitions'))).toContain("Vous n'avez encore fait aucune répétition.");
  });

  it('after confirmation, nothing of her rehearsals is left in the FileStorage folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rehearsal-erase-'));
    dirs.push(dir);
    const storage = new FileStorage({ dir });
    const app = buildTestApp({ storage });
    const { leaChat, leaIds } = await populate(app);
    await erase(leaChat);
    await storage.flush();
    const files = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    const entries = await Promise.all(
      files.map(async (name): Promise<[string, string]> => {
        const { key, item } = JSON.parse(await readFile(join(dir, name), 'utf8')) as { key: string; item: unknown };
        return [key, JSON.stringify(item)];
      }),
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(leftovers(entries, leaIds)).toEqual([]);
  });

  it('with nothing stored, says so and asks nothing', async () => {
    const app = buildTestApp();
    expect(visibleText(await new Chat(app, lea).say('supprimer mes répétitions'))).toBe("Vous n'avez aucune répétition enregistrée.");
  });
});
