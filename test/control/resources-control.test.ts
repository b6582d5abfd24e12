import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { createMock } from '../../src/mock.js';
import { KEY_MEMBERS } from '../../src/resources/names.js';
import { RESOURCE_ROWS } from '../../src/resources/resource-table.js';
import { sequentialIds } from '../../src/store/ids.js';
import { makeTestApp } from '../support/app.js';

// The control API over every row of the resource table (src/control/CONTROL-API.md): the tests iterate the
// table, so every row added later is covered too; stocks (the first row) stands for the specific cases.

const small = JSON.parse(readFileSync('fixtures/customers.small.json', 'utf8')) as StoredCustomer[];
const SEGMENTS = RESOURCE_ROWS.map((row) => row.segment);

function tempFile(content?: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'portos-mock-rows-')), 'state.json');
  if (content !== undefined) writeFileSync(path, JSON.stringify(content));
  return path;
}

function mockWithState(stateFile: string) {
  return createMock({
    config: { count: 3, seed: 5, auth: { required: false }, control: { stateFile } },
    ids: sequentialIds(),
    log: () => undefined,
  });
}

test('every row of the table has the key member the plain table (src/resources/names.ts) names', () => {
  for (const row of RESOURCE_ROWS) assert.equal(KEY_MEMBERS[row.segment], row.key.member, row.segment);
});

test('counts, reset and the state document name customers and every row, in table order', async () => {
  const { app, mock } = makeTestApp({ customers: small });
  const counts = await request(app).get('/_mock/counts');
  assert.deepEqual(Object.keys(counts.body).slice(0, SEGMENTS.length + 2), ['customers', ...SEGMENTS, 'storeVersion']);
  for (const row of RESOURCE_ROWS) assert.equal(counts.body[row.segment], row.seed().length, row.segment);
  const reset = await request(app).post('/_mock/reset').type('json');
  assert.deepEqual(Object.keys(reset.body), ['customers', ...SEGMENTS, 'storeVersion']);
  const state = await request(app).get('/_mock/state');
  assert.deepEqual(Object.keys(state.body.resources), ['customers', ...SEGMENTS]);
  for (const row of RESOURCE_ROWS) assert.deepEqual(state.body.resources[row.segment], row.seed(), row.segment);
  assert.equal(mock.control.storeVersion, reset.body.storeVersion);
});

test('reset brings every row back to its seed: emptied rows and a changed stock', async () => {
  const { app, auth, mock } = makeTestApp({ customers: small });
  for (const segment of SEGMENTS) {
    const emptied = await request(app).put(`/_mock/${segment}`).send([]);
    assert.equal(emptied.status, 200, segment);
    assert.equal(emptied.body[segment], 0, segment);
  }
  const before = mock.control.storeVersion;
  const reset = await request(app).post('/_mock/reset').type('json').expect(200);
  assert.ok(reset.body.storeVersion > before, 'storeVersion moves with every row');
  for (const row of RESOURCE_ROWS) {
    assert.deepEqual(mock.resources.items(row.segment), row.seed(), row.segment);
    assert.equal(reset.body[row.segment], row.seed().length, row.segment);
  }
  await request(app).put('/stocks/S01').set(auth()).send({ description: 'Changed' }).expect(200);
  await request(app).post('/stocks').set(auth()).send({ name: 'NEW' }).expect(201);
  await request(app).post('/_mock/reset').type('json').expect(200);
  const read = await request(app).get('/stocks/S01').set(auth());
  assert.deepEqual(read.body, { name: 'S01', description: 'Menu', _v: 2 });
  assert.equal((await request(app).get('/stocks/NEW').set(auth())).status, 404);
  mock.resources.store('stocks').replaceAll([]);
  mock.reset();
  assert.equal(mock.resources.items('stocks').length, 2, 'the library reset() too');
});

interface LoadCase {
  name: string;
  method: 'put' | 'post';
  body: unknown;
  names: string[];
  versions?: number[];
}

