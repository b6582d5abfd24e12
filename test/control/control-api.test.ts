import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { makeTestApp } from '../support/app.js';

const small = JSON.parse(readFileSync('fixtures/customers.small.json', 'utf8')) as StoredCustomer[];
const qa = JSON.parse(readFileSync('fixtures/control/customers.qa.json', 'utf8')) as object;
const invalid = JSON.parse(readFileSync('fixtures/control/customers.invalid.json', 'utf8')) as object;

const { app, store, auth, mock } = makeTestApp({ customers: small, config: { count: 5, seed: 7 } });
/** What the data answers carry besides their own members: `customers`, one count per row, `storeVersion`. */
const dataCounts = () => ({ ...mock.control.counts(), storeVersion: mock.control.storeVersion });

test('counts: customers, store version, snapshots, faults, locks, logs', async () => {
  const res = await request(app).get('/_mock/counts');
  assert.equal(res.status, 200);
  assert.equal(res.body.customers, small.length);
  for (const row of mock.resources.rows)
    assert.equal(res.body[row.segment], mock.resources.items(row.segment).length, row.segment);
  assert.equal(res.body.storeVersion, mock.control.storeVersion);
  for (const key of ['snapshots', 'faults', 'locks', 'requests', 'changes', 'deliveries', 'webhooks'])
    assert.equal(typeof res.body[key], 'number', key);
  const overview = await request(app).get('/_mock');
  assert.deepEqual(overview.body.counts, res.body);
  assert.equal(overview.body.clock.frozen, false);
  assert.equal(overview.body.stateFile, null);
});

test('reset: the starting customers, or a new seed and count; the change log records it', async () => {
  await request(app).delete('/customers/c1').set(auth());
  const back = await request(app).post('/_mock/reset').set('Content-Type', 'application/json');
  assert.equal(back.body.customers, small.length);
  assert.deepEqual(back.body, dataCounts());
  assert.ok(store.has('c1'));
  const seeded = await request(app).post('/_mock/reset').send({ seed: 3, count: 12 });
  assert.equal(seeded.status, 200);
  assert.equal(store.size, 12);
  assert.ok(!store.has('c1'));
  const again = await request(app).post('/_mock/reset').send({ seed: 3, count: 12 });
  assert.equal(again.body.customers, 12);
  const changes = await request(app).get('/_mock/changes?limit=1');
  assert.deepEqual(
    { ...changes.body.items[0], at: 'x', seq: 0 },
    { kind: 'replaced', reason: 'reset', at: 'x', count: 12, seq: 0 },
  );
});

test('load: PUT replaces with a fixture file (state document or bare array), POST merges by id', async () => {
  const put = await request(app).put('/_mock/customers').send(qa);
  assert.equal(put.status, 200);
  assert.equal(put.body.customers, 3);
  assert.deepEqual(put.body, { loaded: 3, ...dataCounts() });
  assert.equal(store.get('qa-expires-tomorrow')?._v, 3, 'a fixture keeps its _v');
  assert.equal(store.list()[2]?.id.length, 24, 'an item without id gets a generated one');
  const read = await request(app).get('/customers/qa-expires-tomorrow').set(auth());
  assert.equal(read.body.fullName, 'Eva Zajtrajšia');
  const merge = await request(app)
    .post('/_mock/customers')
    .send([{ id: 'qa-not-yet-valid', firstName: 'Replaced' }, { id: 'qa-new' }]);
  assert.equal(merge.body.customers, 4);
  assert.deepEqual(merge.body, { loaded: 2, ...dataCounts() });
  assert.deepEqual(
    store
      .list()
      .map((c) => c.id)
      .filter((id) => id.startsWith('qa')),
    ['qa-expires-tomorrow', 'qa-not-yet-valid', 'qa-new'],
  );
  assert.equal(store.get('qa-not-yet-valid')?.firstName, 'Replaced');
  const bare = await request(app).put('/_mock/customers').send(small);
  assert.equal(bare.body.customers, small.length);
});

