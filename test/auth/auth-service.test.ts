import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AuthFailure } from '../../src/errors/auth-failures.js';
import {
  createAuthService,
  UnknownIdentityError,
  type AuthRequest,
  type AuthResult,
  type AuthService,
} from '../../src/auth/auth-service.js';
import { loadIdentities, type Identities } from '../../src/auth/identities.js';
import { signNws4 } from '../../src/auth/nws4.js';
import type { UserProfile } from '../../src/auth/principal.js';
import { signJwt } from '../../src/auth/token.js';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ResourceStores } from '../../src/resources/engine/resource-stores.js';
import { withIdentities } from '../../src/resources/identity-rows.js';
import { RESOURCE_ROWS } from '../../src/resources/resource-table.js';
import { P01_DEVICE } from '../support/fixture-devices.js';

const T0 = Date.UTC(2024, 0, 31, 12, 0, 0);
const CONFIG: Config['auth'] = { ...DEFAULT_CONFIG.auth, tokenLifetimeSeconds: 60, refreshLifetimeSeconds: 600 };
const FIXTURES = loadIdentities();
/** The five customer rights: the integrator key's permissions (docs/decisions.md#fixture-rights). */
const CUSTOMER_RIGHTS = [
  'customerCreate',
  'customerUpdate',
  'customerDelete',
  'customerSetCredit',
  'customerSetDiscount',
];
/** manager: the customer rights and Create/Update/Delete of the catalogue (docs/decisions.md#fixture-rights). */
const MANAGER_RIGHTS = [
  ...CUSTOMER_RIGHTS,
  ...['vat', 'articleCategory', 'currency', 'plu', 'stock', 'paymentType', 'zone', 'modifier'].flatMap((name) => [
    `${name}Create`,
    `${name}Update`,
    `${name}Delete`,
  ]),
];
const P01 = P01_DEVICE;
const IDENTITIES: Identities = {
  ...FIXTURES,
  // Two users the fixtures do not have: one without a password, one whose password is a single space.
  users: [
    ...FIXTURES.users,
    { id: 'aaaaaaaaaaaaaaaaaaaaaaaa', userName: 'kiosk', name: 'Kiosk', rights: [] },
    { id: 'aaaaaaaaaaaaaaaaaaaaaaab', userName: 'spacey', password: ' ', name: 'Spacey', rights: [] },
  ],
  devices: [
    ...FIXTURES.devices,
    {
      name: 'OLD',
      envName: 'CashRegister',
      description: 'retired till',
      isActive: false,
      roles: [],
      preferences: {},
      settings: {},
    },
  ],
  apiKeys: [
    ...FIXTURES.apiKeys,
    {
      clientId: 'retired',
      clientSecret: 'retired-secret',
      userName: 'clerk',
      deviceName: 'P01',
      permissions: [],
      isActive: false,
    },
  ],
};

function setup(config: Config['auth'] = CONFIG): { auth: AuthService; clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(T0);
  const resources = new ResourceStores(withIdentities(RESOURCE_ROWS, IDENTITIES));
  return { auth: createAuthService({ config, clock, identities: IDENTITIES, resources }), clock };
}

const bearer = (token: string, headers: Record<string, string> = {}): AuthRequest => ({
  method: 'GET',
  path: '/customers',
  headers: { authorization: `Bearer ${token}`, ...headers },
  body: new Uint8Array(),
});

const outcome = (result: { ok: true } | { ok: false; reason: AuthFailure }): 'ok' | AuthFailure =>
  result.ok ? 'ok' : result.reason;

function login(auth: AuthService, userName: string, password: string | undefined = userName, deviceName = 'P01') {
  const result = auth.login({ userName, password, deviceName });
  if (!result.ok) throw new Error(`login ${userName}: ${result.reason}`);
  return result.value;
}

const USERS = [
  { userName: 'admin', name: 'Správca', rights: ['admin'] },
  { userName: 'manager', name: 'Vedúci predajne', rights: MANAGER_RIGHTS },
  { userName: 'clerk', name: 'Pokladník', rights: ['customerCreate', 'customerUpdate'] },
  { userName: 'viewer', name: 'Nahliadajúci', rights: [] },
] as const;

