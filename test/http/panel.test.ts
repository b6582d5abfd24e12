import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { RESOURCE_ROWS } from '../../src/resources/resource-table.js';
import { generateCustomers } from '../../src/store/seed.js';
import { makeTestApp } from '../support/app.js';

const customers = generateCustomers({ seed: 42, count: 30 });
const hostile: StoredCustomer = {
  ...(customers[0] as StoredCustomer),
  id: 'hostile',
  firstName: '<script>alert(1)</script>',
  lastName: 'O\'Brien & "Co"',
};

const pageCases: { name: string; url: string; contains: string[] }[] = [
  {
    name: 'the page shows the query it ran as GET /customers',
    url: '/_mock/ui',
    contains: ['<code id="query-shown">GET /customers?$take=20</code>', '1–20 of <strong id="total-count">31</strong>'],
  },
  {
    name: 'Search and an NData query combine; the query stays readable',
    url: '/_mock/ui?search=ov&q=DiscountRate%3Dgte%3A5%3Blte%3A30%26%24sort%3D-discountRate',
    contains: ['GET /customers?Search=ov&amp;DiscountRate=gte:5;lte:30&amp;$sort=-discountRate&amp;$take=20'],
  },
  {
    name: 'a query the engine refuses lists every problem',
    url: '/_mock/ui?q=DiscountRate%3Dfoo%3A1%26%24take%3D-1',
    contains: ['400: the query is not valid', '<code>DiscountRate</code>', '<code>$take</code>'],
  },
  {
    name: '$count=true shows the counts only',
    url: '/_mock/ui?q=%24count%3Dtrue',
    contains: ['count 20, totalCount <strong id="total-count">31</strong>'],
  },
  {
    name: 'paging links keep the query and move $skip',
    url: '/_mock/ui?q=%24take%3D10',
    contains: ['1–10 of', 'q=%24take%3D10%26%24skip%3D10">next ›</a>'],
  },
  {
    name: 'customer text is escaped, never markup',
    url: '/_mock/ui?search=Brien',
    contains: ['&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; &quot;Co&quot;'],
  },
  {
    name: 'the sections are all there',
    url: '/_mock/ui',
    contains: [
      'id="requests"',
      'id="notifications"',
      'id="faults"',
      'id="locks"',
      'id="clock"',
      'id="data"',
      'id="resources"',
      'data-api="/_mock/faults"',
    ],
  },
  {
    name: 'the resources card counts every resource and links its items (sent with the token); faults and locks name them',
    url: '/_mock/ui',
    contains: [
      '<a href="/_mock/customers" download="customers.json">customers</a> <span class="muted">31</span>',
      ...RESOURCE_ROWS.flatMap((row) => [
        `<a href="/_mock/${row.segment}" download="${row.segment}.json">${row.segment}</a> <span class="muted">${row.seed().length}</span>`,
        `<option>${row.segment}</option>`,
        `<option>${row.name}</option>`,
      ]),
      'data-api="/_mock/locks/{segment}/{key}"',
    ],
  },
];

for (const c of pageCases) {
  test(`panel: ${c.name}`, async () => {
    const { app } = makeTestApp({ customers: [...customers, hostile] });
    const res = await request(app).get(c.url);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    for (const text of c.contains) assert.ok(res.text.includes(text), `missing ${text}`);
    assert.ok(!res.text.includes('<script>alert'), 'nothing unescaped');
  });
}

test('panel: a lock of any resource is listed with an Unlock that names its segment and key', async () => {
  const { app } = makeTestApp({ customers });
  await request(app).put('/_mock/locks/stocks/S%201').expect(204);
  await request(app).put('/_mock/locks/c1').expect(204);
  const page = await request(app).get('/_mock/ui');
  for (const api of ['/_mock/locks/stocks/S%201', '/_mock/locks/c1']) {
    const form = page.text.match(new RegExp(`data-method="DELETE" data-api="${api}"`));
    assert.ok(form !== null, `an Unlock for ${api}`);
  }
  assert.equal((await request(app).delete('/_mock/locks/stocks/S%201')).status, 204);
  assert.deepEqual((await request(app).get('/_mock/locks')).body.items, ['c1']);
});

test('panel: its script and style are served by the mock; the page loads nothing else', async () => {
  const { app } = makeTestApp();
  const page = await request(app).get('/_mock/ui');
  assert.deepEqual(
    [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]),
    ['/_mock/ui/panel.css', '/_mock/ui/panel.js'],
  );
  assert.match((await request(app).get('/_mock/ui/panel.js')).headers['content-type'] ?? '', /javascript/);
  assert.match((await request(app).get('/_mock/ui/panel.css')).headers['content-type'] ?? '', /text\/css/);
});

