import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { translator } from '../../src/i18n/translate.js';

/** Bounded waits: a turn takes milliseconds; polling adds half a second. */
const fr = translator('fr');

export const WAIT_MS = 10_000;

/** Opens the demo web chat as `user` and waits for the bot's first message (connected: sending now works). */
export async function openWebChat(context: BrowserContext, baseUrl: string, user: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(`${baseUrl}/?user=${encodeURIComponent(user)}&poll=200`);
  await sendBox(page).waitFor();
  await page.locator('.webchat__basic-transcript__activity').first().waitFor();
  return page;
}

export function sendBox(page: Page): Locator {
  return page.locator('[data-id="webchat-sendbox-input"]');
}

/** Types a message and sends it, as a person would. */
export async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
  // Web Chat empties the box once the message is on its way.
  await expect.poll(() => sendBox(page).inputValue(), { timeout: WAIT_MS, interval: 50 }).toBe('');
}

/** A string as a literal inside a RegExp. */
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The newest card button with this title (older cards may carry the same one). */
export function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true }).last();
}

/** The newest input whose label starts with `label` (required inputs add " *"). */
export function input(page: Page, label: string): Locator {
  return page.getByLabel(new RegExp(`^${escape(label)}`)).last();
}

/** Resolves when the transcript shows `text` (Web Chat's Markdown turns ' into ’). */
export async function sees(page: Page, text: string, timeout = WAIT_MS): Promise<void> {
  const pattern = new RegExp(escape(text).replace(/['’]/g, "['’]"));
  await page.locator('.webchat__basic-transcript').getByText(pattern).last().waitFor({ timeout });
}

/** Every text of the transcript, newest last. */
export function transcript(page: Page): Promise<string> {
  return page.locator('.webchat__basic-transcript').innerText();
}

/** Number of activities the bot sent so far (to wait for "the next answer"). */
export function botActivityCount(page: Page): Promise<number> {
  return page.locator('.webchat__basic-transcript__activity').filter({ hasNot: page.locator('.webchat__bubble--from-user') }).count();
}

/** A lone professional creates an evaluation, runs the interview and opens the scoring pass. */
export async function reachScoring(page: Page, who: string): Promise<void> {
  await say(page, 'nouvelle évaluation');
  await button(page, fr('card.create.submit')).waitFor();
  await page.getByRole('radio', { name: fr('card.create.mode.professional') }).last().check();
  await input(page, fr('card.create.candidateLastName')).fill('Dupont');
  await input(page, fr('card.create.candidateFirstName')).fill('Léa');
  await input(page, fr('card.create.company')).fill('Laiterie du Val');
  await input(page, fr('card.create.creatorName')).fill(who);
  await input(page, fr('card.create.creatorFunction')).fill('chef des ventes');
  await button(page, fr('card.create.submit')).click();
  await button(page, fr('card.frame.start')).click();
  await button(page, fr('card.frame.end')).click();
  await button(page, fr('card.frame.scoring')).click();
  await sees(page, fr('evaluation.row.position', { domain: 1, domains: 3, row: 1, rows: 7 }));
}