for (const user of USERS) {
  test(`login: ${user.userName} gets a token pair and its profile, and the token authenticates`, () => {
    const { auth } = setup();
    const result = login(auth, user.userName);
    assert.match(result.tokenId, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.match(result.refreshToken, /^[A-Za-z0-9+/]{43}=$/);
    assert.match(result.user.id, /^[0-9a-f]{24}$/);
    assert.deepEqual(
      { ...result.user, id: '' },
      {
        id: '',
        isVirtual: false,
        name: user.name,
        userName: user.userName,
        featureName: null,
        rights: [...user.rights],
        device: P01,
      },
    );
    // Every member of the JWT page's example, in its order.
    assert.deepEqual(Object.keys(result.user), [
      'id',
      'isVirtual',
      'name',
      'userName',
      'featureName',
      'rights',
      'device',
    ]);
    const authenticated = auth.authenticate(bearer(result.tokenId));
    assert.ok(authenticated.ok);
    assert.equal(authenticated.principal.scheme, 'bearer');
    assert.deepEqual(authenticated.principal.user, result.user);
    assert.deepEqual(authenticated.principal.rights, user.rights);
    assert.deepEqual(auth.profile(authenticated.principal), result.user);
  });
}

const BAD_LOGINS = [
  { name: 'wrong password', userName: 'manager', password: 'nope', deviceName: 'P01' },
  { name: 'unknown user', userName: 'ghost', password: 'ghost', deviceName: 'P01' },
  { name: 'unknown device', userName: 'manager', password: 'manager', deviceName: 'P99' },
  { name: 'user name in another case', userName: 'Manager', password: 'manager', deviceName: 'P01' },
  { name: 'password in another case', userName: 'manager', password: 'Manager', deviceName: 'P01' },
  { name: 'password with a suffix', userName: 'manager', password: 'manager ', deviceName: 'P01' },
  { name: 'prototype key as user name', userName: '__proto__', password: 'x', deviceName: 'P01' },
  { name: 'no password for a user who has one', userName: 'manager', deviceName: 'P01' },
  { name: 'no password for an unknown user', userName: 'ghost', deviceName: 'P01' },
  { name: 'a password for a user who has none', userName: 'kiosk', password: 'kiosk', deviceName: 'P01' },
  { name: 'no password for a user whose password is a space', userName: 'spacey', deviceName: 'P01' },
  { name: 'an inactive device', userName: 'manager', password: 'manager', deviceName: 'OLD' },
  { name: 'a device name in another case', userName: 'manager', password: 'manager', deviceName: 'p01' },
];

for (const c of BAD_LOGINS) {
  test(`login: ${c.name} → bad-credentials (same as every other bad login)`, () => {
    assert.deepEqual(setup().auth.login(c), { ok: false, reason: 'bad-credentials' });
  });
}

const GOOD_LOGINS: readonly { name: string; userName: string; password?: string; deviceName: string }[] = [
  { name: 'a user without a password, none given', userName: 'kiosk', deviceName: 'P01' },
  { name: 'a password of one space is a password', userName: 'spacey', password: ' ', deviceName: 'P01' },
  { name: 'the BackOffice device', userName: 'admin', password: 'admin', deviceName: 'BackOffice' },
  { name: 'the PDA1 device', userName: 'clerk', password: 'clerk', deviceName: 'PDA1' },
];

for (const c of GOOD_LOGINS) {
  test(`login: ${c.name} → ok, on that device`, () => {
    const { auth } = setup();
    const result = auth.login(c);
    assert.ok(result.ok, c.name);
    assert.equal(result.value.user.userName, c.userName);
    const device = IDENTITIES.devices.find((d) => d.name === c.deviceName);
    assert.ok(device !== undefined);
    const { name, envName, description, preferences, settings } = device;
    assert.deepEqual(result.value.user.device, { name, envName, description, preferences, settings });
  });
}

test('login: the profile is a copy, so changing it changes neither the fixtures nor the next login', () => {
  const { auth } = setup();
  const first = login(auth, 'manager');
  assert.ok(first.user.device !== null);
  first.user.device.settings['MaxQuantity'] = '1';
  first.user.device.preferences['x'] = 1;
  first.user.rights.push('admin');
  const second = login(auth, 'manager');
  assert.deepEqual(second.user.device, P01);
  assert.deepEqual(second.user.rights, MANAGER_RIGHTS);
});

interface AuthenticateCase {
  name: string;
  request: (ctx: { auth: AuthService; clock: ReturnType<typeof fixedClock>; token: string }) => AuthRequest;
  expected: 'ok' | AuthFailure;
}

const noAuth = (headers: AuthRequest['headers']): AuthRequest => ({
  method: 'GET',
  path: '/customers',
  headers,
  body: new Uint8Array(),
});

const AUTHENTICATE: readonly AuthenticateCase[] = [
  { name: 'a fresh token', request: ({ token }) => bearer(token), expected: 'ok' },
  {
    name: 'scheme in lower case',
    request: ({ token }) => noAuth({ authorization: `bearer ${token}` }),
    expected: 'ok',
  },
  {
    name: 'header name capitalized (non-Node caller)',
    request: ({ token }) => noAuth({ Authorization: `Bearer ${token}` }),
    expected: 'ok',
  },
  { name: 'no Authorization header', request: () => noAuth({}), expected: 'missing' },
  { name: 'an empty Authorization header', request: () => noAuth({ authorization: '  ' }), expected: 'missing' },
  {
    name: 'Basic credentials',
    request: () => noAuth({ authorization: 'Basic YWRtaW46YWRtaW4=' }),
    expected: 'unsupported-scheme',
  },
  {
    name: 'a bare token without scheme',
    request: ({ token }) => noAuth({ authorization: token }),
    expected: 'unsupported-scheme',
  },
  { name: 'Bearer without a token', request: () => noAuth({ authorization: 'Bearer' }), expected: 'malformed-token' },
  { name: 'Bearer garbage', request: () => bearer('garbage'), expected: 'malformed-token' },
  {
    name: 'a token signed with another secret',
    request: ({ token }) => bearer(resign(token, 'another-secret')),
    expected: 'bad-token-signature',
  },
  {
    name: 'a token past its lifetime (clock +60 s)',
    request: ({ token, clock }) => {
      clock.advance(60_000);
      return bearer(token);
    },
    expected: 'expired-token',
  },
  {
    name: 'a token 1 s before its end',
    request: ({ token, clock }) => {
      clock.advance(59_000);
      return bearer(token);
    },
    expected: 'ok',
  },
  {
    name: 'a logged-out token',
    request: ({ token, auth }) => {
      logoutWith(auth, token);
      return bearer(token);
    },
    expected: 'revoked-token',
  },
];

function resign(token: string, secret: string): string {
  const [, payload = ''] = token.split('.');
  return signJwt(JSON.parse(Buffer.from(payload, 'base64url').toString()), secret);
}

function logoutWith(auth: AuthService, token: string): void {
  const result = auth.authenticate(bearer(token));
  assert.ok(result.ok);
  auth.logout(result.principal);
}

for (const c of AUTHENTICATE) {
  test(`authenticate (Bearer): ${c.name} → ${c.expected}`, () => {
    const { auth, clock } = setup();
    const token = login(auth, 'clerk').tokenId;
    assert.equal(outcome(auth.authenticate(c.request({ auth, clock, token }))), c.expected);
  });
}

test('refresh: an expired access token with its refresh token gets a new pair; both old values are revoked', () => {
  const { auth, clock } = setup();
  const first = login(auth, 'manager');
  clock.advance(120_000);
  const second = auth.refresh({ tokenId: first.tokenId, refreshToken: first.refreshToken });
  assert.ok(second.ok);
  assert.notEqual(second.value.tokenId, first.tokenId);
  assert.notEqual(second.value.refreshToken, first.refreshToken);
  assert.deepEqual(second.value.user, first.user);
  assert.equal(outcome(auth.authenticate(bearer(second.value.tokenId))), 'ok');
  assert.deepEqual(auth.refresh({ tokenId: first.tokenId, refreshToken: first.refreshToken }), {
    ok: false,
    reason: 'bad-refresh-token',
  });
  assert.equal(outcome(auth.refresh({ tokenId: second.value.tokenId, refreshToken: second.value.refreshToken })), 'ok');
});

const ANSWERS: readonly { name: string; user: (auth: AuthService, first: AuthResult) => UserProfile }[] = [
  { name: 'login', user: (_auth, first) => first.user },
  {
    name: 'profile (GET /api/auth)',
    user: (auth, first) => {
      const authenticated = auth.authenticate(bearer(first.tokenId));
      if (!authenticated.ok) throw new Error(authenticated.reason);
      return auth.profile(authenticated.principal);
    },
  },
  {
    name: 'refresh',
    user: (auth, first) => {
      const refreshed = auth.refresh(first);
      if (!refreshed.ok) throw new Error(refreshed.reason);
      return refreshed.value.user;
    },
  },
];

for (const answer of ANSWERS) {
  for (const deviceName of ['P01', 'PDA1', 'BackOffice']) {
    test(`${answer.name} on ${deviceName}: the user with every documented member, the device from the identities`, () => {
      const { auth } = setup();
      const user = answer.user(auth, login(auth, 'clerk', 'clerk', deviceName));
      const device = FIXTURES.devices.find((d) => d.name === deviceName);
      assert.ok(device !== undefined);
      assert.deepEqual(user, {
        id: '635f7ae3072edfeae7c26a20',
        isVirtual: false,
        name: 'Pokladník',
        userName: 'clerk',
        featureName: null,
        rights: ['customerCreate', 'customerUpdate'],
        device: {
          name: deviceName,
          envName: device.envName,
          description: device.description,
          preferences: device.preferences,
          settings: device.settings,
        },
      });
    });
  }
}

test('refresh: a live token is revoked by refreshing it', () => {
  const { auth } = setup();
  const first = login(auth, 'clerk');
  assert.equal(outcome(auth.refresh({ tokenId: first.tokenId, refreshToken: first.refreshToken })), 'ok');
  assert.equal(outcome(auth.authenticate(bearer(first.tokenId))), 'revoked-token');
});

interface RefreshCase {
  name: string;
  body: (
    a: { tokenId: string; refreshToken: string },
    b: { tokenId: string; refreshToken: string },
  ) => { tokenId: string; refreshToken: string };
  advanceMs?: number;
  expected: 'ok' | AuthFailure;
}

const REFRESH: readonly RefreshCase[] = [
  { name: 'its own pair', body: (a) => a, expected: 'ok' },
  { name: 'an unknown refresh token', body: (a) => ({ ...a, refreshToken: 'x' }), expected: 'bad-refresh-token' },
  {
    name: 'a refresh token of another login',
    body: (a, b) => ({ ...a, refreshToken: b.refreshToken }),
    expected: 'bad-refresh-token',
  },
  { name: 'a garbage access token', body: (a) => ({ ...a, tokenId: 'garbage' }), expected: 'malformed-token' },
  {
    name: 'a forged access token',
    body: (a) => ({ ...a, tokenId: resign(a.tokenId, 'forged') }),
    expected: 'bad-token-signature',
  },
  {
    name: 'a refresh token past its lifetime (600 s)',
    body: (a) => a,
    advanceMs: 600_000,
    expected: 'bad-refresh-token',
  },
  { name: 'a refresh token 1 s before its end', body: (a) => a, advanceMs: 599_000, expected: 'ok' },
];

for (const c of REFRESH) {
  test(`refresh: ${c.name} → ${c.expected}`, () => {
    const { auth, clock } = setup();
    const a = login(auth, 'manager');
    const b = login(auth, 'clerk');
    clock.advance(c.advanceMs ?? 0);
    assert.equal(outcome(auth.refresh(c.body(a, b))), c.expected);
  });
}

test('logout: revokes the token and ends its refresh token; other sessions stay', () => {
  const { auth } = setup();
  const a = login(auth, 'manager');
  const b = login(auth, 'manager');
  logoutWith(auth, a.tokenId);
  assert.equal(outcome(auth.authenticate(bearer(a.tokenId))), 'revoked-token');
  assert.equal(outcome(auth.refresh(a)), 'bad-refresh-token');
  assert.equal(outcome(auth.authenticate(bearer(b.tokenId))), 'ok');
});

test('issueToken: a valid token for a fixture user on the first device, or on a named one', () => {
  const { auth } = setup();
  const result = auth.authenticate(bearer(auth.issueToken('viewer')));
  assert.ok(result.ok);
  assert.equal(result.principal.user.userName, 'viewer');
  assert.equal(result.principal.user.device?.name, 'P01');
  assert.equal(outcome(auth.authenticate(bearer(auth.issueToken('admin', 'P01')))), 'ok');
  assert.throws(
    () => auth.issueToken('ghost'),
    (e: unknown) => e instanceof UnknownIdentityError && e.kind === 'user',
  );
  assert.throws(
    () => auth.issueToken('admin', 'P99'),
    (e: unknown) => e instanceof UnknownIdentityError && e.kind === 'device',
  );
});

test('issueToken with the same secret is accepted by another service instance (CLI and server agree)', () => {
  const token = setup().auth.issueToken('manager');
  assert.equal(outcome(setup().auth.authenticate(bearer(token))), 'ok');
  assert.equal(
    outcome(setup({ ...CONFIG, jwtSecret: 'other' }).auth.authenticate(bearer(token))),
    'bad-token-signature',
  );
});

const INTEGRATOR = { clientId: 'integrator', clientSecret: 'integrator-secret' };
const URL_BASE = 'http://localhost:3000';

interface Nws4Case {
  name: string;
  /** Shifts the mock's clock after signing (ms). */
  skewMs?: number;
  creds?: { clientId: string; clientSecret: string };
  signedHeaders?: readonly string[];
  /** Changes the request after signing. */
  tamper?: (r: AuthRequest) => AuthRequest;
  config?: Partial<Config['auth']>;
  expected: 'ok' | AuthFailure;
}

function signed(c: Nws4Case, signedAt: number): AuthRequest {
  const body = '{"firstName":"Ján"}';
  const headers = { 'content-type': 'application/json', host: 'localhost:3000' };
  const added = signNws4(
    { method: 'POST', url: `${URL_BASE}/customers?x=1`, headers, body },
    c.creds ?? INTEGRATOR,
    new Date(signedAt),
    c.signedHeaders === undefined ? {} : { signedHeaders: c.signedHeaders },
  );
  const request: AuthRequest = {
    method: 'POST',
    path: '/customers?x=1',
    headers: { ...headers, ...added },
    body: Buffer.from(body),
  };
  return c.tamper === undefined ? request : c.tamper(request);
}

const withHeader =
  (name: string, value: string) =>
  (r: AuthRequest): AuthRequest => ({ ...r, headers: { ...r.headers, [name]: value } });

const NWS4: readonly Nws4Case[] = [
  { name: 'a correctly signed request', expected: 'ok' },
  { name: 'signed 150 s ago (edge of the window)', skewMs: 150_000, expected: 'ok' },
  { name: 'signed 150 s ahead (edge of the window)', skewMs: -150_000, expected: 'ok' },
  { name: 'signed 151 s ago', skewMs: 151_000, expected: 'nws4-outside-window' },
  { name: 'signed 151 s ahead', skewMs: -151_000, expected: 'nws4-outside-window' },
  {
    name: 'signed 20 s ago with a 10 s window (config)',
    skewMs: 20_000,
    config: { nws4WindowSeconds: 10 },
    expected: 'nws4-outside-window',
  },
  { name: 'an unknown client id', creds: { clientId: 'stranger', clientSecret: 'x' }, expected: 'nws4-unknown-client' },
  {
    name: 'an inactive key',
    creds: { clientId: 'retired', clientSecret: 'retired-secret' },
    expected: 'nws4-unknown-client',
  },
  {
    name: 'the wrong secret',
    creds: { clientId: 'integrator', clientSecret: 'guess' },
    expected: 'nws4-bad-signature',
  },
  { name: 'the body hash not signed', signedHeaders: ['host', 'x-nd-date'], expected: 'nws4-missing-signed-header' },
  {
    name: 'x-nd-date changed after signing',
    tamper: withHeader('x-nd-date', '2024-01-31T12:00:01.000Z'),
    expected: 'nws4-date-mismatch',
  },
  {
    name: 'the body changed after signing',
    tamper: (r) => ({ ...r, body: Buffer.from('{"firstName":"Jan"}') }),
    expected: 'nws4-content-hash-mismatch',
  },
  {
    name: 'the path changed after signing',
    tamper: (r) => ({ ...r, path: '/customers?x=2' }),
    expected: 'nws4-bad-signature',
  },
  {
    name: 'the method changed after signing',
    tamper: (r) => ({ ...r, method: 'PUT' }),
    expected: 'nws4-bad-signature',
  },
  { name: 'a signed header changed', tamper: withHeader('host', 'evil:3000'), expected: 'nws4-bad-signature' },
  {
    name: 'a parameter list that is not NWS4',
    tamper: withHeader('authorization', 'NWS4-HMAC-SHA256 nonsense'),
    expected: 'nws4-malformed',
  },
  { name: 'the scheme alone', tamper: withHeader('authorization', 'NWS4-HMAC-SHA256'), expected: 'nws4-malformed' },
];

for (const c of NWS4) {
  test(`authenticate (NWS4): ${c.name} → ${c.expected}`, () => {
    const { auth, clock } = setup({ ...CONFIG, ...c.config });
    const request = signed(c, T0 - (c.skewMs ?? 0));
    assert.equal(outcome(auth.authenticate(request)), c.expected);
    assert.equal(clock.now(), T0);
  });
}

test('NWS4 principal: the key acts as its user on its device with the key permissions; logout does nothing', () => {
  const { auth } = setup();
  const result = auth.authenticate(signed({ name: 'ok', expected: 'ok' }, T0));
  assert.ok(result.ok);
  const { principal } = result;
  assert.equal(principal.scheme, 'nws4');
  assert.equal(principal.tokenId, undefined);
  assert.deepEqual(principal.rights, CUSTOMER_RIGHTS);
  assert.equal(principal.user.userName, 'manager');
  assert.equal(principal.user.device?.name, 'P01');
  auth.logout(principal);
  assert.equal(outcome(auth.authenticate(signed({ name: 'ok', expected: 'ok' }, T0))), 'ok');
});

test('authenticate never throws on hostile Authorization headers (property)', () => {
  const { auth } = setup();
  const token = login(auth, 'admin').tokenId;
  const header = fc.oneof(
    fc.string(),
    fc.string().map((s) => `Bearer ${s}`),
    fc.string().map((s) => `NWS4-HMAC-SHA256 ${s}`),
    fc
      .string()
      .map(
        (s) => `NWS4-HMAC-SHA256 Credential%3Dintegrator%2CSignedHeaders%3D${s}%2CTimestamp%3D${s}%2CSignature%3D${s}`,
      ),
    fc.nat({ max: token.length }).map((cut) => `Bearer ${token.slice(0, cut)}`),
  );
  fc.assert(
    fc.property(header, fc.dictionary(fc.string(), fc.string()), fc.uint8Array(), (authorization, extra, body) => {
      const result = auth.authenticate({
        method: 'POST',
        path: '/customers',
        headers: { ...extra, authorization },
        body,
      });
      assert.equal(typeof result.ok, 'boolean');
    }),
  );
});
