import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatTime } from '../../src/bot/format.js';
import { translator } from '../../src/i18n/translate.js';
import { DEMO_USERS } from '../../src/start-banner.js';
import { describeBrowser, launchChromium, screenshotOnFailure } from '../helpers/browser.js';
import { root, spawnUntil, type Started } from '../helpers/servers.js';
import { button, reachScoring, say, sees, WAIT_MS } from '../helpers/web-chat-page.js';
import { freePort } from '../fixtures/free-port.js';

const t = translator('fr');
const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** `npm start`'s command (package.json), run on the build the global setup made: node and its flags. */
function startScriptArgs(): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.split(/\s+/);
  expect(command).toBe('node');
  return args;
}

/** The addresses the start banner prints, in order. */
function printedAddresses(output: string): string[] {
  return [...output.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]).filter((url) => !url.includes('"'));
}

/** The time under the newest message of the bot: what Web Chat shows beside its card. */
function shownTimes(page: Page): Promise<string[]> {
  return page.locator('.webchat__stacked-layout__status').allInnerTexts().then((texts) => texts.map((text) => text.trim()).filter((text) => text !== ''));
}

describeBrowser('first run: what npm start prints opens, in French', () => {
  let bot: Started;
  let port: number;
  let store: string;
  let browser: Browser;
  let context: BrowserContext;
  const pages: Page[] = [];

  beforeAll(async () => {
    port = await freePort();
    store = mkdtempSync(join(tmpdir(), 'jury-first-run-'));
    [bot, browser] = await Promise.all([
      spawnUntil(
        startScriptArgs(),
        { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', STORE_DIR: store, LOG_LEVEL: 'info' },
        (text) => (text.includes('Ctrl-C arrête le bot.') ? text : undefined),
        'the bot (npm start)',
      ),
      launchChromium(),
    ]);
    // A browser set to English in New York: Web Chat must still show the bot's French, Paris times.
    context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1280, height: 1000 } });
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    rmSync(store, { recursive: true, force: true });
  });

  it('prints in French one web chat address per demo role and the health check, and keeps restify’s DEP0111 warning out', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    const output = bot.logs.join('');
    expect(output).toContain('Jury CQP est démarré.');
    const addresses = printedAddresses(output);
    const base = `http://localhost:${port}`;
    expect(addresses).toEqual([...DEMO_USERS.map(({ user }) => `${base}/?user=${user}`), `${base}/healthz`, `${base}/api/messages`]);
    // The roles printed are the ones the page links to.
    const html = readFileSync(join(root, 'web', 'index.html'), 'utf8');
    expect([...html.matchAll(/href="\?user=(\w+)"/g)].map((match) => match[1])).toEqual(DEMO_USERS.map(({ user }) => user));
    expect(output).not.toContain('DEP0111');
    expect(output).not.toContain("process.binding('http_parser')");
    // Only that one warning is disabled: no blanket --no-warnings or --no-deprecation.
    expect(startScriptArgs().filter((arg) => /warning|deprecation/.test(arg))).toEqual(['--disable-warning=DEP0111']);
  });

  it('each printed address opens: every role’s web chat greets that person, and /healthz answers ok', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    const addresses = printedAddresses(bot.logs.join(''));
    for (const [index, { user }] of DEMO_USERS.entries()) {
      const page = await context.newPage();
      pages.push(page);
      page.setDefaultTimeout(WAIT_MS);
      await page.goto(addresses[index] ?? '');
      await expect.poll(() => page.locator('#who').innerText(), { timeout: WAIT_MS }).toBe(user.charAt(0).toUpperCase() + user.slice(1));
      await page.locator('.webchat__basic-transcript__activity').first().waitFor();
    }
    const health = await context.newPage();
    pages.push(health);
    const response = await health.goto(addresses[DEMO_USERS.length] ?? '');
    expect(response?.status()).toBe(200);
    expect(JSON.parse(await health.locator('body').innerText())).toMatchObject({ status: 'ok', storage: 'ok' });
  });

  it('Web Chat shows the bot’s times as the bot writes them (14 h 05, Paris), in French, whatever the browser’s language and zone', async () => {
    const before = new Date();
    const page = await context.newPage();
    pages.push(page);
    screenshotOnFailure(() => pages, () => bot.logs);
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`http://localhost:${port}/?user=zoe&poll=200`);
    await page.locator('.webchat__basic-transcript__activity').first().waitFor();
    await expect.poll(() => shownTimes(page), { timeout: WAIT_MS }).not.toEqual([]);
    const after = new Date();
    const [time] = await shownTimes(page);
    expect([formatTime(before, 'Europe/Paris'), formatTime(after, 'Europe/Paris')]).toContain(time);
    expect(await page.getByPlaceholder('Tapez votre message').count()).toBe(1);
  });

  it('axe-core finds no serious or critical violation on the page with cards shown, on a desktop and on a phone', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    for (const viewport of [{ width: 1280, height: 1000 }, { width: 390, height: 844 }]) {
      const page = await context.newPage();
      pages.push(page);
      page.setDefaultTimeout(WAIT_MS);
      await page.setViewportSize(viewport);
      await page.goto(`http://localhost:${port}/?user=axe${viewport.width}&poll=200`);
      await page.locator('.webchat__basic-transcript__activity').first().waitFor();
      await say(page, 'nouvelle évaluation');
      await button(page, t('card.create.submit')).waitFor();
      // Web Chat first announces a new card through a screen-reader live region holding a copy of
      // its inputs without their labels, and empties it a moment later: the page is checked as
      // it then stays, cards shown. (That transient copy is Web Chat's, not this page's.)
      await expect.poll(() => page.locator('.webchat__live-region-transcript input').count(), { timeout: WAIT_MS }).toBe(0);
      await page.addScriptTag({ content: AXE_SOURCE });
      // A string, evaluated in the page: the tests' TypeScript has no DOM types.
      const violations = (await page.evaluate(
        'axe.run(document).then((result) => result.violations.map(({ id, impact, nodes }) => ({ id, impact, targets: nodes.map((node) => JSON.stringify(node.target)) })))',
      )) as { id: string; impact: string | null; targets: string[] }[];
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `at ${viewport.width} px`).toEqual([]);
      // The two this page had: the primary button's contrast and the missing <h1>.
      expect(violations.map((v) => v.id)).not.toContain('color-contrast');
      expect(violations.map((v) => v.id)).not.toContain('page-has-heading-one');
    }
  });

  it('a PDF link works on a non-default port: a lone professional signs, opens the PDF from its link', async () => {
    const page = await context.newPage();
    pages.push(page);
    screenshotOnFailure(() => pages, () => bot.logs);
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(`http://localhost:${port}/?user=paul&poll=200`);
    await page.locator('.webchat__basic-transcript__activity').first().waitFor();
    await reachScoring(page, 'Paul Girard');
    for (let row = 1; row <= 7; row += 1) {
      await sees(page, `Ligne ${row}/7`);
      await button(page, t('card.percent', { value: 70 })).click();
    }
    await button(page, t('card.report.submit')).click();
    await button(page, t('pcard.consolidation.preview')).click();
    await button(page, t('pcard.preview.sign')).click();
    await button(page, t('pcard.synthesis.pdf')).click();
    const [popup] = await Promise.all([context.waitForEvent('page'), button(page, t('pcard.pdf.open')).click()]);
    await popup.waitForURL(/\/pdf\//);
    const link = popup.url();
    expect(link.startsWith(`http://localhost:${port}/pdf/`), link).toBe(true);
    const pdf = await context.request.get(link);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await popup.close();
  }, 90_000);
});
