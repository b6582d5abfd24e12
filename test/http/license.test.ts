// The licence routes (docs/decisions.md#licence): no credentials, the licence on the mock clock, any JSON object
// accepted by getrequestcode and activate, 405 for other methods, the usual 400/415 for other bodies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';

const FEATURES = [
  {
    productSku: 'MaxDeviceCount',
    rawValue: '3',
    name: 'Maximálny počet zariadení',
    activationTime: '2024-01-01T00:00:00.000Z',
    expirationTime: null,
  },
];

/** The licence the mock shows at `verificationTime` with these days left. */
function licence(expirationTime: string, verificationTime: string, remainingDays: number, isExpired: boolean) {
  return {
    shopId: 123456,
    activationTime: '2024-01-01T00:00:00.000Z',
    expirationTime,
    verificationTime,
    verificationInterval: '1.00:00:00',
    features: FEATURES,
    remainingDays,
    isExpired,
  };
}

interface ClockCase {
  name: string;
  now: string;
  expirationTime?: string;
  expected: ReturnType<typeof licence>;
}

const DEFAULT_EXPIRY = '2099-12-31T23:00:00.000Z';

const CLOCK_CASES: readonly ClockCase[] = [
  {
    name: 'the default expiry, far off',
    now: '2025-06-01T12:00:00Z',
    expected: licence(DEFAULT_EXPIRY, '2025-06-01T00:00:00.000Z', 27242, false),
  },
  {
    name: 'one hour before the default expiry: 1 day (rounded up)',
    now: '2099-12-31T22:00:00Z',
    expected: licence(DEFAULT_EXPIRY, '2099-12-31T00:00:00.000Z', 1, false),
  },
  {
    name: 'exactly 2 days before',
    now: '2099-12-29T23:00:00Z',
    expected: licence(DEFAULT_EXPIRY, '2099-12-29T00:00:00.000Z', 2, false),
  },
  {
    name: 'at the instant of expiry: expired, 0 days',
    now: '2099-12-31T23:00:00Z',
    expected: licence(DEFAULT_EXPIRY, '2099-12-31T00:00:00.000Z', 0, true),
  },
  {
    name: 'long after expiry: never below 0',
    now: '2101-03-01T00:00:00Z',
    expected: licence(DEFAULT_EXPIRY, '2101-03-01T00:00:00.000Z', 0, true),
  },
  {
    name: 'a configured expiry with an offset, written in UTC with milliseconds',
    now: '2025-06-01T12:00:00Z',
    expirationTime: '2025-06-11T14:00:00+02:00',
    expected: licence('2025-06-11T12:00:00.000Z', '2025-06-01T00:00:00.000Z', 10, false),
  },
  {
    name: 'a configured expiry one millisecond ago',
    now: '2025-06-01T12:00:00Z',
    expirationTime: '2025-06-01T11:59:59.999Z',
    expected: licence('2025-06-01T11:59:59.999Z', '2025-06-01T00:00:00.000Z', 0, true),
  },
];

for (const c of CLOCK_CASES) {
  test(`GET /license: ${c.name}`, async () => {
    const config = c.expirationTime === undefined ? {} : { license: { expirationTime: c.expirationTime } };
    const { app } = makeTestApp({ now: Date.parse(c.now), config });
    const res = await request(app).get('/license');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(res.body, c.expected);
  });
}

test('GET /license follows the mock clock as it moves across the expiry', async () => {
  const { app, clock } = makeTestApp({ now: Date.parse('2099-12-30T12:00:00Z') });
  const at = async () => {
    const { body } = await request(app).get('/license');
    return [body.remainingDays, body.isExpired, body.verificationTime];
  };
  assert.deepEqual(await at(), [2, false, '2099-12-30T00:00:00.000Z']);
  clock.set(Date.parse('2099-12-31T22:59:59.999Z'));
  assert.deepEqual(await at(), [1, false, '2099-12-31T00:00:00.000Z']);
  clock.set(Date.parse('2100-01-01T00:00:00Z'));
  assert.deepEqual(await at(), [0, true, '2100-01-01T00:00:00.000Z']);
});

