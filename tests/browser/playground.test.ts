import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { describeBrowser, launchChromium, screenshotOnFailure } from '../helpers/browser.js';
import { spawnUntil, startBot, startPlayground, type Started } from '../helpers/servers.js';
import { freePort } from '../fixtures/free-port.js';

// The playground sends every message with locale "en-US" (hard-coded in it): without BOT_LOCALE the bot answers in English there.
const t = translator('en');
const fr = translator('fr');
const WAIT_MS = 10_000;

describeBrowser('a juror in Microsoft’s Agents Playground (Teams emulator)', () => {
  let bot: Started;
  let playground: Started;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    bot = await startBot();
    [playground, browser] = await Promise.all([startPlayground(bot.url), launchChromium()]);
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  const button = (name: string) => page.getByRole('button', { name, exact: true }).last();
  const textbox = (label: string) => page.getByRole('textbox', { name: new RegExp(`^${label}`) }).last();
  const sees = (text: string) => page.getByText(text, { exact: false }).last().waitFor();

  /** Writes « nouvelle évaluation » in the chat box (a rich-text editor: typed like a person) and fills the form in professional mode. */
  async function createProfessionalEvaluation(candidate: { last: string; first: string; company: string }): Promise<void> {
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('nouvelle évaluation');
    await page.keyboard.press('Enter');
    await button(t('card.create.submit')).waitFor();
    await page.getByRole('radio', { name: t('card.create.mode.professional') }).last().check();
    await textbox(t('card.create.candidateLastName')).fill(candidate.last);
    await textbox(t('card.create.candidateFirstName')).fill(candidate.first);
    await textbox(t('card.create.company')).fill(candidate.company);
    await textbox(t('card.create.creatorFunction')).fill('chef des ventes');
    await button(t('card.create.submit')).click();
  }

  it('creates an evaluation, saves notes on two rows, then opens the report grid', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    screenshotOnFailure(() => [page], () => [...bot.logs, ...playground.logs]);
    await page.goto(playground.url);

    await createProfessionalEvaluation({ last: 'Dupont', first: 'Léa', company: 'Laiterie du Val' });
    await button(t('card.frame.start')).click();
    await button(t('card.frame.notes')).click();

    const rows = [
      { position: t('evaluation.row.position', { domain: 1, domains: 3, row: 1, rows: 7 }), notes: 'Rappelle le client et propose une nouvelle date de livraison.' },
      { position: t('evaluation.row.position', { domain: 1, domains: 3, row: 2, rows: 7 }), notes: 'Écoute le client, reformule le litige.' },
    ];
    for (const row of rows) {
      await sees(row.position);
      await textbox(t('card.row.notes')).fill(row.notes);
      await button(t('card.row.saveNext')).click();
    }
    await sees(t('evaluation.row.position', { domain: 1, domains: 3, row: 3, rows: 7 }));

    await button(t('card.row.report')).click();
    await sees(t('card.report.title'));
    const shown = await page.locator('body').innerText();
    expect(shown).toContain('Dupont');
    expect(shown).toContain(t('card.report.submit'));
    // Both saves reached the bot; its log names the rows, never the notes.
    const logs = bot.logs.join('');
    expect(logs).toMatch(/"msg":"row save"[^\n]*"row":"delais"/);
    expect(logs).toMatch(/"msg":"row save"[^\n]*"row":"litige"/);
    expect(logs).not.toContain('nouvelle date de livraison');
  }, 60_000);

  it('scores a row with one click on a quick pick: the row is saved and the next one opens', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    screenshotOnFailure(() => [page], () => [...bot.logs, ...playground.logs]);
    await page.goto(playground.url);
    await createProfessionalEvaluation({ last: 'Martin', first: 'Hugo', company: 'Fromagerie du Lac' });
    await button(t('card.frame.start')).click();
    await button(t('card.frame.end')).click();
    await button(t('card.frame.scoring')).click();
    await sees(t('evaluation.row.position', { domain: 1, domains: 3, row: 1, rows: 7 }));

    await button(t('card.percent', { value: 70 })).click();
    await sees(t('evaluation.row.position', { domain: 1, domains: 3, row: 2, rows: 7 }));
    await expect.poll(() => bot.logs.join('').match(/"msg":"row save"[^\n]*"row":"delais"[^\n]*"outcome":"saved"/) !== null, { timeout: WAIT_MS }).toBe(true);
  }, 60_000);
});

describeBrowser('npm run dev: the bot and the Agents Playground as scripts/dev.mjs starts them', () => {
  let dev: Started;
  let home: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'jury-dev-'));
    // dev.mjs itself (npm run dev less the build, which the global setup made): its settings, not the test's.
    [dev, browser] = await Promise.all([
      spawnUntil(
        ['scripts/dev.mjs'],
        {
          PATH: process.env.PATH ?? '',
          HOME: home,
          PORT: '0',
          HOST: '127.0.0.1',
          STORE_DIR: join(home, 'store'),
          TEAMSAPPTESTER_BROWSER: 'none',
          TEAMSAPPTESTER_PORT: String(await freePort()),
          M365_AGENTS_PLAYGROUND_LOGFILE: join(home, 'playground.log'),
        },
        (text) => /Agents Playground: (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1],
        'npm run dev',
      ),
      launchChromium(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    // SIGTERM: dev.mjs stops the bot and the playground it started, then exits.
    if (dev && dev.child.exitCode === null && dev.child.signalCode === null) {
      const exited = new Promise((resolve) => dev.child.once('exit', resolve));
      dev.child.kill('SIGTERM');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  }, 30_000);

  it('answers « aide » in French although the playground sends en-US (BOT_LOCALE=fr by default)', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(WAIT_MS);
    screenshotOnFailure(() => [page], () => dev.logs);
    await page.goto(dev.url);
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('aide');
    await page.keyboard.press('Enter');
    await page.getByText(fr('help.intro'), { exact: false }).last().waitFor();
    const shown = await page.locator('body').innerText();
    expect(shown).toContain(fr('help.title'));
    expect(shown).not.toContain(t('help.intro'));
    // The bot's start banner went through dev.mjs too, and restify's DEP0111 warning did not.
    expect(dev.logs.join('')).toContain('Jury CQP est démarré.');
    expect(dev.logs.join('')).not.toContain('DEP0111');
  }, 60_000);
});
