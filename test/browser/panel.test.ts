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

test('panel: no console error on load, and the snapshot name is checked in the browser', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  browser.errors.length = 0;
  await page.goto(`${mock.url}/_mock/ui`, { waitUntil: 'load' });
  const input = page.getByRole('form', { name: 'Take a snapshot' }).getByLabel('name');
  await input.fill('-not a name');
  assert.equal(
    await input.evaluate(
      (el) => (el as unknown as { validity: { patternMismatch: boolean } }).validity.patternMismatch,
    ),
    true,
  );
  await input.fill('fine_name-1.0');
  assert.equal(await input.evaluate((el) => (el as unknown as { checkValidity(): boolean }).checkValidity()), true);
  assert.deepEqual(browser.errors, [], 'the page logs no error (an invalid pattern would)');
});

test('panel: Reset asks first and does nothing when declined; the clock goes back to real time', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  mock.clock.reset(); // the earlier test left it frozen
  await page.goto(`${mock.url}/_mock/ui`);
  const version = mock.store.version;
  const questions: string[] = [];
  const answer = (accept: boolean) =>
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  answer(false);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.evaluate(() => 0); // the submit handler has run to its end: the page is single-threaded
  assert.equal(questions.length, 1);
  assert.match(
    questions[0] ?? '',
    /^Replace all \d+ customers with freshly seeded ones\? Every other resource goes back/,
  );
  assert.equal(mock.store.version, version, 'declined: nothing was sent');
  answer(true);
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Reset to the seed' }).waitFor();
  assert.equal(questions.length, 2);
  assert.ok(mock.store.version > version, 'accepted: the data was reset');

  await page.getByRole('button', { name: 'Freeze' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Clock: freeze' }).waitFor();
  await page.getByRole('button', { name: 'Real time' }).click();
  await page.locator('#flash.ok').filter({ hasText: 'Clock: back to real time' }).waitFor();
  assert.deepEqual([mock.clock.state().frozen, mock.clock.state().offsetMs], [false, 0]);
  assert.match(await page.locator('#clock').innerText(), /running, real time/);
  assert.equal(await page.getByRole('button', { name: 'Real time' }).count(), 0);
});

test('panel: a write shows up as a live notification row, the same row the page itself renders', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  await page.goto(`${mock.url}/_mock/ui`);
  const before = await page.locator('#notification-rows tr').count();
  const created = await portos('/customers/live-1', { method: 'PUT', body: JSON.stringify({ firstName: 'Live' }) });
  assert.equal(created.status, 201);
  assert.equal((await portos('/customers/live-1', { method: 'DELETE' })).status, 200);
  const rows = page.locator('#notification-rows tr', { hasText: 'live-1' });
  await rows.nth(1).waitFor({ timeout: 5000 });
  const cells = (row: number) =>
    page
      .locator('#notification-rows tr')
      .nth(row)
      .locator('td')
      .evaluateAll((tds) => tds.map((td) => [td.textContent, td.getAttribute('title'), td.className]));
  const polled = [await cells(0), await cells(1)];
  assert.deepEqual(
    polled.map((row) => row.slice(1, 5).map((c) => c[0])),
    [
      ['resources.changed', 'deleted', 'customer live-1', '1'],
      ['resources.changed', 'created', 'customer live-1', '1'],
    ],
    'newest first',
  );
  assert.equal(await page.locator('#notification-rows tr').count(), before + 2);
  const [deleted, added] = mock.control.notifications.items({ limit: 2 }).reverse();
  assert.deepEqual(
    await page
      .locator('#notification-rows tr')
      .evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute('data-r'))),
    [deleted?.notification.r, added?.notification.r],
  );
  await page.reload();
  assert.deepEqual([await cells(0), await cells(1)], polled, 'the page renders the same cells');
  assert.deepEqual(browser.errors, []);
});

test('panel with a control token: it asks once, keeps it for the tab, and every call carries it', {
  skip: skipReason,
}, async () => {
  const guarded = await startMock({ config: { port: 0, count: 5, control: { token: 'panel-secret' } } });
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    const prompts: string[] = [];
    const answers = ['wrong', 'panel-secret'];
    page.on('dialog', (dialog) => {
      prompts.push(dialog.type());
      void dialog.accept(answers.shift() ?? '');
    });
    const first = await page.goto(`${guarded.url}/_mock/ui`);
    assert.equal(first?.status(), 401);
    // A wrong token: the mock's 401 is shown and the token forgotten.
    await page.locator('#flash.error').filter({ hasText: '401' }).waitFor();
    assert.equal(await page.evaluate('sessionStorage.getItem("panel-control-token")'), null);
    await page.getByRole('button', { name: 'Enter the token' }).click();
    await page.locator('table.customers').waitFor();
    assert.match(await page.locator('header.top').innerText(), /5 customers/);
    assert.deepEqual(prompts, ['prompt', 'prompt']);

    // Later calls and page loads use the kept token without asking again.
    await page.getByRole('button', { name: 'Freeze' }).click();
    await page.locator('#flash.ok').filter({ hasText: 'Clock: freeze' }).waitFor();
    await page.locator('table.customers').waitFor();
    assert.equal(guarded.clock.state().frozen, true);
    await fetch(`${guarded.url}/api/v2/health`);
    await page.locator('#request-rows tr', { hasText: '/api/v2/health' }).waitFor({ timeout: 5000 });
    const guardedToken = guarded.auth.issueToken('clerk');
    await fetch(`${guarded.url}/customers/guarded-1`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${guardedToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ firstName: 'G' }),
    });
    await page.locator('#notification-rows tr', { hasText: 'guarded-1' }).waitFor({ timeout: 5000 });
    assert.deepEqual(prompts, ['prompt', 'prompt'], 'asked once per tab');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await guarded.close();
  }
});
