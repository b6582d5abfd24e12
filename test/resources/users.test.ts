import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import { runCase, type HttpCase } from '../support/http-cases.js';

// docs/decisions.md#identity-resources (users), #fixture-rights (roles shown); docs/portos/resources.md#users.

const t = makeTestApp();
const userNames = (body: Record<string, unknown>) => (body['items'] as { userName: string }[]).map((u) => u.userName);
const MANAGER_ID = '635f7ae3072edfeae7c26a1f';

const CASES: readonly HttpCase[] = [
  {
    name: 'every identity, on every device, with its roles and no password',
    as: 'viewer',
    method: 'GET',
    path: '/users',
    status: 200,
    expect: { count: 4, totalCount: 4 },
    check: (b) => {
      const items = b['items'] as Record<string, unknown>[];
      assert.deepEqual(userNames(b), ['admin', 'manager', 'clerk', 'viewer']);
      assert.deepEqual(
        items.map((u) => (u['devices'] as { roles: string[] }[])[0]?.roles),
        [['admin'], ['customers', 'catalogue'], ['customerClerk'], []],
      );
      for (const user of items) {
        assert.deepEqual(Object.keys(user), [
          'id',
          'isActive',
          'isVirtual',
          'userName',
          'featureName',
          'name',
          'devices',
        ]);
        assert.deepEqual(
          (user['devices'] as { name: string }[]).map((d) => d.name),
          ['BackOffice', 'P01', 'PDA1'],
        );
      }
    },
  },
  {
    name: 'one user',
    method: 'GET',
    path: `/users/${MANAGER_ID}`,
    status: 200,
    expect: {
      id: MANAGER_ID,
      isActive: true,
      isVirtual: false,
      userName: 'manager',
      featureName: null,
      name: 'Vedúci predajne',
      devices: [
        {
          isActive: true,
          envName: 'BackOffice',
          name: 'BackOffice',
          roles: ['customers', 'catalogue'],
          description: 'BackOffice',
          preferences: {},
        },
        { name: 'P01', description: 'Pokladnica 1' },
        { name: 'PDA1', envName: 'PDA' },
      ],
    },
  },
  { name: 'an unknown id', method: 'GET', path: '/users/nobody', status: 404 },
  {
    name: 'filter userName',
    method: 'GET',
    path: '/users?userName=in:clerk,viewer',
    status: 200,
    check: (b) => assert.deepEqual(userNames(b), ['clerk', 'viewer']),
  },
  {
    name: 'filter name',
    method: 'GET',
    path: '/users?name=startswith:Pok',
    status: 200,
    check: (b) => assert.deepEqual(userNames(b), ['clerk']),
  },
  { name: 'filter featureName', method: 'GET', path: '/users?featureName=notnull', status: 200, expect: { count: 0 } },
  {
    name: 'filter isActive, isVirtual',
    method: 'GET',
    path: '/users?isActive=true&isVirtual=false',
    status: 200,
    expect: { count: 4 },
  },
  {
    name: 'sort and page',
    method: 'GET',
    path: '/users?$sort=-userName&$skip=1&$take=2',
    status: 200,
    expect: { count: 2, totalCount: 4 },
    check: (b) => assert.deepEqual(userNames(b), ['manager', 'clerk']),
  },
  {
    name: '$count',
    method: 'GET',
    path: '/users?$count=true',
    status: 200,
    check: (b) => assert.deepEqual(b, { count: 4, totalCount: 4 }),
  },
  { name: 'a bad filter', method: 'GET', path: '/users?isActive=maybe', status: 400, expect: { errorCode: 3 } },
  { name: 'no credentials', as: null, method: 'GET', path: '/users', status: 401 },
  { name: 'no writes: POST', method: 'POST', path: '/users', body: { userName: 'x' }, status: 405 },
  { name: 'no writes: PUT', method: 'PUT', path: `/users/${MANAGER_ID}`, body: { userName: 'x' }, status: 405 },
  { name: 'no writes: DELETE', method: 'DELETE', path: `/users/${MANAGER_ID}`, status: 405 },
];

test('/users: the identities, NData, 404, 401 and 405', async () => {
  for (const c of CASES) await runCase(t, c);
});

test('/users shows the devices of /devices as they are now', async () => {
  await runCase(t, {
    name: 'new device',
    method: 'POST',
    path: '/devices',
    body: { name: 'U-1', envName: 'Tool', isActive: false },
    status: 201,
  });
  await runCase(t, {
    name: 'listed for every user',
    method: 'GET',
    path: '/users',
    status: 200,
    check: (b) => {
      for (const user of b['items'] as { devices: { name: string; isActive: boolean }[] }[])
        assert.deepEqual(user.devices.at(-1), { ...user.devices.at(-1), name: 'U-1', isActive: false });
    },
  });
});
