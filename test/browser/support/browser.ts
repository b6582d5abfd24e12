import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (installed by scripts/ensure-chromium.sh, which `npm test` runs first). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export const skipReason = existsSync(CHROMIUM)
  ? undefined
  : `no Chromium at ${CHROMIUM}: scripts/ensure-chromium.sh could not install it (apt-get install chromium, as root); browser tests skipped`;

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = join('test-results', 'screenshots');
const README_SCREENSHOTS = join('docs', 'screenshots');

/** A headless Chromium with a fresh profile, one page, and a record of what went wrong on it. */
export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Every URL requested that `isOwn` does not accept (pages must load nothing from elsewhere). */
  outside: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Launches Chromium (1280×800) and records requests that leave `isOwn` and errors of the page. */
export async function openBrowser(isOwn: (url: string) => boolean): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'portos-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const outside: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    if (!isOwn(request.url()) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (401|403|404|423|500)/.test(message.text()))
      errors.push(message.text());
  });
  return {
    page,
    context,
    outside,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves a screenshot as a test artifact (`test-results/screenshots/NAME.png`) and, for the README, copies it to
 * `docs/screenshots/NAME.png` when that is missing or `PORTOS_UPDATE_SCREENSHOTS=1`.
 */
export async function screenshot(page: Page, name: string, options: { readme?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  const readme = join(README_SCREENSHOTS, `${name}.png`);
  if (options.readme === true && (!existsSync(readme) || process.env['PORTOS_UPDATE_SCREENSHOTS'] === '1')) {
    mkdirSync(README_SCREENSHOTS, { recursive: true });
    copyFileSync(file, readme);
  }
  return file;
}
