import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIdentities } from '../../src/auth/identities.js';
import { signNws4 } from '../../src/auth/nws4.js';
import { signJwt } from '../../src/auth/token.js';
import { makeTestApp, TEST_NOW } from '../support/app.js';
import { P01_DEVICE } from '../support/fixture-devices.js';

const { app, clock } = makeTestApp();

const FIXTURE_USERS = [
  { userName: 'admin', rights: ['admin'] },
  {
    userName: 'manager',
    // The five customer rights and the catalogue's (docs/decisions.md#fixture-rights).
    rights: [
      'customerCreate',
      'customerUpdate',
      'customerDelete',
      'customerSetCredit',
      'customerSetDiscount',
      ...['vat', 'articleCategory', 'currency', 'plu', 'stock', 'paymentType', 'zone', 'modifier'].flatMap((name) => [
        `${name}Create`,
        `${name}Update`,
        `${name}Delete`,
      ]),
    ],
  },
  { userName: 'clerk', rights: ['customerCreate', 'customerUpdate'] },
  { userName: 'viewer', rights: [] },
] as const;

const P01 = P01_DEVICE;
/** The members of the JWT page's `AuthResult.user` example, in its order. */
const USER_MEMBERS = ['id', 'isVirtual', 'name', 'userName', 'featureName', 'rights', 'device'];
const WWW_AUTHENTICATE = /Bearer.*NWS4-HMAC-SHA256/;

async function login(userName: string, password: string | null = userName, deviceName = 'P01') {
  return request(app).post('/api/auth').send({ userName, password, deviceName });
}

async function tokens(userName: string): Promise<{ tokenId: string; refreshToken: string }> {
  const res = await login(userName);
  assert.equal(res.status, 200);
  return res.body as { tokenId: string; refreshToken: string };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function assertUnauthenticated(res: request.Response, detailPattern?: RegExp): void {
  assert.equal(res.status, 401);
  assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.match(res.headers['www-authenticate'] ?? '', WWW_AUTHENTICATE);
  assert.equal(res.body.errorCode, 1);
  if (detailPattern !== undefined) assert.match(res.body.detail, detailPattern);
}

for (const user of FIXTURE_USERS) {
  test(`POST /api/auth logs in ${user.userName}: tokenId, refreshToken and the user on P01`, async () => {
    const res = await login(user.userName);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'] ?? '', /^application\/json/);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.deepEqual(Object.keys(res.body).sort(), ['refreshToken', 'tokenId', 'user']);
    assert.match(res.body.tokenId, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(res.body.user.id, /^[0-9a-f]{24}$/);
    assert.equal(res.body.user.userName, user.userName);
    assert.deepEqual(res.body.user.rights, user.rights);
    assert.deepEqual(res.body.user.device, P01);
    assert.deepEqual(Object.keys(res.body.user), USER_MEMBERS);
    assert.equal(res.body.user.isVirtual, false);
    assert.equal(res.body.user.featureName, null);
    const profile = await request(app).get('/api/auth').set(bearer(res.body.tokenId));
    assert.equal(profile.status, 200);
    assert.deepEqual(profile.body, res.body.user);
    const refreshed = await request(app).post('/api/auth/refresh').send(res.body);
    assert.equal(refreshed.status, 200);
    assert.deepEqual(refreshed.body.user, res.body.user);
  });
}

test('documented PascalCase members log in too', async () => {
  const res = await request(app).post('/api/auth').send({ UserName: 'clerk', Password: 'clerk', DeviceName: 'P01' });
  assert.equal(res.status, 200);
  assert.equal(res.body.user.userName, 'clerk');
});

test('wrong or missing password, unknown user, unknown device: the same 401 (only traceId differs)', async () => {
  const answers = await Promise.all([
    login('manager', 'wrong'),
    request(app).post('/api/auth').send({ userName: 'manager', deviceName: 'P01' }),
    login('manager', null),
    login('manager', ''),
    login('nobody', 'nobody'),
    request(app).post('/api/auth').send({ userName: 'nobody', deviceName: 'P01' }),
    login('manager', 'manager', 'P99'),
    login('manager', 'manager', 'p01'),
  ]);
  for (const res of answers) assertUnauthenticated(res);
  const [first, ...others] = answers.map((res) => ({ ...res.body, traceId: '' }));
  for (const other of others) assert.deepEqual(other, first);
  assert.notEqual(answers[0]?.body.traceId, answers[1]?.body.traceId);
});

test('missing, null, non-string and blank members: 400 listing each one', async () => {
  const res = await request(app)
    .post('/api/auth')
    .set('Accept-Language', 'en-GB')
    .send({ Password: 5, deviceName: ' ' });
  assert.equal(res.status, 400);
  assert.equal(res.body.errorCode, 3);
  assert.deepEqual(
    res.body.errors.map((e: { memberName: string; code?: string }) => [e.memberName, e.code ?? null]),
    [
      ['userName', '1'],
      ['Password', null],
      ['deviceName', null],
    ],
  );
  for (const e of res.body.errors as { message: string }[]) assert.ok(e.message.length > 0);
});

interface IdentityCase {
  name: string;
  body: Record<string, unknown>;
  status: 200 | 401;
}

/** An identities file with a user without a password and an inactive device, beside the usual ones. */
const OWN = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'identities-')), 'identities.json');
  const fixtures = loadIdentities();
  writeFileSync(
    file,
    JSON.stringify({
      ...fixtures,
      users: [...fixtures.users, { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', userName: 'kiosk', name: 'Kiosk', rights: [] }],
      devices: [...fixtures.devices, { name: 'OLD', envName: 'PDA', description: 'Retired', isActive: false }],
    }),
  );
  return makeTestApp({ config: { auth: { identitiesFile: file } } });
})();