const LOADS: LoadCase[] = [
  {
    name: 'PUT replaces the row (bare array; _v kept, else 1)',
    method: 'put',
    body: [
      { name: 'L1', _v: 4 },
      { Name: 'L2', description: 'any case' },
    ],
    names: ['L1', 'L2'],
    versions: [4, 1],
  },
  {
    name: 'PUT takes {stocks: [...]}',
    method: 'put',
    body: { stocks: [{ name: 'L3' }] },
    names: ['L3'],
  },
  {
    name: 'PUT takes a state document (its stocks only)',
    method: 'put',
    body: { format: 'portos-mock-state', version: 2, resources: { customers: [], stocks: [{ name: 'L4' }] } },
    names: ['L4'],
  },
  {
    name: 'POST merges by key: S01 replaced in place, new keys appended',
    method: 'post',
    body: [{ name: 'S01', description: 'Merged' }, { name: 'L5' }],
    names: ['S01', 'S11', 'L5'],
    versions: [1, 2, 1],
  },
];

for (const c of LOADS) {
  test(`loader /_mock/stocks: ${c.name}`, async () => {
    const { app, mock } = makeTestApp({ customers: small });
    const res = await request(app)
      [c.method]('/_mock/stocks')
      .send(c.body as object);
    assert.equal(res.status, 200);
    assert.deepEqual(
      mock.resources.items('stocks').map((s) => s['name']),
      c.names,
    );
    if (c.versions !== undefined)
      assert.deepEqual(
        mock.resources.items('stocks').map((s) => s._v),
        c.versions,
      );
    assert.equal(res.body.stocks, c.names.length);
    assert.equal(res.body.customers, small.length, 'customers untouched');
    const changes = await request(app).get('/_mock/changes?limit=1');
    assert.deepEqual(
      { ...changes.body.items[0], at: 'x', seq: 0 },
      { kind: 'replaced', reason: 'load', resource: 'stocks', count: c.names.length, at: 'x', seq: 0 },
    );
  });
}

const REFUSED: { name: string; body: unknown; members: string[] }[] = [
  {
    name: 'a key out of its domain',
    body: [{ name: '' }, { name: 'x'.repeat(65) }],
    members: ['[0].name', '[1].name'],
  },
  { name: 'no key', body: { stocks: [{ description: 'no name' }] }, members: ['stocks[0].name'] },
  { name: 'a member of the wrong type', body: [{ name: 'A', description: 5 }], members: ['[0].description'] },
  { name: 'the same key twice', body: [{ name: 'A' }, { name: 'A' }], members: ['[1].name'] },
  { name: 'not an item', body: [7], members: ['[0]'] },
  { name: 'no stocks in the body', body: { customers: [] }, members: ['stocks'] },
  {
    name: 'a state document without stocks',
    body: { format: 'portos-mock-state', version: 2, resources: {} },
    members: ['resources.stocks'],
  },
];

for (const c of REFUSED) {
  test(`loader /_mock/stocks refuses ${c.name} (400 naming where, nothing changed)`, async () => {
    const { app, mock } = makeTestApp({ customers: small });
    const version = mock.control.storeVersion;
    const res = await request(app)
      .put('/_mock/stocks')
      .send(c.body as object);
    assert.equal(res.status, 400);
    assert.equal(res.body.errorCode, 3);
    assert.deepEqual(
      res.body.errors.map((e: { memberName: string }) => e.memberName),
      c.members,
    );
    assert.equal(mock.control.storeVersion, version);
  });
}

test('GET /_mock/{segment} answers the stored items, loadable as they are', async () => {
  const { app, mock } = makeTestApp({ customers: small });
  for (const segment of ['customers', ...SEGMENTS]) {
    const res = await request(app).get(`/_mock/${segment}`);
    assert.equal(res.status, 200, segment);
    assert.deepEqual(Object.keys(res.body), [segment]);
    const back = await request(app).put(`/_mock/${segment}`).send(res.body);
    assert.equal(back.status, 200, segment);
    assert.equal(back.body.loaded, res.body[segment].length, segment);
  }
  assert.deepEqual(mock.resources.items('stocks'), RESOURCE_ROWS.find((r) => r.segment === 'stocks')?.seed());
});