test('snapshots: take, list, download, restore after changes, replace, delete', async () => {
  await request(app).put('/_mock/customers').send(small);
  const taken = await request(app).put('/_mock/snapshots/before-test_1');
  assert.equal(taken.status, 201);
  assert.equal(taken.body.customers, small.length);
  await request(app).delete('/customers/c2').set(auth());
  await request(app).put('/customers/c3').set(auth()).send({ firstName: 'Changed' });
  assert.equal((await request(app).put('/_mock/snapshots/after')).status, 201);
  const list = await request(app).get('/_mock/snapshots');
  assert.deepEqual(
    list.body.items.map((s: { name: string; customers: number }) => [s.name, s.customers]),
    [
      ['before-test_1', small.length],
      ['after', small.length - 1],
    ],
  );
  const doc = await request(app).get('/_mock/snapshots/before-test_1');
  assert.equal(doc.body.format, 'portos-mock-state');
  assert.equal(doc.body.version, 2);
  assert.deepEqual(doc.body.resources.customers, small);
  const restored = await request(app)
    .post('/_mock/snapshots/before-test_1/restore')
    .set('Content-Type', 'application/json');
  assert.equal(restored.body.customers, small.length);
  assert.deepEqual(restored.body, { name: 'before-test_1', ...dataCounts() });
  assert.deepEqual(store.list(), small);
  await request(app).put('/customers/c1').set(auth()).send({ firstName: 'After restore' });
  assert.equal(
    (await request(app).get('/_mock/snapshots/before-test_1')).body.resources.customers[0].firstName,
    'Ján',
    'a snapshot never sees later writes',
  );
  assert.equal((await request(app).put('/_mock/snapshots/after')).status, 200, 'replacing answers 200');
  const uploaded = await request(app).put('/_mock/snapshots/uploaded').send(qa);
  assert.equal(uploaded.body.customers, 3, 'a body uploads the snapshot');
  assert.equal((await request(app).delete('/_mock/snapshots/after')).status, 204);
  assert.equal((await request(app).get('/_mock/snapshots')).body.items.length, 2);
});

test('state: the current data as a state document', async () => {
  await request(app).put('/_mock/customers').send(small);
  const res = await request(app).get('/_mock/state');
  assert.equal(res.status, 200);
  assert.deepEqual(Object.keys(res.body), ['format', 'version', 'savedAt', 'resources']);
  assert.deepEqual(Object.keys(res.body.resources), ['customers', ...mock.resources.rows.map((row) => row.segment)]);
  assert.deepEqual(res.body.resources.customers, small);
});