const IDENTITY_CASES: readonly IdentityCase[] = [
  {
    name: 'a user without a password, no password member',
    body: { userName: 'kiosk', deviceName: 'P01' },
    status: 200,
  },
  {
    name: 'a user without a password, null',
    body: { userName: 'kiosk', password: null, deviceName: 'P01' },
    status: 200,
  },
  {
    name: 'a user without a password, empty',
    body: { userName: 'kiosk', Password: '', deviceName: 'P01' },
    status: 200,
  },
  {
    name: 'a user without a password, given one',
    body: { userName: 'kiosk', password: 'x', deviceName: 'P01' },
    status: 401,
  },
  { name: 'an inactive device', body: { userName: 'admin', password: 'admin', deviceName: 'OLD' }, status: 401 },
  {
    name: 'the BackOffice device',
    body: { userName: 'admin', password: 'admin', deviceName: 'BackOffice' },
    status: 200,
  },
  { name: 'the PDA1 device', body: { userName: 'kiosk', deviceName: 'PDA1' }, status: 200 },
];

for (const c of IDENTITY_CASES) {
  test(`login with own identities: ${c.name} → ${c.status}`, async () => {
    const res = await request(OWN.app).post('/api/auth').set('Accept-Language', 'en-GB').send(c.body);
    assert.equal(res.status, c.status);
    if (c.status === 401) {
      assertUnauthenticated(res, /wrong user name, password or device/);
      return;
    }
    assert.deepEqual(Object.keys(res.body.user), USER_MEMBERS);
    assert.equal(res.body.user.device.name, c.body['deviceName']);
    const profile = await request(OWN.app).get('/api/auth').set(bearer(res.body.tokenId));
    assert.deepEqual(profile.body, res.body.user);
  });
}

test('a login without userName or deviceName is still a 400, with or without a password', async () => {
  for (const body of [{ deviceName: 'P01' }, { userName: 'kiosk' }, { userName: 'kiosk', password: 'x' }]) {
    const res = await request(OWN.app).post('/api/auth').send(body);
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.errors.map((e: { memberName: string }) => e.memberName),
      [body.deviceName === undefined ? 'deviceName' : 'userName'],
    );
  }
});