test('snapshots hold every row: restore undoes stock writes; summaries count each row', async () => {
  const { app, auth, mock } = makeTestApp({ customers: small });
  const taken = await request(app).put('/_mock/snapshots/rows').expect(201);
  for (const row of RESOURCE_ROWS) assert.equal(taken.body[row.segment], row.seed().length, row.segment);
  await request(app).put('/stocks/S11').set(auth()).send({ description: 'Changed' }).expect(200);
  await request(app).post('/stocks').set(auth()).send({ name: 'AFTER' }).expect(201);
  await request(app).delete('/stocks/AFTER').set(auth()).expect(200);
  await request(app).post('/stocks').set(auth()).send({ name: 'AFTER2' }).expect(201);
  const doc = await request(app).get('/_mock/snapshots/rows');
  assert.deepEqual(doc.body.resources.stocks, RESOURCE_ROWS.find((r) => r.segment === 'stocks')?.seed());
  const restored = await request(app).post('/_mock/snapshots/rows/restore').type('json').expect(200);
  assert.equal(restored.body.stocks, 2);
  for (const row of RESOURCE_ROWS) assert.deepEqual(mock.resources.items(row.segment), row.seed(), row.segment);
  const uploaded = await request(app)
    .put('/_mock/snapshots/given')
    .send({ format: 'portos-mock-state', version: 2, resources: { stocks: [{ name: 'ONLY' }] } })
    .expect(201);
  assert.equal(uploaded.body.stocks, 1, 'the body names the stocks');
  assert.equal(uploaded.body.customers, small.length, 'what it does not name is taken as it is now');
});

test('state file: a version 1 file (customers only) loads, every row starts from its seed, and is rewritten as version 2', async () => {
  const path = tempFile({
    format: 'portos-mock-state',
    version: 1,
    savedAt: '2025-01-01T00:00:00.000Z',
    customers: small,
  });
  const mock = mockWithState(path);
  assert.deepEqual(
    mock.store.list().map((c) => c.id),
    small.map((c) => c.id),
  );
  for (const row of RESOURCE_ROWS) assert.deepEqual(mock.resources.items(row.segment), row.seed(), row.segment);
  await request(mock.app).post('/stocks').send({ name: 'V2' }).expect(201);
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  assert.equal(saved.version, 2);
  assert.deepEqual(Object.keys(saved.resources), ['customers', ...SEGMENTS]);
  assert.equal(saved.resources.stocks.at(-1).name, 'V2');
  await mock.shutdown();
});

test('state file: version 2 round trip of every row (a restart reads back what was saved)', async () => {
  const path = tempFile();
  const first = mockWithState(path);
  await request(first.app).put('/stocks/RT').send({ description: 'round trip' }).expect(201);
  await request(first.app).put('/stocks/S01').send({ description: 'changed', _v: 2 }).expect(200);
  await first.shutdown();
  const saved = JSON.parse(readFileSync(path, 'utf8'));
  const second = mockWithState(path);
  for (const segment of SEGMENTS) assert.deepEqual(second.resources.items(segment), saved.resources[segment], segment);
  assert.deepEqual(
    second.store.list().map((c) => c.id),
    saved.resources.customers.map((c: { id: string }) => c.id),
  );
  const again = (await request(second.app).get('/_mock/state')).body;
  assert.deepEqual({ ...again, savedAt: 'x' }, { ...saved, savedAt: 'x' });
  await second.shutdown();
});

const BAD_FILES: { name: string; resources: Record<string, unknown>; where: RegExp }[] = [
  {
    name: 'a stock breaking its key domain',
    resources: { stocks: [{ name: '' }] },
    where: /resources\.stocks\[0\]\.name: /,
  },
  {
    name: 'a stock breaking its write schema',
    resources: { stocks: [{ name: 'A', description: false }] },
    where: /resources\.stocks\[0\]\.description: /,
  },
  { name: 'a resource the mock does not have', resources: { unicorns: [] }, where: /resources\.unicorns: / },
  { name: 'a row that is not a list', resources: { stocks: {} }, where: /resources\.stocks: / },
];

for (const c of BAD_FILES) {
  test(`state file: ${c.name} stops the start, naming where`, () => {
    const path = tempFile({ format: 'portos-mock-state', version: 2, savedAt: 'x', resources: c.resources });
    assert.throws(
      () => mockWithState(path),
      (error: Error) => error.message.startsWith(`state file ${path} is not usable:`) && c.where.test(error.message),
    );
  });
}

interface LockCase {
  name: string;
  lock: string;
  method: 'put' | 'post' | 'delete' | 'get';
  url: string;
  body?: object;
  status: number;
}

