import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { Revocations } from '../../src/auth/revocations.js';
import { Sessions, type Session } from '../../src/auth/sessions.js';
import { claimsFrom, signJwt, verifyJwt, type AccessClaims, type TokenFailure } from '../../src/auth/token.js';

const SECRET = 'test-secret';
const T0 = Date.UTC(2024, 0, 31, 12, 0, 0);
const CLAIMS: AccessClaims = {
  sub: '635f7ae3072edfeae7c26a1f',
  name: 'Vedúci predajne',
  unique_name: 'manager',
  device: 'P01',
  rights: ['customerCreate'],
  jti: 'jti-1',
  iat: T0 / 1000,
  exp: T0 / 1000 + 60,
};
const TOKEN = signJwt(CLAIMS, SECRET);
const [HEADER = '', PAYLOAD = '', SIGNATURE = ''] = TOKEN.split('.');

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret: string): string => createHmac('sha256', secret).update(input).digest('base64url');
/** A token with the given header and payload, HMAC-signed with `secret` (so only the named part is wrong). */
const forge = (header: unknown, payload: unknown, secret = SECRET): string => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${hs256(input, secret)}`;
};
const flip = (s: string): string => (s.startsWith('A') ? 'B' : 'A') + s.slice(1);

interface Case {
  name: string;
  token: string;
  nowMs?: number;
  allowExpired?: boolean;
  expected: 'ok' | TokenFailure;
  /** The claims an `ok` yields, when not `CLAIMS`. */
  claims?: AccessClaims;
}

const HS = { alg: 'HS256', typ: 'JWT' };

const CASES: readonly Case[] = [
  { name: 'a fresh token verifies', token: TOKEN, expected: 'ok' },
  { name: 'one second before exp it still verifies', token: TOKEN, nowMs: T0 + 59_999, expected: 'ok' },
  { name: 'at exp (injected clock) it has expired', token: TOKEN, nowMs: T0 + 60_000, expected: 'expired' },
  { name: 'long after exp it has expired', token: TOKEN, nowMs: T0 + 86_400_000, expected: 'expired' },
  {
    name: 'allowExpired (refresh) accepts an expired token',
    token: TOKEN,
    nowMs: T0 + 86_400_000,
    allowExpired: true,
    expected: 'ok',
  },
  { name: 'signed with another secret', token: signJwt(CLAIMS, 'other-secret'), expected: 'bad-signature' },
  {
    name: 'payload changed after signing',
    token: `${HEADER}.${b64({ ...CLAIMS, rights: ['admin'] })}.${SIGNATURE}`,
    expected: 'bad-signature',
  },
  { name: 'signature altered', token: `${HEADER}.${PAYLOAD}.${flip(SIGNATURE)}`, expected: 'bad-signature' },
  { name: 'signature with padding (a second spelling)', token: `${TOKEN}=`, expected: 'bad-signature' },
  { name: 'signature removed', token: `${HEADER}.${PAYLOAD}.`, expected: 'bad-signature' },
  {
    name: 'alg none, no signature',
    token: `${b64({ alg: 'none', typ: 'JWT' })}.${PAYLOAD}.`,
    expected: 'bad-signature',
  },
  { name: 'alg none with our signature', token: forge({ alg: 'none' }, CLAIMS), expected: 'bad-signature' },
  { name: 'alg HS512', token: forge({ alg: 'HS512', typ: 'JWT' }, CLAIMS), expected: 'bad-signature' },
  { name: 'alg RS256', token: forge({ alg: 'RS256', typ: 'JWT' }, CLAIMS), expected: 'bad-signature' },
  {
    name: 'a critical header extension',
    token: forge({ alg: 'HS256', crit: ['x'], x: 1 }, CLAIMS),
    expected: 'bad-signature',
  },
  { name: 'garbage', token: 'not-a-token', expected: 'malformed' },
  { name: 'empty', token: '', expected: 'malformed' },
  { name: 'two segments', token: `${HEADER}.${PAYLOAD}`, expected: 'malformed' },
  { name: 'four segments', token: `${TOKEN}.x`, expected: 'malformed' },
  { name: 'header not base64url', token: `%%%.${PAYLOAD}.${SIGNATURE}`, expected: 'malformed' },
  {
    name: 'header not JSON',
    token: `${Buffer.from('{alg').toString('base64url')}.${PAYLOAD}.${SIGNATURE}`,
    expected: 'malformed',
  },
  { name: 'header without alg', token: forge({ typ: 'JWT' }, CLAIMS), expected: 'malformed' },
  { name: 'header an array', token: forge(['HS256'], CLAIMS), expected: 'malformed' },
  {
    name: 'signed payload not JSON',
    token: ((): string => {
      const i = `${HEADER}.${Buffer.from('nope').toString('base64url')}`;
      return `${i}.${hs256(i, SECRET)}`;
    })(),
    expected: 'malformed',
  },
  {
    name: 'signed payload without jti',
    token: forge({ alg: 'HS256' }, { ...CLAIMS, jti: undefined }),
    expected: 'malformed',
  },
  {
    name: 'signed payload with string exp',
    token: forge({ alg: 'HS256' }, { ...CLAIMS, exp: String(CLAIMS.exp) }),
    expected: 'malformed',
  },
  {
    name: 'signed payload with non-string right',
    token: forge({ alg: 'HS256' }, { ...CLAIMS, rights: [1] }),
    expected: 'malformed',
  },
  { name: 'signed payload an array', token: forge({ alg: 'HS256' }, [CLAIMS]), expected: 'malformed' },
  {
    name: 'nbf one second after now: not yet valid',
    token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 + 1 }),
    expected: 'not-yet-valid',
  },
  {
    name: 'nbf at now: valid',
    token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 }),
    nowMs: T0,
    expected: 'ok',
    claims: { ...CLAIMS, nbf: T0 / 1000 },
  },
  {
    name: 'nbf reached on the (injected) clock',
    token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 + 30 }),
    nowMs: T0 + 30_000,
    expected: 'ok',
    claims: { ...CLAIMS, nbf: T0 / 1000 + 30 },
  },
  {
    name: 'allowExpired (refresh) does not lift nbf',
    token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 + 30 }),
    allowExpired: true,
    expected: 'not-yet-valid',
  },
  {
    name: 'nbf before now but exp passed: expired',
    token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 - 30 }),
    nowMs: T0 + 60_000,
    expected: 'expired',
  },
  { name: 'nbf as text', token: forge(HS, { ...CLAIMS, nbf: String(T0 / 1000) }), expected: 'malformed' },
  { name: 'nbf not whole seconds', token: forge(HS, { ...CLAIMS, nbf: T0 / 1000 + 0.5 }), expected: 'malformed' },
];

for (const c of CASES) {
  test(`verifyJwt: ${c.name} → ${c.expected}`, () => {
    const result = verifyJwt(
      c.token,
      SECRET,
      c.nowMs ?? T0,
      c.allowExpired === undefined ? {} : { allowExpired: c.allowExpired },
    );
    assert.equal(result.ok ? 'ok' : result.reason, c.expected);
    if (result.ok) assert.deepEqual(result.claims, c.claims ?? CLAIMS);
  });
}

test('signJwt: header is {alg: HS256, typ: JWT} and the payload carries exactly the claims', () => {
  assert.deepEqual(JSON.parse(Buffer.from(HEADER, 'base64url').toString()), { alg: 'HS256', typ: 'JWT' });
  assert.deepEqual(claimsFrom(JSON.parse(Buffer.from(PAYLOAD, 'base64url').toString())), CLAIMS);
});

test('verifyJwt never throws on hostile input', () => {
  const hostile = [
    '.',
    '..',
    '...',
    'a.b.c',
    '\u0000.\u0000.\u0000',
    `${'A'.repeat(10_000)}.${PAYLOAD}.${SIGNATURE}`,
    `${b64(null)}.${b64(null)}.x`,
  ];
  for (const token of hostile) assert.equal(verifyJwt(token, SECRET, T0).ok, false, token.slice(0, 20));
});

interface RevocationStep {
  name: string;
  act: (r: Revocations) => void;
  revoked: Record<string, boolean>;
  size: number;
}

const REVOCATION_STEPS: readonly RevocationStep[] = [
  {
    name: 'a revoked id is revoked',
    act: (r) => r.revoke('a', T0 + 60_000, T0),
    revoked: { a: true, b: false },
    size: 1,
  },
  {
    name: 'an id past its expiry is not kept',
    act: (r) => r.revoke('b', T0 - 1, T0),
    revoked: { a: true, b: false },
    size: 1,
  },
  {
    name: 'later revocations drop ids whose tokens expired',
    act: (r) => r.revoke('c', T0 + 200_000, T0 + 60_000),
    revoked: { a: false, c: true },
    size: 1,
  },
];

test('Revocations: bounded by expiry', () => {
  const revocations = new Revocations();
  for (const step of REVOCATION_STEPS) {
    step.act(revocations);
    for (const [jti, expected] of Object.entries(step.revoked))
      assert.equal(revocations.isRevoked(jti), expected, `${step.name}: ${jti}`);
    assert.equal(revocations.size, step.size, step.name);
  }
});

test('Sessions: find, expiry, remove by access token id, and pruning on add', () => {
  const sessions = new Sessions();
  const session = (refreshToken: string, accessTokenId: string, expiresAtMs: number): Session => ({
    refreshToken,
    accessTokenId,
    userName: 'manager',
    deviceName: 'P01',
    createdAtMs: T0,
    accessExpiresAtMs: T0 + 500,
    expiresAtMs,
  });
  sessions.add(session('r1', 'j1', T0 + 1000), T0);
  sessions.add(session('r2', 'j2', T0 + 5000), T0);
  assert.equal(sessions.find('r1', T0)?.accessTokenId, 'j1');
  assert.equal(sessions.find('r1', T0 + 1000), undefined, 'expired');
  assert.equal(sessions.find('nope', T0), undefined);
  assert.equal(sessions.byId('j2', T0)?.refreshToken, 'r2');
  assert.deepEqual(
    sessions.list(T0 + 1000).map((s) => s.accessTokenId),
    ['j2'],
    'list: live sessions only',
  );
  sessions.removeByAccessTokenId('j2');
  assert.equal(sessions.byId('j2', T0), undefined, 'gone by id');
  assert.equal(sessions.find('r2', T0), undefined, 'logged out');
  sessions.add(session('r3', 'j3', T0 + 9000), T0 + 2000);
  assert.equal(sessions.size, 1, 'r1 expired and was dropped');
});