test('panel: /requests gives the request-log rows after a seq, newest first, and the last seq', async () => {
  const { app, auth } = makeTestApp({ customers });
  await request(app).get('/api/v2/health');
  await request(app).get('/customers/none').set(auth());
  const all = await request(app).get('/_mock/ui/requests?since=0');
  assert.equal(all.headers['x-last-seq'], '2');
  assert.ok(all.text.indexOf('/customers/none') < all.text.indexOf('/api/v2/health'));
  const none = await request(app).get('/_mock/ui/requests?since=2');
  assert.deepEqual([none.text, none.headers['x-last-seq']], ['', '2']);
  assert.equal((await request(app).get('/_mock/ui/requests?since=x')).status, 400);
});

const notificationCases: {
  name: string;
  writes: [method: 'put' | 'delete', id: string][];
  rows: string[];
  since: number;
}[] = [
  { name: 'none yet: an empty list polling from 0', writes: [], rows: [], since: 0 },
  {
    name: 'newest first: time, event, action, resource, version, user',
    writes: [
      ['put', 'p1'],
      ['put', 'p1'],
      ['delete', 'p1'],
    ],
    rows: [
      '12:00:00 resources.changed deleted customer p1 2 admin',
      '12:00:00 resources.changed updated customer p1 2 admin',
      '12:00:00 resources.changed created customer p1 1 admin',
    ],
    since: 3,
  },
];
for (const c of notificationCases) {
  test(`panel: live notifications ${c.name}`, async () => {
    const { app, auth, mock } = makeTestApp();
    for (const [method, id] of c.writes)
      await request(app)
        [method](`/customers/${id}`)
        .set(auth())
        .send(method === 'put' ? { firstName: 'P' } : undefined);
    const page = (await request(app).get('/_mock/ui')).text;
    const body = /<tbody id="notification-rows"([^>]*)>([\s\S]*?)<\/tbody>/.exec(page);
    assert.ok(body !== null, 'the notifications table is on the page');
    assert.match(body[1] ?? '', new RegExp(`data-since="${c.since}" data-feed="/_mock/notifications" data-keep="50"`));
    const rows = [...(body[2] ?? '').matchAll(/<tr data-seq="(\d+)" data-r="([0-9a-f]{24})">([\s\S]*?)<\/tr>/g)];
    assert.deepEqual(
      rows.map((r) =>
        (r[3] ?? '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
      c.rows,
    );
    assert.deepEqual(
      rows.map((r) => r[2]),
      mock.control.notifications
        .items()
        .reverse()
        .map((e) => e.notification.r),
      'the same notifications as the log, with their references',
    );
  });
}

test('panel: the page itself is not in the request log and faults do not touch it', async () => {
  const { app, mock } = makeTestApp({ customers });
  await request(app).post('/_mock/faults').send({ kind: 'status', status: 500 }).expect(201);
  assert.equal((await request(app).get('/_mock/ui')).status, 200);
  assert.equal(mock.control.requests.size, 0);
});

test('panel: follows the control prefix, and is gone with the control API', async () => {
  const moved = makeTestApp({ config: { control: { prefix: '/mock' } } });
  const page = await request(moved.app).get('/mock/ui');
  assert.equal(page.status, 200);
  assert.ok(page.text.includes('data-api="/mock/faults"'));
  const off = makeTestApp({ config: { control: { enabled: false } } });
  assert.equal((await request(off.app).get('/_mock/ui')).status, 404);
});

test('panel: the snapshot-name pattern compiles as browsers compile it (v flag) and checks like the API', async () => {
  const { app } = makeTestApp();
  const page = await request(app).get('/_mock/ui');
  const pattern = /<input name="name"[^>]* pattern="([^"]+)"/.exec(page.text)?.[1];
  assert.ok(pattern !== undefined, 'the snapshot form has a pattern');
  const check = new RegExp(`^(?:${pattern})$`, 'v');
  const names: [string, boolean][] = [
    ['before-test_1', true],
    ['a.b-c', true],
    ['-leading', false],
    ['has space', false],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
  ];
  for (const [name, ok] of names) {
    assert.equal(check.test(name), ok, name);
    assert.equal((await request(app).put(`/_mock/snapshots/${name}`)).status === 201, ok, `the API agrees on ${name}`);
  }
});

const clockCases: { name: string; act: string | null; realTime: boolean }[] = [
  { name: 'running in real time: no "Real time"', act: null, realTime: false },
  { name: 'frozen: "Real time"', act: 'freeze', realTime: true },
  { name: 'moved: "Real time"', act: 'advance', realTime: true },
];
for (const c of clockCases) {
  test(`panel: clock ${c.name}; Reset asks first`, async () => {
    const { app } = makeTestApp();
    if (c.act !== null)
      await request(app)
        .post(`/_mock/clock/${c.act}`)
        .send(c.act === 'advance' ? { by: '1h' } : {})
        .expect(200);
    const page = (await request(app).get('/_mock/ui')).text;
    assert.equal(page.includes('data-api="/_mock/clock/reset"'), c.realTime);
    assert.match(page, /data-api="\/_mock\/reset"[^>]* data-confirm="Replace all 0 customers/);
  });
}
