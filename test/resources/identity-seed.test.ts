import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAuthService } from '../../src/auth/auth-service.js';
import type { Identities } from '../../src/auth/identities.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { ResourceStores } from '../../src/resources/engine/resource-stores.js';
import { withIdentities } from '../../src/resources/identity-rows.js';
import { RESOURCE_ROWS } from '../../src/resources/resource-table.js';

// docs/decisions.md#identity-resources: the identities seed /devices and /apikeys; reset restores that seed.

const IDENTITIES: Identities = {
  users: [{ id: 'aaaaaaaaaaaaaaaaaaaaaaaa', userName: 'eva', password: 'pw', name: 'Eva', rights: [] }],
  devices: [
    { name: 'T1', envName: 'Tool', description: 'Tool 1', isActive: true, roles: [], preferences: {}, settings: {} },
  ],
  apiKeys: [
    { clientId: 'k1', clientSecret: 's1', userName: 'eva', deviceName: 'T1', permissions: ['x'], isActive: true },
    {
      id: 'own',
      name: 'Own',
      description: 'kept',
      createdAt: '2024-03-01T10:00:00Z',
      clientId: 'k2',
      clientSecret: 's2',
      userName: 'eva',
      deviceName: 'T1',
      permissions: [],
      isActive: false,
    },
  ],
};

function setup() {
  const resources = new ResourceStores(withIdentities(RESOURCE_ROWS, IDENTITIES));
  const clock = fixedClock(Date.parse('2025-01-01T00:00:00.000Z'));
  const auth = createAuthService({ config: DEFAULT_CONFIG.auth, clock, identities: IDENTITIES, resources });
  return { resources, auth };
}

test('--identities seeds /devices and /apikeys: ids, names and createdAt derived when the file has none', () => {
  const { resources } = setup();
  assert.deepEqual(resources.items('devices'), [
    {
      name: 'T1',
      isActive: true,
      envName: 'Tool',
      description: 'Tool 1',
      roles: [],
      preferences: {},
      settings: {},
      _v: 1,
    },
  ]);
  assert.deepEqual(
    resources.items('apikeys').map((k) => [k['id'], k['name'], k['description'], k['createdAt'], k['isActive']]),
    [
      ['65a0000000000000000000a1', 'k1', null, '2024-01-01T00:00:00.000Z', true],
      ['own', 'Own', 'kept', '2024-03-01T10:00:00.000Z', false],
    ],
  );
});

test('the stores are what logins read, and reset puts the seed back', () => {
  const { resources, auth } = setup();
  const login = () => auth.login({ userName: 'eva', password: 'pw', deviceName: 'T1' }).ok;
  const steps: { name: string; act: () => void; loginOk: boolean }[] = [
    { name: 'seeded', act: () => undefined, loginOk: true },
    {
      name: 'device deactivated in the store',
      act: () => resources.store('devices').put({ ...resources.items('devices')[0], isActive: false, _v: 2 }),
      loginOk: false,
    },
    { name: 'reset', act: () => resources.reset(), loginOk: true },
    { name: 'device removed', act: () => resources.store('devices').remove('T1'), loginOk: false },
    { name: 'reset again', act: () => resources.reset(), loginOk: true },
  ];
  for (const step of steps) {
    step.act();
    assert.equal(login(), step.loginOk, step.name);
  }
  assert.equal(auth.users()[0]?.devices.length, 1);
});
