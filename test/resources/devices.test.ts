import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import { P01_SETTINGS } from '../support/fixture-devices.js';
import { runCase, type HttpCase } from '../support/http-cases.js';

// docs/decisions.md#catalogue-models (device), #catalogue-seed, #catalogue-ndata; docs/portos/resources.md#devices.

const t = makeTestApp();
const names = (body: Record<string, unknown>) => (body['items'] as { name: string }[]).map((d) => d.name);

const CASES: readonly HttpCase[] = [
  {
    name: 'the seed: BackOffice, P01 (documented _v 10, seven settings) and PDA1',
    as: 'viewer',
    method: 'GET',
    path: '/devices',
    status: 200,
    expect: { count: 3, totalCount: 3 },
    check: (body) => {
      assert.deepEqual(names(body), ['BackOffice', 'P01', 'PDA1']);
      const [backOffice, p01, pda1] = body['items'] as Record<string, unknown>[];
      assert.deepEqual(backOffice, {
        name: 'BackOffice',
        isActive: true,
        envName: 'BackOffice',
        description: 'BackOffice',
        roles: ['admin'],
        preferences: {},
        settings: {},
        _v: 1,
      });
      assert.deepEqual(p01?.['settings'], P01_SETTINGS);
      assert.equal(p01?.['_v'], 10);
      const { DefaultOrderEndpointName: _, ...withoutEndpoint } = P01_SETTINGS;
      assert.deepEqual(pda1?.['settings'], withoutEndpoint);
      assert.deepEqual(pda1?.['roles'], p01?.['roles']);
    },
  },
  {
    name: 'filter envName',
    method: 'GET',
    path: '/devices?envName=PDA',
    status: 200,
    check: (b) => assert.deepEqual(names(b), ['PDA1']),
  },
  {
    name: 'filter name',
    method: 'GET',
    path: '/devices?name=startswith:P',
    status: 200,
    check: (b) => assert.deepEqual(names(b), ['P01', 'PDA1']),
  },
  {
    name: 'filter isActive',
    method: 'GET',
    path: '/devices?isActive=false',
    status: 200,
    expect: { items: [], count: 0, totalCount: 0 },
  },
  {
    name: 'sort and page',
    method: 'GET',
    path: '/devices?$sort=-name&$take=1',
    status: 200,
    expect: { count: 1, totalCount: 3 },
    check: (b) => assert.deepEqual(names(b), ['PDA1']),
  },
  {
    name: 'envName is required',
    method: 'POST',
    path: '/devices',
    body: { name: 'D-1' },
    status: 400,
    expect: { errorCode: 3, errors: [{ memberName: 'envName', code: '1' }] },
  },
  {
    name: 'envName is one of the four environments',
    method: 'POST',
    path: '/devices',
    body: { name: 'D-1', envName: 'Kiosk' },
    status: 400,
    expect: { errorCode: 3 },
    check: (b) => assert.equal((b['errors'] as { memberName: string }[])[0]?.memberName, 'envName'),
  },
  {
    name: 'settings hold text values',
    method: 'POST',
    path: '/devices',
    body: { name: 'D-1', envName: 'Tool', settings: { MaxQuantity: 50 } },
    status: 400,
    expect: { errorCode: 3 },
  },
  {
    name: 'manager may not create devices',
    as: 'manager',
    method: 'POST',
    path: '/devices',
    body: { name: 'D-1', envName: 'Tool' },
    status: 403,
    expect: { errorCode: 2 },
  },
  {
    name: 'created with the defaults',
    method: 'POST',
    path: '/devices',
    body: { Name: 'D-1', EnvName: 'Tool' },
    status: 201,
    expect: {
      name: 'D-1',
      isActive: true,
      envName: 'Tool',
      description: '',
      roles: [],
      preferences: {},
      settings: {},
      _v: 1,
    },
  },
  {
    name: 'a taken name',
    method: 'POST',
    path: '/devices',
    body: { name: 'D-1', envName: 'Tool' },
    status: 400,
    expect: { errors: [{ memberName: 'name', code: '2' }] },
  },
  {
    name: 'replaced by PUT',
    method: 'PUT',
    path: '/devices/D-1',
    body: { envName: 'CashRegister', isActive: false, roles: ['sale'], settings: { A: 'b' }, _v: 1 },
    status: 200,
    expect: {
      name: 'D-1',
      envName: 'CashRegister',
      isActive: false,
      description: '',
      roles: ['sale'],
      settings: { A: 'b' },
      _v: 2,
    },
  },
  {
    name: 'a stale _v',
    method: 'PUT',
    path: '/devices/D-1',
    body: { envName: 'Tool', _v: 1 },
    status: 400,
    expect: { errorCode: 6, resource: { name: 'device', id: 'D-1', version: 2 } },
  },
  { name: 'deleted', method: 'DELETE', path: '/devices/D-1', status: 200, expect: { name: 'D-1', _v: 2 } },
  { name: 'gone', method: 'GET', path: '/devices/D-1', status: 404 },
  {
    name: 'a device an API key names cannot be deleted',
    method: 'DELETE',
    path: '/devices/P01',
    status: 400,
    expect: { errorCode: 3, errors: [{ memberName: 'name' }] },
  },
];

test('/devices: seed, filters, defaults, rules, rights, _v and deletion, in order', async () => {
  for (const c of CASES) await runCase(t, c);
});
