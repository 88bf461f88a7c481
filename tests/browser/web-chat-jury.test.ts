import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate.js';
import { describeBrowser, launchChromium, screenshotOnFailure } from '../helpers/browser.js';
import { startBot, type Started } from '../helpers/servers.js';
import { button, input, openWebChat, say, sees, transcript } from '../helpers/web-chat-page.js';

const t = translator('fr');
/** A catalog message up to its first parameter left unfilled (times and dates vary). */
const opening = (key: Parameters<typeof t>[0], params: Record<string, string> = {}): string => t(key, params).split('{')[0] ?? '';

/** The newest transcript activity that shows `text` and has the button `name`. */
function cardWith(page: Page, text: string, name: string): Locator {
  return page
    .locator('.webchat__basic-transcript__activity')
    .filter({ hasText: text })
    .filter({ has: page.getByRole('button', { name, exact: true }) })
    .last();
}

/** The scoring pass in a tab: a quick pick per row when the value is a mark (one click), else the precise value; then the report and submission. */
async function scoreEveryRow(page: Page, value: number): Promise<void> {
  await button(page, t('card.frame.scoring')).click();
  for (let row = 1; row <= 7; row++) {
    await sees(page, `Ligne ${row}/7`);
    if ([0, 30, 50, 70, 100].includes(value)) {
      await button(page, t('card.percent', { value })).click();
    } else {
      await input(page, t('card.row.precise')).fill(String(value));
      await button(page, row < 7 ? t('card.row.saveNext') : t('card.row.saveReport')).click();
    }
  }
  await button(page, t('card.report.submit')).click();
  await sees(page, opening('evaluation.report.submitted', { candidate: 'Léa Dupont' }));
}

describeBrowser('a jury in three tabs of the demo web chat', () => {
  let bot: Started;
  let browser: Browser;
  let context: BrowserContext;
  const pages: Page[] = [];

  beforeAll(async () => {
    [bot, browser] = await Promise.all([startBot(), launchChromium()]);
    context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 1000 } });
  }, 40_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('the president creates a jury evaluation, admits two jurors from proactive cards, runs the interview, and the signed synthesis reaches every tab', async () => {
    screenshotOnFailure(() => pages, () => bot.logs);
    const [claire, marc, ines] = await Promise.all(['claire', 'marc', 'ines'].map((user) => openWebChat(context, bot.url, user)));
    if (!claire || !marc || !ines) throw new Error('tabs');
    pages.push(claire, marc, ines);

    // Claire creates the evaluation in jury mode (the default) and gets a code.
    await say(claire, 'nouvelle évaluation');
    await button(claire, t('card.create.submit')).waitFor();
    await input(claire, t('card.create.candidateLastName')).fill('Dupont');
    await input(claire, t('card.create.candidateFirstName')).fill('Léa');
    await input(claire, t('card.create.company')).fill('Laiterie du Val');
    await input(claire, t('card.create.creatorName')).fill('Claire Martin');
    await input(claire, t('card.create.creatorFunction')).fill('responsable ADV');
    await button(claire, t('card.create.submit')).click();
    await sees(claire, t('card.frame.start'));
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(await transcript(claire))?.[1];
    expect(code, 'join code shown to the president').toBeDefined();

    // Each juror asks to join with the code and gives name and function once.
    for (const [page, name, role] of [[marc, 'Marc Petit', 'commercial'], [ines, 'Inès Roy', 'formatrice']] as const) {
      await say(page, `rejoindre ${code}`);
      await input(page, t('card.profile.name')).fill(name);
      await input(page, t('card.profile.function')).fill(role);
      await button(page, t('card.profile.save')).click();
      await sees(page, opening('evaluation.join.sent', { president: 'Claire Martin' }));
    }

    // The requests reach Claire's tab unprompted (proactive posts); she accepts both.
    for (const [page, name] of [[marc, 'Marc Petit'], [ines, 'Inès Roy']] as const) {
      const request = cardWith(claire, name, t('card.join.accept'));
      await request.waitFor();
      await request.getByRole('button', { name: t('card.join.accept'), exact: true }).click();
      await sees(page, opening('evaluation.join.acceptedForMember', { president: 'Claire Martin' }));
    }

    // Claire starts the interview; both jurors see the notice in their own tab.
    await button(claire, t('card.frame.start')).click();
    for (const page of [marc, ines]) await sees(page, opening('evaluation.start.told', { candidate: 'Léa Dupont' }));

    // Claire ends it; each member scores every row and submits, Claire last.
    await button(claire, t('card.frame.end')).click();
    for (const page of [marc, ines]) await sees(page, opening('evaluation.end.told', { candidate: 'Léa Dupont' }));
    for (const [page, value] of [[marc, 70], [ines, 50], [claire, 60]] as const) await scoreEveryRow(page, value);

    // The consolidation reaches Claire's tab unprompted; she checks and signs.
    await sees(claire, opening('president.consolidation.ready', { candidate: 'Léa Dupont' }));
    await button(claire, t('pcard.consolidation.preview')).click();
    await button(claire, t('pcard.preview.sign')).click();
    for (const page of [claire, marc, ines]) await sees(page, 'Signé par Claire Martin le');
    expect(await transcript(claire)).toContain('60\u00a0%');
  }, 150_000);
});