const BAD: {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  url: string;
  body?: unknown;
  status: number;
  members?: string[];
}[] = [
  {
    name: 'unknown fault kind',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'explode' },
    status: 400,
    members: ['kind'],
  },
  { name: 'missing fault kind', method: 'post', url: '/_mock/faults', body: { ms: 3 }, status: 400, members: ['kind'] },
  {
    name: 'invalid share and times, unknown scope member',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'drop', scope: { share: 1.5, times: 0, when: 'now' } },
    status: 400,
    members: ['scope.when', 'scope.share', 'scope.times'],
  },
  {
    name: 'share 0',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'drop', scope: { share: 0 } },
    status: 400,
    members: ['scope.share'],
  },
  {
    name: 'status not in the catalogue',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'status', status: 503 },
    status: 400,
    members: ['status'],
  },
  {
    name: 'latency without ms',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'latency' },
    status: 400,
    members: ['ms'],
  },
  {
    name: 'latency ms and range together',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'latency', ms: 5, minMs: 1, maxMs: 9 },
    status: 400,
    members: ['minMs', 'maxMs'],
  },
  {
    name: 'unknown route and method',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'drop', scope: { route: 'orders', method: 'PATCH' } },
    status: 400,
    members: ['scope.route', 'scope.method'],
  },
  {
    name: 'member of another kind',
    method: 'post',
    url: '/_mock/faults',
    body: { kind: 'drop', bytes: 3 },
    status: 400,
    members: ['bytes'],
  },
  { name: 'fault body not an object', method: 'post', url: '/_mock/faults', body: [1], status: 400, members: ['$'] },
  { name: 'missing snapshot: download', method: 'get', url: '/_mock/snapshots/nope', status: 404 },
  { name: 'missing snapshot: restore', method: 'post', url: '/_mock/snapshots/nope/restore', body: {}, status: 404 },
  { name: 'missing snapshot: delete', method: 'delete', url: '/_mock/snapshots/nope', status: 404 },
  { name: 'bad snapshot name', method: 'put', url: '/_mock/snapshots/-bad!', status: 400, members: ['name'] },
  { name: 'missing fault rule', method: 'delete', url: '/_mock/faults/f999', status: 404 },
  {
    name: 'reset with a negative count and an unknown member',
    method: 'post',
    url: '/_mock/reset',
    body: { count: -1, customers: 3 },
    status: 400,
    members: ['customers', 'count'],
  },
  {
    name: 'load: invalid customers, every problem listed',
    method: 'put',
    url: '/_mock/customers',
    body: invalid,
    status: 400,
    members: ['[0].id', '[0].firstName', '[2].id', '[2].externalId', '[3].birthDate', '[4]'],
  },
  {
    name: 'load: not a customers document',
    method: 'put',
    url: '/_mock/customers',
    body: { items: [] },
    status: 400,
    members: ['customers'],
  },
  {
    name: 'merge: an externalId another customer has',
    method: 'post',
    url: '/_mock/customers',
    body: [{ id: 'z', externalId: 'EXT-002' }],
    status: 400,
    members: ['customers[0].externalId'],
  },
  { name: 'clock: set without at', method: 'post', url: '/_mock/clock/set', body: {}, status: 400, members: ['at'] },
  {
    name: 'clock: bad date',
    method: 'post',
    url: '/_mock/clock/set',
    body: { at: '2025-13-45' },
    status: 400,
    members: ['at'],
  },
  {
    name: 'clock: bad duration',
    method: 'post',
    url: '/_mock/clock/advance',
    body: { by: 'tomorrow' },
    status: 400,
    members: ['by'],
  },
  {
    name: 'log query: not an integer, unknown parameter',
    method: 'get',
    url: '/_mock/requests?limit=ten&x=1',
    status: 400,
    members: ['limit', 'x'],
  },
  {
    name: 'webhook: bad url',
    method: 'post',
    url: '/_mock/webhooks',
    body: { url: 'ftp://x' },
    status: 400,
    members: ['url'],
  },
  { name: 'unknown control route', method: 'get', url: '/_mock/nothing', status: 404 },
  { name: 'method not allowed', method: 'delete', url: '/_mock/counts', status: 405 },
];

for (const row of BAD) {
  test(`bad control request → ${row.status}, data unchanged: ${row.name}`, async () => {
    await request(app).put('/_mock/customers').send(small);
    const version = store.version;
    const before = structuredClone(store.list());
    const call = request(app)[row.method](row.url).set('Accept-Language', 'en-GB');
    const res = row.body === undefined ? await call : await call.send(row.body as object);
    assert.equal(res.status, row.status, JSON.stringify(res.body));
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    if (row.members !== undefined) {
      assert.deepEqual(
        res.body.errors.map((e: { memberName: string }) => e.memberName).sort(),
        [...row.members].sort(),
      );
      for (const error of res.body.errors) assert.ok(error.message.length > 5, error.message);
    }
    assert.equal(store.version, version);
    assert.deepEqual(store.list(), before);
    assert.equal((await request(app).get('/_mock/faults')).body.items.length, 0);
  });
}

test('a missing snapshot is a localized 404 naming it', async () => {
  const sk = await request(app).post('/_mock/snapshots/nope/restore').set('Content-Type', 'application/json');
  assert.equal(sk.body.title, 'Zdroj nebol nájdený');
  assert.equal(sk.body.detail, 'Zdroj snapshot s identifikátorom nope neexistuje.');
  const en = await request(app)
    .post('/_mock/snapshots/nope/restore')
    .set('Content-Type', 'application/json')
    .set('Accept-Language', 'en');
  assert.equal(en.body.detail, 'There is no snapshot with id nope.');
});

test('an unknown fault kind says what is allowed, in both languages', async () => {
  const en = await request(app).post('/_mock/faults').set('Accept-Language', 'en-GB').send({ kind: 'explode' });
  assert.equal(en.body.errors[0].message, 'Unknown value "explode"; allowed: latency, status, drop, truncate.');
  const sk = await request(app).post('/_mock/faults').send({ kind: 'explode' });
  assert.equal(sk.body.errors[0].message, 'Neznáma hodnota „explode“; povolené sú: latency, status, drop, truncate.');
});
