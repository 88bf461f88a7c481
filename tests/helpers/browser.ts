import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it, onTestFailed } from 'vitest';
import { root } from './servers.js';

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by a tool. */
export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

/** Flags a root, sandboxed machine with a closed network needs. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * A browser suite: runs when Chromium is installed; otherwise skipped with the
 * way to install it, or failed when REQUIRE_BROWSER=1 (CI installs it).
 */
export function describeBrowser(name: string, body: () => void): void {
  const hint = `${CHROMIUM} is absent: apt-get install chromium`;
  if (!chromiumAvailable) console.warn(`Browser tests skipped — ${hint}`);
  describe.skipIf(!chromiumAvailable)(chromiumAvailable ? name : `${name} (skipped: ${hint})`, body);
  if (!chromiumAvailable && process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER=1)', () => {
        throw new Error(`REQUIRE_BROWSER=1 but ${hint}`);
      });
    });
  }
}

/** Headless Chromium; Playwright gives it a fresh temporary --user-data-dir of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, timeout: 30_000 });
}

/**
 * On failure, saves under test-results/ (git-ignored) a screenshot and the
 * visible text of each page, and the bot's log when given.
 */
export function screenshotOnFailure(pages: () => Page[], botLogs?: () => string[]): void {
  onTestFailed(async ({ task }) => {
    const dir = join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    const slug = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
    if (botLogs) writeFileSync(join(dir, `${slug}-bot.log`), botLogs().join(''));
    await Promise.all(
      pages().map(async (page, index) => {
        const base = join(dir, `${slug}-${index + 1}`);
        await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 }).catch(() => undefined);
        const text = await page.locator('body').innerText({ timeout: 5_000 }).catch(() => '');
        writeFileSync(`${base}.txt`, text);
      }),
    );
  });
}