test('a login body that is not JSON: 415; malformed JSON: 400', async () => {
  assert.equal((await request(app).post('/api/auth').type('text/plain').send('userName=admin')).status, 415);
  const malformed = await request(app).post('/api/auth').type('application/json').send('{"userName":');
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.errors[0].memberName, '$');
});

test('GET /api/auth without credentials, with garbage, with an unknown scheme: 401 + WWW-Authenticate', async () => {
  assertUnauthenticated(await request(app).get('/api/auth'));
  assertUnauthenticated(await request(app).get('/api/auth').set(bearer('garbage')));
  assertUnauthenticated(await request(app).get('/api/auth').set('Authorization', 'Basic YWRtaW46YWRtaW4='));
  assertUnauthenticated(await request(app).get('/customers'));
});

test('refresh: a new pair; the old token and the old refresh token stop working', async () => {
  const old = await tokens('manager');
  const res = await request(app)
    .post('/api/auth/refresh')
    .send({ TokenId: old.tokenId, RefreshToken: old.refreshToken });
  assert.equal(res.status, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.equal(res.body.user.userName, 'manager');
  assert.equal((await request(app).get('/api/auth').set(bearer(res.body.tokenId))).status, 200);
  assertUnauthenticated(
    await request(app).get('/api/auth').set(bearer(old.tokenId)).set('Accept-Language', 'en-GB'),
    /revoked/,
  );
  assertUnauthenticated(
    await request(app).post('/api/auth/refresh').send(old).set('Accept-Language', 'en-GB'),
    /refresh token/,
  );
  const missing = await request(app).post('/api/auth/refresh').send({ tokenId: old.tokenId });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.errors[0].memberName, 'refreshToken');
});

test('DELETE /api/auth logs out (204); the token is then refused', async () => {
  const { tokenId } = await tokens('clerk');
  const res = await request(app).delete('/api/auth').set(bearer(tokenId));
  assert.equal(res.status, 204);
  assert.equal(res.text, '');
  assertUnauthenticated(
    await request(app).get('/customers').set(bearer(tokenId)).set('Accept-Language', 'en-GB'),
    /revoked/,
  );
  assertUnauthenticated(await request(app).delete('/api/auth').set(bearer(tokenId)));
});

test('other methods on the auth routes: 405 with Allow, before credentials', async () => {
  const put = await request(app).put('/api/auth');
  assert.equal(put.status, 405);
  assert.equal(put.headers['allow'], 'GET, POST, DELETE');
  const get = await request(app).get('/api/auth/refresh');
  assert.equal(get.status, 405);
  assert.equal(get.headers['allow'], 'POST');
});

test('401 in both languages: different titles and details, Content-Language set', async () => {
  const sk = await request(app).get('/api/auth').set('Accept-Language', 'sk-SK');
  const en = await request(app).get('/api/auth').set('Accept-Language', 'en-GB');
  assert.equal(sk.headers['content-language'], 'sk-SK');
  assert.equal(en.headers['content-language'], 'en-GB');
  assert.notEqual(sk.body.title, en.body.title);
  assert.notEqual(sk.body.detail, en.body.detail);
  const bad = await login('admin', 'nope');
  assert.equal(bad.headers['content-language'], 'sk-SK', 'sk-SK is the default');
});

test('an access token past its lifetime: 401 (short lifetime, clock moved); refresh still works', async () => {
  const short = makeTestApp({ config: { auth: { tokenLifetimeSeconds: 5 } } });
  const res = await request(short.app)
    .post('/api/auth')
    .send({ userName: 'viewer', password: 'viewer', deviceName: 'P01' });
  assert.equal((await request(short.app).get('/customers').set(bearer(res.body.tokenId))).status, 200);
  short.clock.advance(5_000);
  const expired = await request(short.app)
    .get('/customers')
    .set(bearer(res.body.tokenId))
    .set('Accept-Language', 'en-GB');
  assertUnauthenticated(expired, /expired/);
  const renewed = await request(short.app).post('/api/auth/refresh').send(res.body);
  assert.equal(renewed.status, 200);
  assert.equal((await request(short.app).get('/customers').set(bearer(renewed.body.tokenId))).status, 200);
});

