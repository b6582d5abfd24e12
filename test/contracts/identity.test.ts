import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { verifyNws4 } from '../../src/auth/nws4.js';
import { IdentityResolver } from '../../src/contracts/identity.js';
import { parseProfiles } from '../../src/contracts/profiles.js';
import { send } from '../../src/contracts/replay.js';
import type { Nws4Options } from '../../src/contracts/scenario.js';
import { fakeServer, json } from './support/fake-server.js';

// Identities against a fake server: bearer logins happen once per profile and run, NWS4 requests are signed the
// way the server verifies them, and the nws4 options of a step spoil the signature in the intended way.

let server: Awaited<ReturnType<typeof fakeServer>>;
let logins = 0;

before(async () => {
  server = await fakeServer((req, res) => {
    if (req.url === '/api/auth') {
      logins++;
      const body = JSON.parse(req.body.toString('utf8')) as { password: string };
      return body.password === 'right'
        ? json(res, 200, { tokenId: `token-${logins}` })
        : json(res, 401, { title: 'no' });
    }
    const verdict = verifyNws4(
      { method: req.method, path: req.url, headers: req.headers, body: req.body },
      (id) => (id === 'key' ? 'secret' : undefined),
      Date.now(),
    );
    json(res, 200, { authorization: req.headers['authorization'] ?? null, verdict });
  });
});
after(() => server.close());

const { profiles } = parseProfiles(
  'p.yaml',
  `profiles:
  good: { bearer: { userName: u, password: right, deviceName: P01 } }
  bad: { bearer: { userName: u, password: wrong, deviceName: P01 } }
  key: { nws4: { clientId: key, clientSecret: secret } }
  fixed: { token: t0 }
  custom: { headers: { x-api-key: k } }`,
  {},
);

const http = { timeoutMs: 5000, retries: 0 };

async function call(identities: IdentityResolver, name: string, nws4: Nws4Options = {}, body?: string) {
  const req = {
    method: body === undefined ? 'GET' : 'POST',
    url: `${server.url}/customers?$take=1`,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: Buffer.from(body) }),
  };
  const authorized = await identities.authorize(name, req, nws4);
  assert.ok(authorized.ok, authorized.ok ? '' : authorized.error);
  const sent = await send(authorized.request, http);
  assert.ok(sent.ok);
  return sent.observation.body as { authorization: string | null; verdict: { ok: boolean; reason?: string } };
}

test('bearer profiles log in once per run, concurrently too', async () => {
  assert.ok(profiles !== undefined);
  const identities = new IdentityResolver(profiles, server.url, http);
  const before = logins;
  const answers = await Promise.all([call(identities, 'good'), call(identities, 'good'), call(identities, 'good')]);
  assert.equal(logins - before, 1);
  assert.ok(
    answers.every((a) => a.authorization === answers[0]?.authorization && a.authorization?.startsWith('Bearer token-')),
  );
});

test('a failed login is an error naming the profile and the answer', async () => {
  assert.ok(profiles !== undefined);
  const identities = new IdentityResolver(profiles, server.url, http);
  const result = await identities.authorize('bad', { method: 'GET', url: `${server.url}/x`, headers: {} });
  assert.deepEqual(result.ok ? '' : result.error.slice(0, 37), "login of 'bad' failed: HTTP 401 {\"tit");
});

test('fixed tokens, fixed headers and anonymous', async () => {
  assert.ok(profiles !== undefined);
  const identities = new IdentityResolver(profiles, server.url, http);
  assert.equal((await call(identities, 'fixed')).authorization, 'Bearer t0');
  assert.equal((await call(identities, 'anonymous')).authorization, null);
  const custom = await identities.authorize('custom', { method: 'GET', url: server.url, headers: {} });
  assert.ok(custom.ok && custom.request.headers['x-api-key'] === 'k');
});

const NWS4_CASES: [string, Nws4Options, string | undefined, { ok: boolean; reason?: string }][] = [
  ['a correct signature', {}, undefined, { ok: true }],
  ['a correct signature over a body', {}, '{"a":1}', { ok: true }],
  ['tamper: body', { tamper: 'body' }, '{"a":1}', { ok: false, reason: 'content-hash-mismatch' }],
  ['tamper: signature', { tamper: 'signature' }, undefined, { ok: false, reason: 'bad-signature' }],
  ['tamper: date', { tamper: 'date' }, undefined, { ok: false, reason: 'date-mismatch' }],
  ['clock skew outside the window', { clockSkewSeconds: -400 }, undefined, { ok: false, reason: 'outside-window' }],
  ['clock skew inside the window', { clockSkewSeconds: 100 }, undefined, { ok: true }],
  [
    'host not signed',
    { signedHeaders: ['x-nd-date', 'x-nd-content-sha256'] },
    undefined,
    { ok: false, reason: 'missing-signed-header' },
  ],
];

for (const [name, options, body, verdict] of NWS4_CASES) {
  test(`NWS4: ${name}`, async () => {
    assert.ok(profiles !== undefined);
    const answer = await call(new IdentityResolver(profiles, server.url, http), 'key', options, body);
    assert.deepEqual(
      { ok: answer.verdict.ok, ...(answer.verdict.reason === undefined ? {} : { reason: answer.verdict.reason }) },
      verdict,
    );
  });
}

const OWN_KEY = { clientId: 'key', clientSecret: 'secret' };
const STEP_KEY_CASES: [string, string, Nws4Options, { ok: boolean; reason?: string }][] = [
  ['a step key signs for anonymous', 'anonymous', { key: OWN_KEY }, { ok: true }],
  ['a step key signs instead of a bearer login', 'good', { key: OWN_KEY }, { ok: true }],
  [
    'a step key replaces the NWS4 profile key',
    'key',
    { key: { clientId: 'other', clientSecret: 'x' } },
    { ok: false, reason: 'unknown-client' },
  ],
  [
    'a step key with tamper',
    'anonymous',
    { key: OWN_KEY, tamper: 'signature' },
    { ok: false, reason: 'bad-signature' },
  ],
];

for (const [name, identity, options, verdict] of STEP_KEY_CASES) {
  test(`NWS4 step key: ${name}`, async () => {
    assert.ok(profiles !== undefined);
    const before = logins;
    const answer = await call(new IdentityResolver(profiles, server.url, http), identity, options);
    assert.equal(logins, before, 'no login for a step signed with its own key');
    assert.ok(answer.authorization?.startsWith('NWS4-HMAC-SHA256 '));
    assert.deepEqual(
      { ok: answer.verdict.ok, ...(answer.verdict.reason === undefined ? {} : { reason: answer.verdict.reason }) },
      verdict,
    );
  });
}
