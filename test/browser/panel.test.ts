import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startMock, type RunningMock } from '../../src/mock.js';
import { openBrowser, screenshot, skipReason, type BrowserSession } from './support/browser.js';

let mock: RunningMock;
let browser: BrowserSession;
let token: string;

before(async () => {
  if (skipReason !== undefined) return;
  mock = await startMock({ config: { port: 0, count: 50 } });
  token = mock.auth.issueToken('manager');
  browser = await openBrowser((url) => url.startsWith(mock.url));
});

after(async () => {
  await browser?.close();
  await mock?.close();
});

/** What `GET /customers` itself answers to `query`, as the panel's figures must match it. */
async function portos(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${mock.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
}

test('panel: a person searches customers and sees what GET /customers answers, and the query it ran', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.goto(`${mock.url}/_mock/ui`);
  assert.match(await page.locator('header.top').innerText(), /50 customers · 0 faults/);
  await page.getByLabel('Search').fill('nov');
  await page.getByLabel('NData query').fill('$sort=lastName');
  await page.getByRole('button', { name: 'Run' }).click();
  await page.waitForURL(/search=nov/);
  assert.equal(await page.locator('#query-shown').innerText(), 'GET /customers?Search=nov&$sort=lastName&$take=20');
  const answer = (await (await portos('/customers?Search=nov&$sort=lastName&$take=20')).json()) as {
    items: { id: string }[];
    totalCount: number;
  };
  assert.ok(answer.totalCount > 0, 'the seed has customers matching "nov"');
  assert.equal(await page.locator('#total-count').innerText(), String(answer.totalCount));
  assert.deepEqual(
    await page.locator('table.customers tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))),
    answer.items.map((c) => c.id),
  );
});

test('panel: a query the mock refuses shows its 400 messages', { skip: skipReason }, async () => {
  const { page } = browser;
  await page.getByLabel('NData query').fill('DiscountRate=foo:1&$take=-1');
  await page.getByRole('button', { name: 'Run' }).click();
  const problems = page.locator('.problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /DiscountRate .*unknown operator 'foo'/);
  assert.match(await problems.innerText(), /\$take/);
});

test('panel: a person sets a fault; the next request fails and shows up in the live request log', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.goto(`${mock.url}/_mock/ui?q=${encodeURIComponent('DiscountRate=gte:10&$sort=-discountRate')}`);
  const form = page.getByRole('form', { name: 'Add a fault' });
  await form.locator('select[name="kind"]').selectOption('status');
  await form.locator('select[name="status"]').selectOption('500');
  await form.locator('select[name="scope.method"]').selectOption('GET');
  await form.locator('select[name="scope.route"]').selectOption('customers');
  await form.getByRole('button', { name: 'Add fault' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Fault added' }).waitFor();
  assert.match(await page.locator('#faults li').first().innerText(), /status=500 on GET · customers \(hit 0×\)/);
  assert.deepEqual(
    mock.control.faults.list().map((r) => [r.fault, r.scope]),
    [
      [
        { kind: 'status', status: 500 },
        { method: 'GET', route: 'customers' },
      ],
    ],
  );

  assert.equal((await portos('/customers?$take=1')).status, 500);
  assert.equal((await portos('/api/v2/health')).status, 200);
  const row = page.locator('#request-rows tr', { hasText: '/customers?$take=1' });
  await row.waitFor({ timeout: 5000 });
  assert.match(await row.innerText(), /GET\s+\/customers\?\$take=1\s+500\s+[\d.]+\s+status=500/);
  await page.evaluate('window.scrollTo(0, 0)');
  await screenshot(page, 'panel', { readme: true });
  assert.deepEqual(browser.outside, [], 'everything comes from the mock');
  assert.deepEqual(browser.errors, []);
});

test('panel: locking a customer from its row makes writes to it 423; clock and snapshots act too', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  const first = page.locator('table.customers tbody tr').first();
  const id = await first.getAttribute('data-id');
  assert.ok(id !== null);
  await first.getByRole('button', { name: 'Lock' }).click();
  await page
    .locator('#flash.ok')
    .filter({ hasText: `${id} locked` })
    .waitFor();
  assert.ok(mock.control.locks.has(id));
  assert.equal(
    (await portos(`/customers/${id}`, { method: 'PUT', body: JSON.stringify({ firstName: 'X' }) })).status,
    423,
  );

  await page.getByRole('form', { name: 'Take a snapshot' }).getByLabel('name').fill('before-test');
  await page.getByRole('button', { name: 'Take snapshot' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Snapshot taken' }).waitFor();
  assert.match(await page.locator('#data').innerText(), /before-test\s+50 customers/);

  await page.getByRole('button', { name: 'Freeze' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Clock: freeze' }).waitFor();
  assert.equal(mock.clock.state().frozen, true);
  await page.getByRole('form', { name: 'Advance the clock' }).getByRole('button', { name: 'Advance' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Clock advanced' }).waitFor();
  assert.match(await page.locator('#clock').innerText(), /frozen, \+(1 d|24 h) from real time/);

  await page.getByRole('form', { name: 'Set the clock' }).getByLabel('to').fill('not a date');
  await page.getByRole('form', { name: 'Set the clock' }).getByRole('button', { name: 'Set' }).click();
  await page.locator('#flash.error').filter({ hasText: '400' }).waitFor();
  assert.match(await page.locator('#flash').innerText(), /at: /);
});
