import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { describeBrowser, launchChromium, screenshotOnFailure } from '../helpers/browser.js';
import { startBot, type Started } from '../helpers/servers.js';
import { botActivityCount, button, input, openWebChat, say, sees, transcript, WAIT_MS } from '../helpers/web-chat-page.js';

const t = translator('fr');

describeBrowser('a candidate rehearsing in the demo web chat', () => {
  let bot: Started;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [bot, browser] = await Promise.all([startBot(), launchChromium()]);
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 1000 } });
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('writes `répétition`, plays sheet 1 to the debrief and saves the self-assessment', async () => {
    page = await openWebChat(context, bot.url, 'lea');
    screenshotOnFailure(() => [page], () => bot.logs);
    await sees(page, 'Bienvenue');

    await say(page, 'répétition');
    await button(page, t('rehearsal.menu.choose', { number: 1 })).click();
    await button(page, t('rehearsal.briefing.startOrdered')).click();
    await sees(page, '📞 À vous');

    // The candidate opens (sheet 1: the assistant calls the client); each answer gets the client's next line.
    const ended = t('rehearsal.ended');
    for (let turn = 0; turn < 20 && !(await transcript(page)).includes(ended); turn += 1) {
      const before = await botActivityCount(page);
      await say(page, `Bonjour, je vous appelle au sujet de votre commande, point ${turn}.`);
      await expect.poll(() => botActivityCount(page), { timeout: WAIT_MS, interval: 100 }).toBeGreaterThan(before);
    }
    await sees(page, ended);
    expect(await transcript(page)).toContain('🧑‍💼 Client : «');

    // The debrief card: the self-assessment on the jury's scale, then save.
    await input(page, t('rehearsal.debrief.ratingLabel')).fill('65');
    await button(page, t('rehearsal.debrief.submit')).click();
    await sees(page, 'Bilan enregistré');
    expect(await transcript(page)).toContain('auto-évaluation 65\u00a0%');
  }, 60_000);
});
