import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCommand } from '../../src/contracts/cli/run-command.js';
import { startMock } from '../../src/mock.js';
import { openBrowser, screenshot, skipReason, type BrowserSession } from './support/browser.js';

const REPORT = resolve('test-results', 'contract-report.html');
let browser: BrowserSession;
let exitCode: number;

/**
 * A deliberately broken server: the mock with two decisions flipped (English by default, 200 on a creating PUT)
 * that also "loses" customers (every GET of one answers 404), run through the CLI as a user would.
 */
before(async () => {
  if (skipReason !== undefined) return;
  const mock = await startMock({ config: { port: 0, count: 50, defaultLocale: 'en-GB', putCreatedStatus: 200 } });
  mock.control.faults.add({ kind: 'status', status: 404 }, { route: 'customer', method: 'GET' });
  mkdirSync('test-results', { recursive: true });
  const quiet = () => undefined;
  try {
    exitCode = await runCommand(['--base-url', mock.url, '--reporter', 'html', '--out', REPORT], {
      stdout: quiet,
      stderr: quiet,
      env: {},
      cwd: process.cwd(),
      tty: false,
    });
  } finally {
    await mock.close();
  }
  browser = await openBrowser((url) => url === pathToFileURL(REPORT).href);
});

after(async () => {
  await browser?.close();
});

const visible = (page: BrowserSession['page'], selector: string) => page.locator(`${selector}:visible`);

test('report: opens from the file alone; the first failure and its diff are on the first screen', {
  skip: skipReason,
}, async () => {
  assert.equal(exitCode, 1, 'the run broke contracts');
  const { page } = browser;
  await page.goto(pathToFileURL(REPORT).href);
  const first = page.locator('section.results').first();
  assert.equal(await first.getAttribute('data-section'), 'failed');
  const diff = first.locator('table.diff').first();
  const box = await diff.boundingBox();
  assert.ok(box !== null && box.y + 40 < 800, `the first diff starts at y=${box?.y}, within the first 800 px`);
  assert.deepEqual(browser.outside, [], 'nothing but the file itself is loaded');
  assert.deepEqual(browser.errors, []);
});

test('report: a person filters to failures and sees only failed scenarios, each with its diff', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.getByRole('button', { name: /^Failed \d+$/ }).click();
  const cards = visible(page, '.scenario');
  const count = await cards.count();
  assert.ok(count > 0);
  assert.deepEqual(
    [...new Set(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))],
    ['failed'],
  );
  assert.equal(
    await page.locator('#shown').innerText(),
    `Showing ${count} of ${await page.locator('.scenario').count()} scenarios`,
  );
  assert.equal(await visible(page, 'section[data-section="passed"]').count(), 0);
  assert.equal(await visible(page, '.scenario:not(:has(table.diff))').count(), 0, 'every failure shows a diff');
  assert.match(await visible(page, 'td.expected.changed').first().innerText(), /\S/);
  const sent = visible(page, 'details.exchange').first();
  await sent.locator('summary').click();
  assert.match(
    await sent.locator('pre').innerText(),
    /^(GET|PUT|POST|DELETE) \/\S+\n[\s\S]*authorization: Bearer …/,
    'the request sent, credentials masked',
  );
  await sent.locator('summary').click();
  await screenshot(page, 'report', { readme: true });
});

test('report: decisions a server did not confirm have a section of their own; tags filter too', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.getByRole('button', { name: /^Not confirmed \d+$/ }).click();
  const section = visible(page, 'section.results');
  assert.equal(await section.count(), 1);
  assert.match(await section.locator('h2').innerText(), /^Decisions the server did not confirm — \d+$/);
  await page.getByRole('button', { name: /^All \d+$/ }).click();
  await page.locator('#tag-filter').selectOption('i18n');
  const tags = await visible(page, '.scenario').evaluateAll((els) => els.map((e) => e.getAttribute('data-tags') ?? ''));
  assert.ok(tags.length > 0 && tags.every((t) => t.split(' ').includes('i18n')));
  await screenshot(page, join('report-i18n'));
});