interface PostCase {
  name: string;
  path: string;
  body: string;
  expected: unknown;
}

const NOW_LICENCE = licence(DEFAULT_EXPIRY, '2025-06-01T00:00:00.000Z', 27242, false);

const POST_CASES: readonly PostCase[] = [
  { name: 'an empty object', path: '/license/getrequestcode', body: '{}', expected: 'mock-request-code-123456' },
  {
    name: 'any members',
    path: '/license/getrequestcode',
    body: '{"shopId":1,"nested":{"a":[1,2]}}',
    expected: 'mock-request-code-123456',
  },
  { name: 'an empty object', path: '/license/activate', body: '{}', expected: NOW_LICENCE },
  { name: 'any members', path: '/license/activate', body: '{"code":"xyz","n":null}', expected: NOW_LICENCE },
];

for (const c of POST_CASES) {
  test(`POST ${c.path} with ${c.name}, no credentials → 200`, async () => {
    const { app } = makeTestApp();
    const res = await request(app).post(c.path).set('Content-Type', 'application/json').send(c.body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(res.text, JSON.stringify(c.expected));
  });
}

test('POST /license/activate leaves the licence as it was', async () => {
  const { app } = makeTestApp();
  const before = (await request(app).get('/license')).body;
  await request(app).post('/license/activate').send({ code: 'abc' }).expect(200);
  assert.deepEqual((await request(app).get('/license')).body, before);
});

const NOT_ALLOWED: readonly [method: 'post' | 'put' | 'delete' | 'patch' | 'get', path: string, allow: string][] = [
  ['post', '/license', 'GET'],
  ['put', '/license', 'GET'],
  ['delete', '/license', 'GET'],
  ['get', '/license/getrequestcode', 'POST'],
  ['put', '/license/getrequestcode', 'POST'],
  ['get', '/license/activate', 'POST'],
  ['patch', '/license/activate', 'POST'],
];

for (const [method, path, allow] of NOT_ALLOWED) {
  test(`${method.toUpperCase()} ${path} → 405 problem (Allow: ${allow})`, async () => {
    const { app } = makeTestApp();
    const res = await request(app)[method](path);
    assert.equal(res.status, 405);
    assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(res.body.status, 405);
    assert.equal(res.headers.allow, allow);
  });
}

interface BadBody {
  name: string;
  contentType: string | null;
  body: string;
  status: 400 | 415;
}

const BAD_BODIES: readonly BadBody[] = [
  { name: 'a JSON array', contentType: 'application/json', body: '[]', status: 400 },
  { name: 'a JSON string', contentType: 'application/json', body: '"code"', status: 400 },
  { name: 'JSON null', contentType: 'application/json', body: 'null', status: 400 },
  { name: 'malformed JSON', contentType: 'application/json', body: '{"a":', status: 400 },
  { name: 'no body', contentType: 'application/json', body: '', status: 400 },
  { name: 'text/plain', contentType: 'text/plain', body: '{}', status: 415 },
  { name: 'no content type', contentType: null, body: '{}', status: 415 },
];

for (const path of ['/license/getrequestcode', '/license/activate']) {
  for (const c of BAD_BODIES) {
    test(`POST ${path} with ${c.name} → ${c.status}`, async () => {
      const { app } = makeTestApp();
      let req = request(app).post(path);
      if (c.contentType !== null) req = req.set('Content-Type', c.contentType);
      const res = await req.serialize((body: unknown) => body as string).send(c.body);
      assert.equal(res.status, c.status, res.text);
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      if (c.status === 400) {
        assert.equal(res.body.errorCode, 3);
        assert.deepEqual(
          res.body.errors.map((e: { memberName: string }) => e.memberName),
          ['$'],
        );
      }
    });
  }
}
