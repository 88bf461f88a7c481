import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { translator } from '../../src/i18n/translate.js';
import { buildTestApp, Chat, visibleText } from '../helpers/test-app.js';

const marc = { id: 'marc', name: 'Marc Petit' };
const fr = translator('fr');
const en = translator('en');

describe('BOT_LOCALE: one reply language whatever the client sends', () => {
  it('BOT_LOCALE=fr answers a client that says en-US (the Agents Playground) in French, cards included', async () => {
    const chat = new Chat(buildTestApp({ env: { BOT_LOCALE: 'fr' } }), marc, { locale: 'en-US' });
    const help = visibleText(await chat.say('aide'));
    expect(help).toContain(fr('help.title'));
    expect(help).not.toContain(en('help.title'));
    const form = visibleText(await chat.say('nouvelle évaluation'));
    expect(form).toContain(fr('card.create.submit'));
    expect(form).not.toContain(en('card.create.submit'));
  });

  it('BOT_LOCALE=en answers a French client in English', async () => {
    const chat = new Chat(buildTestApp({ env: { BOT_LOCALE: 'en' } }), marc, { locale: 'fr-FR' });
    expect(visibleText(await chat.say('aide'))).toContain(en('help.title'));
  });

  it('unset, the client’s locale decides, as before', async () => {
    const chat = new Chat(buildTestApp(), marc, { locale: 'en-US' });
    expect(visibleText(await chat.say('help'))).toContain(en('help.title'));
  });

  it('refuses any other value, saying which ones it takes', () => {
    expect(() => loadConfig({ BOT_LOCALE: 'de' })).toThrow(/BOT_LOCALE: fr ou en/);
  });
});
