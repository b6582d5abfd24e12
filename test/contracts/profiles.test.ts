import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadProfiles, parseProfiles, profileField, substituteEnv } from '../../src/contracts/profiles.js';

const ENV: Record<string, string> = { PASS: 'from-env', EMPTY: '' };

const SUBSTITUTIONS: [string, string, string[]][] = [
  ['${PASS}', 'from-env', []],
  ['${PASS:-x}', 'from-env', []],
  ['${NOPE:-fallback}', 'fallback', []],
  ['${EMPTY:-fallback}', 'fallback', []],
  ['a${NOPE}b', 'a${NOPE}b', ['NOPE']],
  ['$$literal', '$literal', []],
  ['plain', 'plain', []],
];

for (const [text, value, missing] of SUBSTITUTIONS) {
  test(`substituteEnv ${JSON.stringify(text)}`, () => assert.deepEqual(substituteEnv(text, ENV), { value, missing }));
}

const FILE = `
cleanup: admin
profiles:
  admin: { bearer: { userName: admin, password: "\${PASS}", deviceName: P01 } }
  secretless: { bearer: { userName: x, password: "\${NOT_SET}", deviceName: P01 } }
  key: { nws4: { clientId: c, clientSecret: s } }
  fixed: { token: abc }
  custom: { headers: { x-api-key: k } }
`;

test('profiles resolve lazily with environment variables', () => {
  const { profiles, issues } = parseProfiles('p.yaml', FILE, ENV);
  assert.deepEqual(issues, []);
  assert.equal(profiles?.cleanup, 'admin');
  assert.deepEqual(profiles?.get('admin'), {
    ok: true,
    profile: { kind: 'bearer', userName: 'admin', password: 'from-env', deviceName: 'P01', loginPath: '/api/auth' },
  });
  assert.deepEqual(profiles?.get('key'), { ok: true, profile: { kind: 'nws4', clientId: 'c', clientSecret: 's' } });
  assert.deepEqual(profiles?.get('fixed'), { ok: true, profile: { kind: 'token', token: 'abc' } });
  assert.deepEqual(profiles?.get('custom'), { ok: true, profile: { kind: 'headers', headers: { 'x-api-key': 'k' } } });
  assert.deepEqual(profiles?.get('anonymous'), { ok: true, profile: { kind: 'anonymous' } });
  assert.deepEqual(profiles?.get('secretless'), {
    ok: false,
    reason: "profile 'secretless' needs environment variable(s) NOT_SET",
  });
  assert.deepEqual(profiles?.get('ghost'), { ok: false, reason: "no profile 'ghost' in p.yaml" });
});

test('profile fields are what ${profile.NAME.FIELD} reads', () => {
  const { profiles } = parseProfiles('p.yaml', FILE, ENV);
  const admin = profiles?.get('admin');
  assert.ok(admin?.ok);
  assert.equal(profileField(admin.profile, 'password'), 'from-env');
  assert.equal(profileField(admin.profile, 'kind'), undefined);
  assert.equal(profileField(admin.profile, 'nope'), undefined);
});

const BROKEN: [string, string, RegExp][] = [
  ['profiles: { a: { bearer: { userName: a } } }', 'profiles.a.bearer', /missing member 'password'/],
  ['profiles: { a: { basic: x } }', 'profiles.a.basic', /unknown member 'basic'/],
  ['profiles: { a: { token: x, nws4: { clientId: c, clientSecret: s } } }', 'profiles.a', /must NOT have more than 1/],
  ['profiles: { anonymous: { token: x } }', 'profiles.anonymous', /invalid name/],
  ['cleanup: ghost\nprofiles: {}', 'cleanup', /no profile named 'ghost'/],
  ['nope: 1', 'nope', /unknown member/],
  ['profiles: [', '(file)', /YAML/],
];

for (const [text, path, message] of BROKEN) {
  test(`broken profiles: ${text.split('\n').join(' ')}`, () => {
    const { issues } = parseProfiles('p.yaml', text, ENV);
    const issue = issues.find((i) => i.path === path);
    assert.ok(issue !== undefined, JSON.stringify(issues));
    assert.match(issue.message, message);
  });
}

test('the fixture profiles cover the mock identities without any environment', () => {
  const { profiles, issues } = loadProfiles('fixtures/profiles.yaml', {});
  assert.deepEqual(issues, []);
  for (const name of ['admin', 'manager', 'clerk', 'viewer', 'integrator', 'stranger', 'expired'])
    assert.equal(profiles?.get(name).ok, true, name);
  const manager = profiles?.get('manager');
  assert.ok(manager?.ok && manager.profile.kind === 'bearer' && manager.profile.password === 'manager');
});

test('a missing profiles file is an issue, not a crash', () => {
  const { profiles, issues } = loadProfiles('fixtures/no-such-profiles.yaml', {});
  assert.equal(profiles, undefined);
  assert.match(issues[0]?.message ?? '', /cannot read profiles/);
});
