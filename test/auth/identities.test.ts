import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IdentitiesError, loadIdentities, parseIdentities } from '../../src/auth/identities.js';
import { P01_SETTINGS } from '../support/fixture-devices.js';

const VALID = {
  users: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', userName: 'eva', password: 'pw', name: 'Eva', rights: ['customerCreate'] }],
  devices: [{ name: 'P01', envName: 'CashRegister', description: 'P01' }],
  apiKeys: [{ clientId: 'k', clientSecret: 's', userName: 'eva', deviceName: 'P01', permissions: [], isActive: true }],
};

const clone = (): typeof VALID => structuredClone(VALID);

/** VALID as loaded: the device members it leaves out take their defaults. */
const LOADED = {
  ...VALID,
  devices: [{ ...VALID.devices[0], isActive: true, roles: [], preferences: {}, settings: {} }],
};

const withUser = (user: Record<string, unknown>) => ({ ...clone(), users: [user] });
const withDevice = (device: Record<string, unknown>) => ({ ...clone(), devices: [device] });

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
  { name: 'a user without a password', file: withUser({ ...VALID.users[0], password: undefined }), paths: [] },
  { name: 'a user with a null password', file: withUser({ ...VALID.users[0], password: null }), paths: [] },
  { name: 'an empty password', file: withUser({ ...VALID.users[0], password: '' }), paths: ['users[0].password'] },
  {
    name: 'a device with every member of the devices page',
    file: withDevice({
      ...VALID.devices[0],
      isActive: false,
      roles: ['sale'],
      preferences: { theme: { dark: true } },
      settings: { MaxQuantity: '50' },
    }),
    paths: [],
  },
  {
    name: 'every bad device member is listed',
    file: withDevice({
      name: 'P01',
      envName: 1,
      description: '',
      isActive: 'no',
      roles: [1],
      preferences: [],
      settings: 'x',
    }),
    paths: [
      'devices[0].envName',
      'devices[0].description',
      'devices[0].isActive',
      'devices[0].roles',
      'devices[0].preferences',
      'devices[0].settings',
    ],
  },
  {
    name: 'a user with the roles /users shows',
    file: withUser({ ...VALID.users[0], roles: ['customers'] }),
    paths: [],
  },
  {
    name: 'roles that are not names',
    file: withUser({ ...VALID.users[0], roles: 'admin' }),
    paths: ['users[0].roles'],
  },
  {
    name: 'a key with its /apikeys members (id, name, description, createdAt)',
    file: {
      ...clone(),
      apiKeys: [
        { ...VALID.apiKeys[0], id: 'k-1', name: 'Kiosk', description: 'till', createdAt: '2024-02-01T00:00:00Z' },
      ],
    },
    paths: [],
  },
  {
    name: 'every bad /apikeys member is listed',
    file: { ...clone(), apiKeys: [{ ...VALID.apiKeys[0], id: 'a b', name: '', description: 3, createdAt: 'soon' }] },
    paths: ['apiKeys[0].id', 'apiKeys[0].name', 'apiKeys[0].description', 'apiKeys[0].createdAt'],
  },
  {
    name: 'a duplicate key id',
    file: {
      ...clone(),
      apiKeys: [
        { ...VALID.apiKeys[0], id: 'k-1' },
        { ...VALID.apiKeys[0], id: 'k-1', clientId: 'other' },
      ],
    },
    paths: ['apiKeys[1].id'],
  },
  {
    name: 'a setting that is not a string',
    file: withDevice({ ...VALID.devices[0], settings: { MaxQuantity: 50 } }),
    paths: ['devices[0].settings'],
  },
];

for (const c of CASES) {
  test(`parseIdentities: ${c.name}`, () => {
    const result = parseIdentities(c.file);
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.path), c.paths);
  });
}

test('parseIdentities keeps only the known members and gives absent optional ones their defaults', () => {
  const result = parseIdentities({
    ...clone(),
    users: [{ ...VALID.users[0], password: null, age: 3 }],
    devices: [{ ...VALID.devices[0], settings: { MaxQuantity: '200' }, _v: 1 }],
  });
  assert.ok(result.ok);
  const { password: _, ...userWithoutPassword } = VALID.users[0] ?? { password: '' };
  assert.deepEqual(result.identities, {
    ...LOADED,
    users: [userWithoutPassword],
    devices: [{ ...LOADED.devices[0], settings: { MaxQuantity: '200' } }],
  });
  assert.equal('password' in (result.identities.users[0] ?? {}), false);
});

test('parseIdentities gives each device its own default objects', () => {
  const result = parseIdentities({ ...clone(), devices: [VALID.devices[0], { ...VALID.devices[0], name: 'P02' }] });
  assert.ok(result.ok);
  const [a, b] = result.identities.devices;
  assert.ok(a !== undefined && b !== undefined);
  assert.notEqual(a.settings, b.settings);
  assert.notEqual(a.roles, b.roles);
});

test('loadIdentities(): the built-in fixtures (docs/decisions.md#fixture-identities, #fixture-rights)', () => {
  const identities = loadIdentities();
  assert.deepEqual(
    identities.users.map((u) => [u.userName, u.password, u.rights.length]),
    [
      ['admin', 'admin', 1],
      ['manager', 'manager', 29],
      ['clerk', 'clerk', 2],
      ['viewer', 'viewer', 0],
    ],
  );
  // The devices of the PORTOS devices page (BackOffice, P01 with the JWT page's two extra settings, PDA1).
  const saleRoles = [
    'sale',
    'statsCurrent',
    'statsTicketsCurrent',
    'openDrawer',
    'negativeSale',
    'overviewSalesReport',
    'ticketSplit',
    'storno',
    'stats',
    'statsPlus',
    'cashTransfer',
    'allTickets',
    'ticketSetDiscount',
  ];
  const p01Settings = { ...P01_SETTINGS };
  const { DefaultOrderEndpointName: _, ...pdaSettings } = p01Settings;
  assert.deepEqual(identities.devices, [
    {
      name: 'BackOffice',
      envName: 'BackOffice',
      description: 'BackOffice',
      isActive: true,
      roles: ['admin'],
      preferences: {},
      settings: {},
    },
    {
      name: 'P01',
      envName: 'CashRegister',
      description: 'Pokladnica 1',
      isActive: true,
      roles: saleRoles,
      preferences: {},
      settings: p01Settings,
    },
    {
      name: 'PDA1',
      envName: 'PDA',
      description: 'Mobile cashier 1',
      isActive: true,
      roles: saleRoles,
      preferences: {},
      settings: pdaSettings,
    },
  ]);
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
  assert.deepEqual(loadIdentities(good), LOADED);

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
