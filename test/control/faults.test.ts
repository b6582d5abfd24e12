import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { makeTestApp } from '../support/app.js';

const small = JSON.parse(readFileSync('fixtures/customers.small.json', 'utf8')) as StoredCustomer[];

/** Draws from a fixed list, round and round: deterministic `share`. */
function draws(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

const { app, store, auth } = makeTestApp({ customers: small, random: draws(0.1, 0.9, 0.3, 0.7) });

async function fault(body: object) {
  const res = await request(app).post('/_mock/faults').send(body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; fault: string; remaining: number | null; hits: number };
}

async function clear() {
  await request(app).delete('/_mock/faults');
  await request(app).delete('/_mock/locks');
}

const LANGUAGES = [
  { language: 'sk-SK', locked: 'Zdroj je uzamknutý', internal: 'Nastala neočakávaná chyba servera' },
  { language: 'en-GB', locked: 'Resource locked', internal: 'An unexpected server error occurred' },
];

test('a status 500 rule on one route: a localized ProblemDetails there, other routes untouched', async () => {
  await clear();
  const rule = await fault({ kind: 'status', status: 500, scope: { route: 'customers', method: 'GET' } });
  assert.equal(rule.fault, 'status=500');
  for (const { language, internal } of LANGUAGES) {
    const res = await request(app).get('/customers').set(auth()).set('Accept-Language', language);
    assert.equal(res.status, 500);
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.equal(res.body.title, internal);
    assert.equal(res.headers['content-language'], language);
    assert.equal(res.body.instance, '/customers');
  }
  assert.equal((await request(app).get('/customers/c1').set(auth())).status, 200);
  assert.equal(
    (await request(app).post('/customers').set(auth()).send({ firstName: 'Ok' })).status,
    201,
    'POST is another method',
  );
  const listed = (await request(app).get('/_mock/faults')).body.items[0];
  assert.equal(listed.hits, 2);
});

test('a locked customer: writes get 423 ResourceLocked (errorCode 5) in both languages, reads still work; unlock', async () => {
  await clear();
  assert.equal((await request(app).put('/_mock/locks/c2')).status, 204);
  assert.deepEqual((await request(app).get('/_mock/locks')).body.items, ['c2']);
  const version = store.version;
  for (const { language, locked } of LANGUAGES) {
    const put = await request(app)
      .put('/customers/c2')
      .set(auth())
      .set('Accept-Language', language)
      .send({ firstName: 'X' });
    assert.equal(put.status, 423);
    assert.equal(put.body.errorCode, 5);
    assert.equal(put.body.title, locked);
    assert.equal(put.body.type, 'https://tools.ietf.org/html/rfc4918#section-11.3');
    assert.match(put.body.detail, /c2/);
  }
  assert.equal((await request(app).delete('/customers/c2').set(auth())).status, 423);
  assert.equal(
    (await request(app).post('/customers').set(auth()).send({ ID: 'c2', firstName: 'Body id' })).status,
    423,
    'a POST naming the id in its body',
  );
  assert.equal((await request(app).get('/customers/c2').set(auth())).status, 200);
  assert.equal((await request(app).get('/customers').set(auth())).status, 200);
  assert.equal(
    (await request(app).put('/customers/c3').set(auth()).send({ firstName: 'Other' })).status,
    200,
    'other ids are free',
  );
  const other = await request(app).post('/customers').set(auth()).send({ id: 'c9', firstName: 'Read twice' });
  assert.deepEqual(
    [other.status, other.body.firstName],
    [201, 'Read twice'],
    'the body read early still reaches the route',
  );
  assert.equal(store.version, version + 2);
  assert.equal((await request(app).delete('/_mock/locks/c2')).status, 204);
  const put = await request(app).put('/customers/c2').set(auth()).send({ firstName: 'Unlocked' });
  assert.equal(put.status, 200);
});

test('the fault header applies to its request only; several faults combine', async () => {
  await clear();
  const faulted = await request(app).get('/customers/c1').set(auth()).set('X-Mock-Fault', 'status=500');
  assert.equal(faulted.status, 500);
  assert.equal((await request(app).get('/customers/c1').set(auth())).status, 200);
  const started = performance.now();
  const both = await request(app)
    .put('/customers/c1')
    .set(auth())
    .set('X-Mock-Fault', 'latency=60, status=423')
    .send({});
  assert.equal(both.status, 423);
  assert.ok(performance.now() - started >= 55, 'the latency came first');
  const missing = await request(app).get('/customers/c1').set(auth()).set('x-mock-fault', 'status=404');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.title, 'Zdroj nebol nájdený');
  const expired = await request(app)
    .get('/customers')
    .set(auth())
    .set('X-Mock-Fault', 'status=401')
    .set('Accept-Language', 'en');
  assert.equal(expired.status, 401);
  assert.match(expired.headers['www-authenticate'] ?? '', /Bearer/);
});

