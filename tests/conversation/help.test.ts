import { describe, expect, it } from 'vitest';
import { buildTestApp, cardsOf, Chat, visibleText } from '../helpers/test-app.js';

const marc = { id: 'marc', name: 'Marc Petit' };

describe('help, welcome and unknown text', () => {
  it.each(['aide', 'AIDE', 'Aide !', 'help', '  aide  ', '<at>Jury CQP</at> aide'])('answers %j with the command list', async (text) => {
    const chat = new Chat(buildTestApp(), marc);
    const replies = await chat.say(text);
    expect(replies).toHaveLength(1);
    const shown = visibleText(replies);
    expect(shown).toContain('Ce que je sais faire');
    expect(shown).toContain('affiche cette aide');
  });

  it('answers unknown text with help, quoting what it did not understand', async () => {
    const chat = new Chat(buildTestApp(), marc);
    const shown = visibleText(await chat.say('bonjour le bot'));
    expect(shown).toContain("Je n'ai pas compris « bonjour le bot »");
    expect(shown).toContain('aide');
  });

  it('cuts a very long unknown text when quoting it', async () => {
    const chat = new Chat(buildTestApp(), marc);
    const shown = visibleText(await chat.say('x'.repeat(10_000)));
    expect(shown).toContain(`« ${'x'.repeat(80)}… »`);
    expect(shown).not.toContain('x'.repeat(81));
  });

  it('speaks English when the client locale is English', async () => {
    const chat = new Chat(buildTestApp(), marc, { locale: 'en-US' });
    const shown = visibleText(await chat.say('help'));
    expect(shown).toContain('What I can do');
    expect(shown).not.toContain('Ce que je sais faire');
  });

  it('greets a new conversation with a welcome card naming the certification', async () => {
    const chat = new Chat(buildTestApp(), marc);
    const replies = await chat.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:marc', name: 'Marc Petit' }],
    });
    const shown = visibleText(replies);
    expect(shown).toContain('Bienvenue dans le bot jury CQP');
    expect(shown).toContain('CQP Assistant(e) de Gestion Client');
    const [card] = cardsOf(replies);
    expect(card?.version).toBe('1.5');
    const buttons = JSON.stringify(card?.actions);
    for (const title of ['Nouvelle évaluation', 'Répétition', 'Aide']) expect(buttons).toContain(title);
  });

  it('does not greet when only the bot itself is added', async () => {
    const chat = new Chat(buildTestApp(), marc);
    const replies = await chat.send({ type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Jury CQP' }] });
    expect(replies).toHaveLength(0);
  });

  it('runs a command from a welcome card button', async () => {
    const chat = new Chat(buildTestApp(), marc);
    const shown = visibleText(await chat.submit({ verb: 'command.run', command: 'help' }));
    expect(shown).toContain('Ce que je sais faire');
  });

  it.each([
    [{ verb: 'grid.hack' }],
    [{ verb: 'command.run', command: 'delete-everything' }],
    [{ nothing: true }],
  ])('refuses a forged or unknown card payload %j with a French message', async (value) => {
    const chat = new Chat(buildTestApp(), marc);
    const replies = await chat.submit(value);
    expect(visibleText(replies)).toBe("Cette action n'est pas reconnue ou ses données sont incomplètes. Rien n'a été modifié.");
  });

  it('turns an unexpected failure into one short French sentence', async () => {
    const app = buildTestApp();
    app.bot.onMessage(async () => {
      throw new Error('boom');
    });
    const replies = await new Chat(app, marc).say('aide');
    expect(visibleText(replies)).toContain("Désolé, une erreur inattendue s'est produite.");
  });
});
