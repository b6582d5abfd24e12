import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IdentitiesError, loadIdentities, parseIdentities } from '../../src/auth/identities.js';

const VALID = {
  users: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', userName: 'eva', password: 'pw', name: 'Eva', rights: ['customerCreate'] }],
  devices: [{ name: 'P01', envName: 'CashRegister', description: 'P01' }],
  apiKeys: [{ clientId: 'k', clientSecret: 's', userName: 'eva', deviceName: 'P01', permissions: [], isActive: true }],
};

const clone = (): typeof VALID => structuredClone(VALID);

interface Case {
  name: string;
  file: unknown;
  /** The problem paths reported, in order. */
  paths: string[];
}

const CASES: readonly Case[] = [
  { name: 'a valid file', file: VALID, paths: [] },
  { name: 'not an object', file: [], paths: ['$'] },
  { name: 'sections missing', file: {}, paths: ['users', 'devices', 'apiKeys'] },
  { name: 'a user that is not an object', file: { ...clone(), users: ['eva'] }, paths: ['users[0]'] },
  {
    name: 'every bad user field is listed',
    file: { ...clone(), users: [{ id: '123', userName: '', password: 1, name: null, rights: 'admin' }] },
    paths: ['users[0].id', 'users[0].userName', 'users[0].password', 'users[0].name', 'users[0].rights'],
  },
  {
    name: 'a key with isActive as a string',
    file: { ...clone(), apiKeys: [{ ...VALID.apiKeys[0], isActive: 'yes' }] },
    paths: ['apiKeys[0].isActive'],
  },
  {
    name: 'a right that is empty',
    file: { ...clone(), users: [{ ...VALID.users[0], rights: [''] }] },
    paths: ['users[0].rights'],
  },
  {
    name: 'a duplicate user name',
    file: { ...clone(), users: [VALID.users[0], { ...VALID.users[0], id: 'bbbbbbbbbbbbbbbbbbbbbbbb' }] },
    paths: ['users[1].userName'],
  },
  {
    name: 'a duplicate user id',
    file: { ...clone(), users: [VALID.users[0], { ...VALID.users[0], userName: 'ada' }] },
    paths: ['users[1].id'],
  },
  {
    name: 'a duplicate device',
    file: { ...clone(), devices: [VALID.devices[0], VALID.devices[0]] },
    paths: ['devices[1].name'],
  },
  {
    name: 'a duplicate client id',
    file: { ...clone(), apiKeys: [VALID.apiKeys[0], VALID.apiKeys[0]] },
    paths: ['apiKeys[1].clientId'],
  },
  {
    name: 'a key for an unknown user and device',
    file: { ...clone(), apiKeys: [{ ...VALID.apiKeys[0], userName: 'x', deviceName: 'y' }] },
    paths: ['apiKeys[0].userName', 'apiKeys[0].deviceName'],
  },
  { name: 'no device at all', file: { ...clone(), devices: [], apiKeys: [] }, paths: ['devices'] },
];

for (const c of CASES) {
  test(`parseIdentities: ${c.name}`, () => {
    const result = parseIdentities(c.file);
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.path), c.paths);
  });
}

test('parseIdentities keeps only the known members', () => {
  const result = parseIdentities({ ...clone(), devices: [{ ...VALID.devices[0], settings: { MaxQuantity: '200' } }] });
  assert.ok(result.ok);
  assert.deepEqual(result.identities, VALID);
});

test('loadIdentities(): the built-in fixtures of docs/decisions.md#fixture-identities', () => {
  const identities = loadIdentities();
  assert.deepEqual(
    identities.users.map((u) => [u.userName, u.password, u.rights.length]),
    [
      ['admin', 'admin', 1],
      ['manager', 'manager', 5],
      ['clerk', 'clerk', 2],
      ['viewer', 'viewer', 0],
    ],
  );
  assert.deepEqual(
    identities.devices.map((d) => d.name),
    ['P01'],
  );
  assert.deepEqual(
    identities.apiKeys.map((k) => [k.clientId, k.clientSecret, k.userName, k.isActive]),
    [['integrator', 'integrator-secret', 'manager', true]],
  );
  assert.deepEqual(loadIdentities(''), identities);
});

test('loadIdentities(file): another file, or a clear error naming the file and every problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identities-'));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(VALID));
  assert.deepEqual(loadIdentities(good), VALID);

  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...VALID, users: [{ ...VALID.users[0], id: 'x' }] }));
  assert.throws(
    () => loadIdentities(bad),
    (e: unknown) =>
      e instanceof IdentitiesError &&
      e.file === bad &&
      /users\[0\]\.id: expected a string of 24 hex digits/.test(e.message),
  );

  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"users": [');
  assert.throws(
    () => loadIdentities(broken),
    (e: unknown) => e instanceof IdentitiesError && e.problems[0]?.path === '$',
  );
  assert.throws(() => loadIdentities(join(dir, 'missing.json')), IdentitiesError);
});