const BAD_HEADERS: [string, string[]][] = [
  ['explode', ['Unknown value "explode"; allowed: latency, status, drop, truncate.']],
  ['latency=soon', ['The value has the wrong form; for example: latency=300 or latency=100-500.']],
  ['status=503', ['Unknown value "503"; allowed: 401, 403, 404, 413, 415, 423, 500.']],
  ['status=500,drop', ['The value cannot be combined with status.']],
  ['latency=5,latency=6', ['The value cannot be combined with latency.']],
  ['drop=3', ['The value has the wrong form; for example: drop.']],
  ['latency=9-3', ['The value must be from 9 to 600000.']],
];

for (const [header, messages] of BAD_HEADERS) {
  test(`a bad fault header is a 400 naming it: ${header}`, async () => {
    const res = await request(app)
      .get('/customers')
      .set(auth())
      .set('X-Mock-Fault', header)
      .set('Accept-Language', 'en-GB');
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.errors,
      messages.map((message) => ({ memberName: 'X-Mock-Fault', message })),
    );
  });
}

test('share: drawn with the injected random source (0.1, 0.9, 0.3, 0.7 against 0.5)', async () => {
  await clear();
  await fault({ kind: 'status', status: 500, scope: { route: 'customer', share: 0.5 } });
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await request(app).get('/customers/c1').set(auth())).status);
  assert.deepEqual(statuses, [500, 200, 500, 200]);
});

test('times: applies N times, then expires', async () => {
  await clear();
  const rule = await fault({ kind: 'status', status: 500, scope: { times: 2, id: 'c4' } });
  assert.equal(rule.remaining, 2);
  const statuses: number[] = [];
  for (let i = 0; i < 3; i++) statuses.push((await request(app).get('/customers/c4').set(auth())).status);
  assert.deepEqual(statuses, [500, 500, 200]);
  assert.equal((await request(app).get('/customers/c5').set(auth())).status, 200, 'another id');
  assert.deepEqual((await request(app).get('/_mock/faults')).body.items, []);
});

test('an id scope also matches a POST naming that id in its body', async () => {
  await clear();
  await fault({ kind: 'status', status: 423, scope: { id: 'posted', method: 'POST' } });
  assert.equal((await request(app).post('/customers').set(auth()).send({ id: 'posted' })).status, 423);
  assert.equal((await request(app).post('/customers').set(auth()).send({ id: 'other-post' })).status, 201);
});

const SCOPES: { name: string; scope: object; hit: [string, string][]; miss: [string, string][] }[] = [
  { name: 'route name', scope: { route: 'health' }, hit: [['GET', '/api/v2/health']], miss: [['GET', '/customers']] },
  {
    name: 'path glob, one segment',
    scope: { route: '/customers/*' },
    hit: [
      ['GET', '/customers/c1'],
      ['DELETE', '/customers/zz'],
    ],
    miss: [['GET', '/customers']],
  },
  {
    name: 'path glob, any depth',
    scope: { route: '/api/**' },
    hit: [
      ['GET', '/api/v2/health'],
      ['GET', '/api/auth'],
    ],
    miss: [['GET', '/customers/c1']],
  },
  { name: 'method', scope: { method: 'delete' }, hit: [['DELETE', '/customers/c6']], miss: [['GET', '/customers/c6']] },
  {
    name: 'GET covers HEAD',
    scope: { method: 'GET', route: 'customer' },
    hit: [['HEAD', '/customers/c1']],
    miss: [['PUT', '/customers/c1']],
  },
];

for (const row of SCOPES) {
  test(`scope by ${row.name}`, { skip: false }, async () => {
    await clear();
    await fault({ kind: 'status', status: 500, scope: row.scope });
    for (const [method, url] of row.hit) {
      const res = await request(app)[method.toLowerCase() as 'get'](url).set(auth());
      assert.equal(res.status, 500, `${method} ${url}`);
    }
    await clear();
    await fault({ kind: 'status', status: 500, scope: row.scope });
    for (const [method, url] of row.miss) {
      const res = await request(app)[method.toLowerCase() as 'get'](url).set(auth());
      assert.notEqual(res.status, 500, `${method} ${url}`);
    }
  });
}

test('control routes are never faulted; removing one rule by id', async () => {
  await clear();
  const rule = await fault({ kind: 'status', status: 500 });
  assert.equal((await request(app).get('/_mock/counts')).status, 200);
  assert.equal((await request(app).get('/_mock/counts').set('X-Mock-Fault', 'status=500')).status, 200);
  assert.equal((await request(app).delete(`/_mock/faults/${rule.id}`)).status, 204);
  assert.equal((await request(app).get('/customers/c1').set(auth())).status, 200);
});

test('the request log shows the faults applied', async () => {
  await clear();
  await request(app).delete('/_mock/requests');
  await request(app).get('/customers/c1').set(auth('viewer')).set('X-Mock-Fault', 'latency=1,status=500');
  const log = await request(app).get('/_mock/requests');
  const entry = log.body.items.at(-1);
  assert.equal(entry.status, 500);
  assert.deepEqual(entry.faults, ['latency=1', 'status=500']);
});
