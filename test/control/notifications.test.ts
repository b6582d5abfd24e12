// GET /_mock/notifications: every Notification the SignalR hub sends, in order, bounded, from the change feed
// (src/control/CONTROL-API.md#notifications). What the hub itself sends is checked in test/signalr/ and, against
// this log, in test/browser/signalr.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { generateCustomers } from '../../src/store/seed.js';
import { makeTestApp, type TestApp } from '../support/app.js';

const seed: StoredCustomer[] = generateCustomers({ seed: 7, count: 3 });
const JSON_TYPE = { 'Content-Type': 'application/json' };

interface Logged {
  seq: number;
  notification: {
    e: string;
    s: { c: string; u: { userName: string; deviceName: string | null } } | null;
    r: string;
    ca: string;
    ea: string | null;
    p: { action: string; resource: { name: string; id: string; version: number | null } };
  };
}

interface Log {
  items: Logged[];
  last: number;
  capacity: number;
  dropped: number;
}

async function logSince(t: TestApp, since: number): Promise<Log> {
  const res = await request(t.app).get(`/_mock/notifications?since=${since}`);
  assert.equal(res.status, 200, res.text);
  return res.body as Log;
}

/** What a step adds to the log: [action, id, version, userName] per notification, in order. */
type Added = [action: string, id: string, version: number | null, user: string][];

const STEPS: { name: string; act: (t: TestApp) => Promise<unknown>; adds: Added }[] = [
  {
    name: 'POST /customers creates: one notification',
    act: (t) =>
      request(t.app).post('/customers').set(t.auth('manager')).set(JSON_TYPE).send({ id: 'n1', firstName: 'Nora' }),
    adds: [['created', 'n1', 1, 'manager']],
  },
  {
    name: 'PUT updates (version after the write)',
    act: (t) => request(t.app).put('/customers/n1').set(t.auth()).set(JSON_TYPE).send({ firstName: 'Nora', _v: 1 }),
    adds: [['updated', 'n1', 2, 'admin']],
  },
  {
    name: 'PUT to a new id creates',
    act: (t) => request(t.app).put('/customers/n2').set(t.auth()).set(JSON_TYPE).send({ firstName: 'Nina' }),
    adds: [['created', 'n2', 1, 'admin']],
  },
  {
    name: 'DELETE (the last version)',
    act: (t) => request(t.app).delete('/customers/n1').set(t.auth()),
    adds: [['deleted', 'n1', 2, 'admin']],
  },
  {
    name: 'a refused write (400) adds nothing',
    act: (t) => request(t.app).post('/customers').set(t.auth()).set(JSON_TYPE).send({ id: 'bad id!' }),
    adds: [],
  },
  {
    name: 'a write to a locked customer (423) adds nothing',
    act: async (t) => {
      await request(t.app).put('/_mock/locks/n2');
      await request(t.app).put('/customers/n2').set(t.auth()).set(JSON_TYPE).send({ firstName: 'X' });
      await request(t.app).delete('/_mock/locks/n2');
    },
    adds: [],
  },
  {
    name: 'reset, load and restore send nothing, so add nothing',
    act: async (t) => {
      await request(t.app).put('/_mock/snapshots/s1');
      await request(t.app).post('/_mock/reset').set(JSON_TYPE);
      await request(t.app).put('/_mock/customers').set(JSON_TYPE).send(seed);
      await request(t.app).post('/_mock/snapshots/s1/restore').set(JSON_TYPE);
    },
    adds: [],
  },
  {
    name: 'writes after a reset are recorded as before',
    act: (t) => request(t.app).delete(`/customers/${seed[0]?.id}`).set(t.auth('manager')),
    adds: [['deleted', seed[0]?.id ?? '?', seed[0]?._v ?? 0, 'manager']],
  },
];

