// The licence gate (docs/decisions.md#licence): once `license.expirationTime` ≤ the mock clock every PORTOS route
// answers 403 errorCode 4, except /api/auth…, the health check, /license…, the spec, docs, panel, control API and
// the SignalR hub; after the route's 404/405 and the 401, before the route's rights; API keys and --no-auth too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { signNws4 } from '../../src/auth/nws4.js';
import type { ConfigInput } from '../../src/config/config.js';
import { makeTestApp, type TestApp } from '../support/app.js';

/** The licence of every test here expires at this instant; "valid" runs 1 ms before it, "expired" at it. */
const EXPIRY = '2025-06-01T12:00:00.000Z';
const EXPIRY_MS = Date.parse(EXPIRY);
const STATES = { valid: EXPIRY_MS - 1, expired: EXPIRY_MS } as const;
type State = keyof typeof STATES;

const STORED = { id: 'lic-1', lastName: 'Gate' };

/** A mock whose licence expires at EXPIRY, its clock at `state`, holding one customer (loaded while valid). */
async function mockAt(state: State, config: ConfigInput = {}, checkSpec = true): Promise<TestApp> {
  const t = makeTestApp({ now: STATES.valid, config: { ...config, license: { expirationTime: EXPIRY } }, checkSpec });
  const loaded = await request(t.app)
    .put('/_mock/customers')
    .send({ customers: [STORED] });
  assert.equal(loaded.status, 200, loaded.text);
  t.clock.set(STATES[state]);
  return t;
}

/** The licence problem, in a language: 403, errorCode 4, its title and a detail naming the expiry. */
const LICENCE_PROBLEM = {
  'sk-SK': { title: 'Licencia vypršala', detail: /^Platnosť licencie skončila 2025-06-01T12:00:00\.000Z; / },
  'en-GB': { title: 'Licence expired', detail: /^The licence expired at 2025-06-01T12:00:00\.000Z; / },
} as const;