const LOCKS: LockCase[] = [
  { name: 'PUT on a locked stock', lock: 'stocks/S01', method: 'put', url: '/stocks/S01', body: {}, status: 423 },
  { name: 'DELETE on a locked stock', lock: 'stocks/S01', method: 'delete', url: '/stocks/S01', status: 423 },
  {
    name: 'POST naming a locked stock',
    lock: 'stocks/NEW',
    method: 'post',
    url: '/stocks',
    body: { NAME: 'NEW' },
    status: 423,
  },
  { name: 'GET of a locked stock', lock: 'stocks/S01', method: 'get', url: '/stocks/S01', status: 200 },
  { name: 'PUT on another stock', lock: 'stocks/S01', method: 'put', url: '/stocks/S11', body: {}, status: 200 },
  { name: 'a bare id locks a customer only', lock: 'S01', method: 'put', url: '/stocks/S01', body: {}, status: 200 },
  {
    name: 'customers/{id} is a customer lock',
    lock: 'customers/c1',
    method: 'delete',
    url: '/customers/c1',
    status: 423,
  },
];

for (const c of LOCKS) {
  test(`locks: ${c.name} → ${c.status}`, async () => {
    const { app, auth } = makeTestApp({ customers: small });
    await request(app).put(`/_mock/locks/${c.lock}`).expect(204);
    const res = await request(app)[c.method](c.url).set(auth()).set('Accept-Language', 'en-GB').send(c.body);
    assert.equal(res.status, c.status);
    if (c.status === 423) {
      assert.equal(res.body.errorCode, 5);
      assert.equal(res.body.title, 'Resource locked');
      assert.match(res.body.detail, c.url.startsWith('/stocks') ? /\bstock\b/ : /\bcustomer\b/);
    }
    await request(app).delete(`/_mock/locks/${c.lock}`).expect(204);
    const again = await request(app)[c.method](c.url).set(auth()).send(c.body);
    assert.notEqual(again.status, 423, 'unlocked');
  });
}

test('locks: listed as {segment}/{key} (customers by bare id); an unknown segment is a 400', async () => {
  const { app } = makeTestApp({ customers: small });
  await request(app).put('/_mock/locks/stocks/S01').expect(204);
  await request(app).put('/_mock/locks/c1').expect(204);
  assert.deepEqual((await request(app).get('/_mock/locks')).body.items, ['stocks/S01', 'c1']);
  const bad = await request(app).put('/_mock/locks/unicorns/1');
  assert.equal(bad.status, 400);
  assert.deepEqual(
    bad.body.errors.map((e: { memberName: string }) => e.memberName),
    ['segment'],
  );
});

const FAULTS: { scope: object; url: string; faulted: boolean }[] = [
  { scope: { route: 'stocks' }, url: '/stocks', faulted: true },
  { scope: { route: 'stocks' }, url: '/stocks/S01', faulted: false },
  { scope: { route: 'stock' }, url: '/stocks/S01', faulted: true },
  { scope: { route: 'stock', id: 'S11' }, url: '/stocks/S01', faulted: false },
  { scope: { route: 'stock', id: 'S11' }, url: '/stocks/S11', faulted: true },
  { scope: { route: 'stocks' }, url: '/customers', faulted: false },
];

for (const c of FAULTS) {
  test(`faults: scope ${JSON.stringify(c.scope)} ${c.faulted ? 'faults' : 'leaves'} GET ${c.url}`, async () => {
    const { app, auth } = makeTestApp({ customers: small });
    await request(app).post('/_mock/faults').send({ kind: 'status', status: 500, scope: c.scope }).expect(201);
    const res = await request(app).get(c.url).set(auth());
    assert.equal(res.status, c.faulted ? 500 : 200);
  });
}

test('faults: every resource has its route names; others are refused with the list', async () => {
  const { app } = makeTestApp({ customers: small });
  const bad = await request(app)
    .post('/_mock/faults')
    .send({ kind: 'status', status: 500, scope: { route: 'unicorn' } });
  assert.equal(bad.status, 400);
  const allowed = bad.body.errors[0].message as string;
  for (const row of RESOURCE_ROWS) {
    assert.match(allowed, new RegExp(`\\b${row.segment}\\b`), row.segment);
    assert.match(allowed, new RegExp(`\\b${row.name}\\b`), row.name);
  }
});

test('/docs renders the served spec, which has every row list and item path', async () => {
  const { app } = makeTestApp();
  const docs = await request(app).get('/docs/');
  assert.equal(docs.status, 200);
  assert.ok(docs.text.includes('/openapi.json'), 'the page loads the served spec');
  const spec = await request(app).get('/openapi.json');
  const paths = Object.keys(spec.body.paths as object);
  for (const row of RESOURCE_ROWS) {
    assert.ok(paths.includes(`/${row.segment}`), `/${row.segment}`);
    assert.ok(paths.includes(`/${row.segment}/{${row.key.member}}`), `/${row.segment}/{${row.key.member}}`);
  }
});