test('each write through the PORTOS routes adds its Notification, in order; nothing else does', async () => {
  const t = makeTestApp({ customers: seed });
  let last = 0;
  const references = new Set<string>();
  for (const step of STEPS) {
    await step.act(t);
    const log = await logSince(t, last);
    assert.deepEqual(
      log.items.map(({ notification: { p, s } }) => [p.action, p.resource.id, p.resource.version, s?.u.userName]),
      step.adds,
      step.name,
    );
    for (const [i, { seq, notification: n }] of log.items.entries()) {
      assert.equal(seq, last + i + 1, `${step.name}: numbered from the last seq`);
      assert.equal(n.e, 'portos.resources.changed');
      assert.equal(n.ca, '2025-06-01T12:00:00.000Z', 'the mock clock at the write');
      assert.equal(n.ea, null);
      assert.equal(n.p.resource.name, 'customer');
      assert.match(n.r, /^[0-9a-f]{24}$/);
      assert.ok(!references.has(n.r), 'one reference per notification');
      references.add(n.r);
      assert.ok(n.s !== null && n.s.c.length > 0, 'the HTTP connection that carried the write');
      assert.deepEqual(Object.keys(n).sort(), ['ca', 'e', 'ea', 'p', 'r', 's']);
    }
    assert.equal(log.last, last + step.adds.length, `${step.name}: last`);
    last = log.last;
  }
  const all = await logSince(t, 0);
  assert.equal(all.items.length, 5, 'reset did not clear it');
  assert.deepEqual([all.capacity, all.dropped], [1000, 0]);
});

const QUERIES: { name: string; query: string; seqs?: number[]; bad?: string[] }[] = [
  { name: 'no query: everything kept', query: '', seqs: [1, 2, 3, 4] },
  { name: 'since: after that seq', query: '?since=2', seqs: [3, 4] },
  { name: 'since the last: nothing', query: '?since=4', seqs: [] },
  { name: 'since beyond the last (a restarted mock): nothing', query: '?since=99', seqs: [] },
  { name: 'limit: the last N', query: '?limit=2', seqs: [3, 4] },
  { name: 'since and limit', query: '?since=1&limit=1', seqs: [4] },
  { name: 'since not a number', query: '?since=abc', bad: ['since'] },
  { name: 'negative since', query: '?since=-1', bad: ['since'] },
  { name: 'an unknown parameter', query: '?from=1', bad: ['from'] },
];

for (const q of QUERIES) {
  test(`GET /_mock/notifications${q.query}: ${q.name}`, async () => {
    const t = makeTestApp();
    for (const id of ['q1', 'q2', 'q3', 'q4'])
      await request(t.app).put(`/customers/${id}`).set(t.auth()).set(JSON_TYPE).send({ firstName: id });
    const res = await request(t.app).get(`/_mock/notifications${q.query}`).set('Accept-Language', 'en-GB');
    if (q.bad !== undefined) {
      assert.equal(res.status, 400);
      assert.deepEqual(
        (res.body.errors as { memberName: string }[]).map((e) => e.memberName),
        q.bad,
      );
      return;
    }
    assert.equal(res.status, 200);
    assert.deepEqual(
      (res.body as Log).items.map((i) => i.seq),
      q.seqs,
    );
    assert.equal((res.body as Log).last, 4);
  });
}

test('bounded: the newest control.changeLogSize are kept, the rest counted as dropped', async () => {
  const t = makeTestApp({ config: { control: { changeLogSize: 2 } } });
  for (const id of ['b1', 'b2', 'b3'])
    await request(t.app).put(`/customers/${id}`).set(t.auth()).set(JSON_TYPE).send({ firstName: id });
  const log = await logSince(t, 0);
  assert.deepEqual(
    log.items.map((i) => [i.seq, i.notification.p.resource.id]),
    [
      [2, 'b2'],
      [3, 'b3'],
    ],
  );
  assert.deepEqual([log.last, log.capacity, log.dropped], [3, 2, 1]);
});

test('DELETE clears it; the seqs go on; other methods are 405', async () => {
  const t = makeTestApp();
  await request(t.app).put('/customers/d1').set(t.auth()).set(JSON_TYPE).send({ firstName: 'D' });
  assert.equal((await request(t.app).delete('/_mock/notifications')).status, 204);
  assert.deepEqual(await logSince(t, 0), { items: [], last: 1, capacity: 1000, dropped: 0 });
  await request(t.app).put('/customers/d2').set(t.auth()).set(JSON_TYPE).send({ firstName: 'D' });
  assert.deepEqual(
    (await logSince(t, 1)).items.map((i) => i.seq),
    [2],
  );
  const post = await request(t.app).post('/_mock/notifications').set(JSON_TYPE);
  assert.equal(post.status, 405);
  assert.equal(post.headers['allow'], 'GET, DELETE');
});