test('auth.required off: no credentials needed, the caller is an anonymous admin', async () => {
  const open = makeTestApp({ config: { auth: { required: false } } });
  const res = await request(open.app).get('/api/auth');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.rights, ['admin']);
  assert.equal((await request(open.app).delete('/api/auth')).status, 204);
});

const INTEGRATOR = { clientId: 'integrator', clientSecret: 'integrator-secret' };
const HOST = 'mock.test';

/** Headers for an NWS4-signed request (host fixed, so the signature covers what supertest sends). */
function signedHeaders(method: string, path: string, body = '', signedAt = clock.now()): Record<string, string> {
  const headers: Record<string, string> = {
    host: HOST,
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
  };
  return {
    ...headers,
    ...signNws4({ method, url: `http://${HOST}${path}`, headers, body }, INTEGRATOR, new Date(signedAt)),
  };
}

test('NWS4: the integrator key acts as manager with its permissions (GET with a query, POST with a body)', async () => {
  const profile = await request(app).get('/api/auth').set(signedHeaders('GET', '/api/auth'));
  assert.equal(profile.status, 200);
  assert.equal(profile.body.userName, 'manager');
  const list = await request(app)
    .get('/customers?$take=1&$sort=-lastName')
    .set(signedHeaders('GET', '/customers?$take=1&$sort=-lastName'));
  assert.equal(list.status, 200);
  const body = JSON.stringify({ firstName: 'Ján', lastName: 'Signed' });
  const created = await request(app)
    .post('/customers')
    .set(signedHeaders('POST', '/customers', body))
    .send(body);
  assert.equal(created.status, 201);
  assert.equal(created.body.fullName, 'Ján Signed');
  assert.equal((await request(app).delete('/api/auth').set(signedHeaders('DELETE', '/api/auth'))).status, 204);
});

test('NWS4 failures through HTTP: tampered body, outside the window both ways, unknown key', async () => {
  const body = JSON.stringify({ firstName: 'A' });
  const tampered = await request(app)
    .post('/customers')
    .set(signedHeaders('POST', '/customers', body))
    .set('Accept-Language', 'en-GB')
    .send('{"firstName":"B"}');
  assertUnauthenticated(tampered, /x-nd-content-sha256/);
  for (const skew of [-151_000, 151_000]) {
    const res = await request(app)
      .get('/customers')
      .set(signedHeaders('GET', '/customers', '', TEST_NOW + skew))
      .set('Accept-Language', 'en-GB');
    assertUnauthenticated(res, /window/);
  }
  const stranger = {
    ...signedHeaders('GET', '/customers'),
    authorization: signedHeaders('GET', '/customers')['authorization']?.replace('integrator', 'stranger') ?? '',
  };
  assertUnauthenticated(await request(app).get('/customers').set(stranger).set('Accept-Language', 'en-GB'), /API key/);
});

test('a bearer token before its nbf (on the mock clock) is a 401 errorCode 1, and valid once the clock reaches it', async () => {
  const open = makeTestApp();
  const nowSeconds = Math.floor(open.clock.now() / 1000);
  const claims = {
    sub: 'u-admin',
    name: 'Admin',
    unique_name: 'admin',
    device: 'P01',
    rights: ['admin'],
    jti: 'nbf-test',
    iat: nowSeconds,
    exp: nowSeconds + 3600,
    nbf: nowSeconds + 60,
  };
  const token = signJwt(claims, open.mock.config.auth.jwtSecret);
  const cases: [string, number, number, RegExp | undefined][] = [
    ['en-GB', 0, 401, /not valid yet/],
    ['sk-SK', 59_000, 401, /ešte nie je platný/],
    ['en-GB', 60_000, 200, undefined],
  ];
  for (const [language, advanceTo, status, detail] of cases) {
    open.clock.set(TEST_NOW + advanceTo);
    const res = await request(open.app).get('/api/auth').set(bearer(token)).set('Accept-Language', language);
    if (status === 401) assertUnauthenticated(res, detail);
    else assert.equal(res.status, status, JSON.stringify(res.body));
  }
});
