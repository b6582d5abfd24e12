import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock, type RunningMock } from '../../src/mock.js';
import { openBrowser, screenshot, skipReason, type BrowserSession } from './support/browser.js';

let mock: RunningMock;
let browser: BrowserSession;

before(async () => {
  if (skipReason !== undefined) return;
  mock = await startMock({ config: { port: 0, count: 50 } });
  browser = await openBrowser((url) => url.startsWith(mock.url));
});

after(async () => {
  await browser?.close();
  await mock?.close();
});

test('docs: a person tries GET /customers, gets 401, logs in as manager and gets the customers', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.goto(`${mock.url}/docs`);
  const list = page.locator('#operations-Customers-listCustomers');
  await list.locator('.opblock-summary').click();
  await list.locator('button.execute').click();
  const status = list.locator('.live-responses-table .response .response-col_status');
  await assert.doesNotReject(status.filter({ hasText: '401' }).waitFor(), 'without logging in the route answers 401');

  await page.getByRole('button', { name: 'manager', exact: true }).click();
  await page.locator('#login-status[data-state="ok"]').waitFor();
  assert.match(await page.locator('#login-status').innerText(), /Authorized as manager \(rights: customerCreate/);

  // Start from empty fields (swagger-ui would fill in any example the spec gives), then ask for a page of 5.
  for (const input of await list.locator('.parameters input[type=text]').all()) await input.fill('');
  for (const select of await list.locator('.parameters select').all()) await select.selectOption({ index: 0 });
  await list.locator('tr[data-param-name="$take"] input').fill('5');
  await list.locator('button.execute').click();
  await status.filter({ hasText: '200' }).waitFor();
  const body = await list.locator('.live-responses-table .response-col_description .microlight').first().innerText();
  const result = JSON.parse(body) as { items: unknown[]; totalCount: number };
  assert.deepEqual([result.items.length, result.totalCount], [5, 50]);
  const curl = await list.locator('.curl-command').innerText();
  assert.ok(curl.includes(`${mock.url}/customers?%24take=5`), '"try it" calls the mock itself');
  assert.match(curl, /Authorization: Bearer ey/);

  await list.locator('.responses-wrapper').scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, -160)');
  await screenshot(page, 'docs', { readme: true });
  assert.deepEqual(browser.outside, [], 'everything comes from the mock');
  assert.deepEqual(browser.errors, []);
});

test('docs: logging out makes the next call anonymous again', { skip: skipReason }, async () => {
  const { page } = browser;
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  assert.match(await page.locator('#login-status').innerText(), /Logged out/);
  const me = page.locator('#operations-Authentication-getCurrentUser');
  await me.locator('.opblock-summary').click();
  await me.locator('button.execute').click();
  await me.locator('.live-responses-table .response-col_status').filter({ hasText: '401' }).waitFor();
  assert.doesNotMatch(await me.locator('.curl-command').innerText(), /Authorization/);
});
