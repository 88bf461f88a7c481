import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { loadReferentials } from '../../src/referential/load-referentials.js';
import { describeBrowser, launchChromium, screenshotOnFailure } from '../helpers/browser.js';
import { root, startBot, type Started } from '../helpers/servers.js';
import { storedGrids } from '../helpers/stored-grids.js';
import { button, openWebChat, reachScoring, sees, WAIT_MS } from '../helpers/web-chat-page.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const t = translator('fr');
const referential = [...loadReferentials(join(root, 'data', 'referentiels')).values()][0]!;
const [firstRow, secondRow] = referential.domains.flatMap((d) => d.rows);
const percent = (value: number): string => t('card.percent', { value });

/** The newest activity of the transcript (the card that just arrived). */
function newestActivity(page: Page): Locator {
  return page.locator('.webchat__basic-transcript__activity').last();
}

/** Waits until Web Chat has stopped scrolling the transcript. */
async function scrollSettled(page: Page): Promise<void> {
  const scroller = page.locator('.webchat__basic-transcript__scrollable');
  let last = -1;
  await expect
    .poll(
      async () => {
        const top = await scroller.evaluate((el) => el.scrollTop);
        const settled = top === last;
        last = top;
        return settled;
      },
      { timeout: WAIT_MS, interval: 250 },
    )
    .toBe(true);
}

describeBrowser('the row card in Web Chat: one click per score, one phone screen', () => {
  let bot: Started;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    [bot, browser] = await Promise.all([startBot(), launchChromium()]);
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('a quick pick on row 1 saves it and opens row 2', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await openWebChat(context, bot.url, 'paul');
    pages.push(page);
    await reachScoring(page, 'Paul Bernard');

    await button(page, percent(70)).click();
    await sees(page, t('evaluation.row.position', { domain: 1, domains: 3, row: 2, rows: 7 }));
    await sees(page, secondRow!.title);
    const [grid] = await storedGrids(bot.store!);
    expect(grid?.rows[firstRow!.id]?.percentage).toBe(70);
    expect(grid?.rows[secondRow!.id]?.percentage).toBeNull();
  }, 60_000);

  it('on a 390 × 844 phone, the scoring card arrives with its position, title, scale and picks in view', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    contexts.push(context);
    const page = await openWebChat(context, bot.url, 'zoe');
    pages.push(page);
    await reachScoring(page, 'Zoé Lambert');
    await scrollSettled(page);

    const card = newestActivity(page);
    const viewport = page.viewportSize()!;
    // What the juror sees: the part of the transcript that is scrolled into view, inside the screen.
    const shown = (await page.locator('.webchat__basic-transcript__scrollable').boundingBox())!;
    const top = Math.max(0, shown.y);
    const bottom = Math.min(viewport.height, shown.y + shown.height);
    const inView = async (locator: Locator, what: string): Promise<void> => {
      const box = await locator.boundingBox();
      expect(box, what).not.toBeNull();
      expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(top);
      expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(bottom);
      expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(viewport.width);
    };
    await inView(card.getByText(t('evaluation.row.position', { domain: 1, domains: 3, row: 1, rows: 7 })), 'the position line');
    await inView(card.getByText(firstRow!.title, { exact: true }), "the row's title");
    // No source chosen yet: both scales, each pick beside the beginning of its band's descriptors.
    await inView(card.getByText(t('card.row.bothScales')), 'the scales shown');
    for (const mark of referential.scales.marks) await inView(card.getByRole('button', { name: percent(mark), exact: true }), `the ${mark} % pick`);
    for (const scale of referential.scales.list) {
      for (const descriptor of scale.descriptors) {
        const opening = descriptor.text.split(' ').slice(0, 3).join(' ');
        await inView(card.getByText(`${t(`card.row.source.${scale.id}`)} : ${opening}`).first(), `« ${opening} »`);
      }
    }
    // Every card's buttons stay on the screen with their whole label, the frame card's three in a
    // row included: on a phone a label wraps rather than pushing the last button off the card.
    const cutButtons = await page.evaluate(`[...document.querySelectorAll('.ac-actionSet .ac-pushButton')]
      .filter((b) => b.getBoundingClientRect().right > window.innerWidth || (b.firstElementChild && b.firstElementChild.scrollWidth > b.firstElementChild.clientWidth))
      .map((b) => b.textContent)`);
    expect(cutButtons).toEqual([]);
    expect(await page.locator('.ac-actionSet .ac-pushButton').count()).toBeGreaterThan(5);
    mkdirSync(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results', 'row-card-phone.png') });
  }, 60_000);
});