function assertLicenceProblem(res: request.Response, lang: keyof typeof LICENCE_PROBLEM, path: string): void {
  assert.equal(res.status, 403, res.text);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.equal(res.headers['content-language'], lang);
  const { title, detail } = LICENCE_PROBLEM[lang];
  assert.equal(res.body.errorCode, 4);
  assert.equal(res.body.status, 403);
  assert.equal(res.body.title, title);
  assert.match(res.body.detail, detail);
  assert.equal(res.body.instance, path);
  assert.equal(res.body.type, 'https://tools.ietf.org/html/rfc7231#section-6.5.3');
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

interface RouteCase {
  name: string;
  method: Method;
  path: string;
  body?: object;
  /** Who asks (a fixture user with a Bearer token), or nobody. */
  as: string | null;
  /** The status while the licence is valid. */
  valid: number;
  /** The status once it has expired: `'gate'` for the licence's 403 errorCode 4. */
  expired: number | 'gate';
}

const LOGIN = { userName: 'admin', password: 'admin', deviceName: 'BackOffice' };

const ROUTES: readonly RouteCase[] = [
  { name: 'customers list', method: 'get', path: '/customers', as: 'viewer', valid: 200, expired: 'gate' },
  {
    name: 'customers list with a query',
    method: 'get',
    path: '/customers?$take=1',
    as: 'admin',
    valid: 200,
    expired: 'gate',
  },
  { name: 'a customer', method: 'get', path: '/customers/lic-1', as: 'viewer', valid: 200, expired: 'gate' },
  // The id's 404 comes after the rights (step 5 of the order), so after the licence too.
  { name: 'an unknown customer', method: 'get', path: '/customers/nobody', as: 'admin', valid: 404, expired: 'gate' },
  {
    name: 'create',
    method: 'post',
    path: '/customers',
    body: { lastName: 'New' },
    as: 'clerk',
    valid: 201,
    expired: 'gate',
  },
  {
    name: 'create or update',
    method: 'put',
    path: '/customers/lic-2',
    body: { lastName: 'Put' },
    as: 'admin',
    valid: 201,
    expired: 'gate',
  },
  { name: 'delete', method: 'delete', path: '/customers/lic-1', as: 'admin', valid: 200, expired: 'gate' },
  // A POST body that is invalid is checked after the rights, so after the licence.
  {
    name: 'create with an invalid body',
    method: 'post',
    path: '/customers',
    body: { lastName: 5 },
    as: 'admin',
    valid: 400,
    expired: 'gate',
  },
  // Exempt routes.
  { name: 'log in', method: 'post', path: '/api/auth', body: LOGIN, as: null, valid: 200, expired: 200 },
  { name: 'who am I', method: 'get', path: '/api/auth', as: 'viewer', valid: 200, expired: 200 },
  { name: 'log out', method: 'delete', path: '/api/auth', as: 'viewer', valid: 204, expired: 204 },
  { name: 'the health check', method: 'get', path: '/api/v2/health', as: null, valid: 200, expired: 200 },
  {
    name: 'the health check with credentials',
    method: 'get',
    path: '/api/v2/health',
    as: 'admin',
    valid: 200,
    expired: 200,
  },
  { name: 'the licence', method: 'get', path: '/license', as: null, valid: 200, expired: 200 },
  { name: 'the licence with credentials', method: 'get', path: '/license', as: 'admin', valid: 200, expired: 200 },
  {
    name: 'a request code',
    method: 'post',
    path: '/license/getrequestcode',
    body: {},
    as: null,
    valid: 200,
    expired: 200,
  },
  { name: 'activation', method: 'post', path: '/license/activate', body: {}, as: 'admin', valid: 200, expired: 200 },
  { name: 'the OpenAPI document', method: 'get', path: '/openapi.json', as: null, valid: 200, expired: 200 },
  { name: 'the API docs', method: 'get', path: '/docs/', as: null, valid: 200, expired: 200 },
  { name: 'the control panel', method: 'get', path: '/_mock/ui', as: null, valid: 200, expired: 200 },
  { name: 'the control API', method: 'get', path: '/_mock/state', as: null, valid: 200, expired: 200 },
  { name: 'a control API write', method: 'post', path: '/_mock/reset', body: {}, as: null, valid: 200, expired: 200 },
  { name: 'the control clock', method: 'get', path: '/_mock/clock', as: null, valid: 200, expired: 200 },
  // Unknown routes and methods are answered before the licence (step 1 of the order).
  { name: 'an unknown route', method: 'get', path: '/vouchers', as: 'admin', valid: 404, expired: 404 },
  { name: 'another method on the list', method: 'patch', path: '/customers', as: 'admin', valid: 405, expired: 405 },
  {
    name: 'another method on an item',
    method: 'post',
    path: '/customers/lic-1',
    as: 'admin',
    valid: 405,
    expired: 405,
  },
  // Credentials come first (step 2): no credentials, or bad ones, is still a 401.
  { name: 'customers without credentials', method: 'get', path: '/customers', as: null, valid: 401, expired: 401 },
  {
    name: 'delete without credentials',
    method: 'delete',
    path: '/customers/lic-1',
    as: null,
    valid: 401,
    expired: 401,
  },
];

for (const route of ROUTES) {
  for (const state of ['valid', 'expired'] as const) {
    const expected = route[state];
    test(`${route.method.toUpperCase()} ${route.path} (${route.name}), licence ${state} → ${expected === 'gate' ? '403 errorCode 4' : expected}`, async () => {
      const t = await mockAt(state);
      let req = request(t.app)[route.method](route.path).set('Accept-Language', 'en-GB');
      if (route.as !== null) req = req.set(t.auth(route.as));
      const res = route.body === undefined ? await req : await req.send(route.body);
      if (expected === 'gate') assertLicenceProblem(res, 'en-GB', route.path.split('?')[0] ?? '');
      else {
        assert.equal(res.status, expected, res.text);
        assert.notEqual(res.body?.errorCode, 4, 'not the licence problem');
      }
    });
  }
}

// The hub is not a PORTOS REST route of the spec, so its answers are not checked against it.
test('SignalR negotiate is exempt: 200 with a token, 401 without, whether the licence is valid or expired', async () => {
  for (const state of ['valid', 'expired'] as const) {
    const t = await mockAt(state, {}, false);
    const path = '/signalr/v1/mainHub/negotiate?negotiateVersion=1';
    const res = await request(t.app).post(path).set(t.auth('viewer'));
    assert.equal(res.status, 200, `${state}: ${res.text}`);
    assert.equal(typeof res.body.connectionToken, 'string', state);
    assert.equal((await request(t.app).post(path)).status, 401, state);
  }
});

test('the licence problem in each language (no Accept-Language: sk-SK)', async () => {
  const t = await mockAt('expired');
  const cases: [header: string | null, lang: keyof typeof LICENCE_PROBLEM][] = [
    [null, 'sk-SK'],
    ['sk-SK', 'sk-SK'],
    ['sk', 'sk-SK'],
    ['en-GB', 'en-GB'],
    ['de, en-US;q=0.5', 'en-GB'],
  ];
  for (const [header, lang] of cases) {
    let req = request(t.app).get('/customers').set(t.auth('viewer'));
    if (header !== null) req = req.set('Accept-Language', header);
    assertLicenceProblem(await req, lang, '/customers');
  }
});

// Rights come after the licence (step 3): a viewer may not delete, a clerk may not delete; while the licence is
// valid that is 403 errorCode 2, once it has expired the licence's 403 errorCode 4 is what they see.
const RIGHTS: readonly [who: string, method: Method, path: string, body: object | undefined][] = [
  ['viewer', 'delete', '/customers/lic-1', undefined],
  ['clerk', 'delete', '/customers/lic-1', undefined],
  ['viewer', 'post', '/customers', { lastName: 'No right' }],
  ['viewer', 'put', '/customers/lic-1', { lastName: 'No right' }],
];

for (const [who, method, path, body] of RIGHTS) {
  test(`${who} ${method.toUpperCase()} ${path}: rights 403 errorCode 2 while valid, the licence's errorCode 4 once expired`, async () => {
    for (const [state, errorCode] of [
      ['valid', 2],
      ['expired', 4],
    ] as const) {
      const t = await mockAt(state);
      const req = request(t.app)[method](path).set(t.auth(who));
      const res = body === undefined ? await req : await req.send(body);
      assert.equal(res.status, 403, `${state}: ${res.text}`);
      assert.equal(res.body.errorCode, errorCode, state);
    }
  });
}

test('credentials before the licence: a bad token, a missing one, a wrong NWS4 signature are 401, not 403', async () => {
  const t = await mockAt('expired');
  const cases: [string, Record<string, string>][] = [
    ['no credentials', {}],
    ['a malformed bearer token', { Authorization: 'Bearer not-a-token' }],
    ['an unknown scheme', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
    ['an NWS4 signature with a wrong secret', nws4Headers('GET', '/customers', '', 'wrong-secret', EXPIRY_MS)],
  ];
  for (const [name, headers] of cases) {
    const res = await request(t.app).get('/customers').set(headers);
    assert.equal(res.status, 401, name);
    assert.equal(res.body.errorCode, 1, name);
  }
});

/** The headers of a request signed with the fixture API key `integrator` (or another secret), at `atMs`. */
function nws4Headers(method: string, path: string, body: string, secret: string, atMs: number): Record<string, string> {
  const headers = { host: 'mock.test', ...(body === '' ? {} : { 'content-type': 'application/json' }) };
  return {
    ...headers,
    ...signNws4(
      { method, url: `http://mock.test${path}`, headers, body },
      { clientId: 'integrator', clientSecret: secret },
      new Date(atMs),
    ),
  };
}

const SIGNED: readonly [method: Method, path: string, body: string, valid: number][] = [
  ['get', '/customers', '', 200],
  ['get', '/customers/lic-1', '', 200],
  ['post', '/customers', '{"lastName":"Signed"}', 201],
];

for (const [method, path, body, valid] of SIGNED) {
  test(`an API key (NWS4) ${method.toUpperCase()} ${path}: ${valid} while valid, 403 errorCode 4 once expired`, async () => {
    for (const state of ['valid', 'expired'] as const) {
      const t = await mockAt(state);
      const req = request(t.app)
        [method](path)
        .set(nws4Headers(method.toUpperCase(), path, body, 'integrator-secret', STATES[state]))
        .set('Accept-Language', 'sk-SK');
      const res = body === '' ? await req : await req.send(body);
      if (state === 'valid') assert.equal(res.status, valid, res.text);
      else assertLicenceProblem(res, 'sk-SK', path);
    }
  });
}

test('--no-auth does not lift the licence: anonymous requests are refused once it has expired', async () => {
  for (const [state, expected] of [
    ['valid', 200],
    ['expired', 403],
  ] as const) {
    const t = await mockAt(state, { auth: { required: false } });
    const list = await request(t.app).get('/customers').set('Accept-Language', 'en-GB');
    assert.equal(list.status, expected, `${state}: ${list.text}`);
    if (state === 'expired') assertLicenceProblem(list, 'en-GB', '/customers');
    const health = await request(t.app).get('/api/v2/health');
    assert.equal(health.status, 200, state);
  }
});

test('under a base path the same routes are refused and the same routes are exempt', async () => {
  const t = await mockAt('expired', { basePath: '/api/v1' });
  const refused = await request(t.app).get('/api/v1/customers').set(t.auth('viewer')).set('Accept-Language', 'en-GB');
  assertLicenceProblem(refused, 'en-GB', '/api/v1/customers');
  for (const path of ['/api/v1/api/v2/health', '/api/v1/license', '/api/v1/openapi.json']) {
    assert.equal((await request(t.app).get(path)).status, 200, path);
  }
});

test('moving the mock clock over the control API flips the gate both ways; the licence and health show it', async () => {
  const t = makeTestApp({ now: STATES.valid, config: { license: { expirationTime: EXPIRY } } });
  const state = async () => {
    const token = t.auth('viewer');
    const [list, licence, health] = await Promise.all([
      request(t.app).get('/customers').set(token),
      request(t.app).get('/license'),
      request(t.app).get('/api/v2/health'),
    ]);
    return {
      customers: `${list.status} ${list.body.errorCode ?? ''}`.trim(),
      isExpired: licence.body.isExpired,
      health: health.body.entries.license.status,
    };
  };
  assert.deepEqual(await state(), { customers: '200', isExpired: false, health: 'Degraded' });
  assert.equal((await request(t.app).post('/_mock/clock/advance').send({ by: '1ms' })).status, 200);
  assert.deepEqual(await state(), { customers: '403 4', isExpired: true, health: 'Unhealthy' });
  assert.equal((await request(t.app).post('/_mock/clock/set').send({ at: '2025-04-01T00:00:00Z' })).status, 200);
  assert.deepEqual(await state(), { customers: '200', isExpired: false, health: 'Healthy' });
  assert.equal((await request(t.app).post('/_mock/clock/set').send({ at: '2030-01-01T00:00:00Z' })).status, 200);
  assert.deepEqual(await state(), { customers: '403 4', isExpired: true, health: 'Unhealthy' });
});
