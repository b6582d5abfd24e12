import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp, TEST_NOW } from '../support/app.js';
import { runCase, type HttpCase } from '../support/http-cases.js';

// docs/decisions.md#identity-resources, #catalogue-models (API key), #catalogue-seed; docs/portos/resources.md#api-keys.

const t = makeTestApp();
const KEY = { name: 'Kiosk', userName: 'clerk', deviceName: 'PDA1' };
const CREATED_AT = new Date(TEST_NOW).toISOString();
const INTEGRATOR = {
  id: '65a0000000000000000000a1',
  clientId: 'integrator',
  clientSecret: 'integrator-secret',
  isActive: true,
  createdAt: '2024-01-01T00:00:00.000Z',
  name: 'Integrator',
  description: null,
  userName: 'manager',
  deviceName: 'P01',
  permissions: ['customerCreate', 'customerUpdate', 'customerDelete', 'customerSetCredit', 'customerSetDiscount'],
  _v: 1,
};
const READ_RIGHTS = 'apiKeyCreate, apiKeyUpdate, apiKeyDelete';

const CASES: readonly HttpCase[] = [
  {
    name: 'the seed: the identities key',
    method: 'GET',
    path: '/apikeys',
    status: 200,
    expect: { items: [INTEGRATOR], count: 1, totalCount: 1 },
  },
  ...['viewer', 'manager', 'clerk'].map(
    (who): HttpCase => ({
      name: `${who} may not read keys (a secret is a credential)`,
      as: who,
      method: 'GET',
      path: '/apikeys',
      lang: 'en-GB',
      status: 403,
      expect: { errorCode: 2, detail: `One of these rights is needed: ${READ_RIGHTS}.` },
    }),
  ),
  {
    name: 'nor one key',
    as: 'viewer',
    method: 'GET',
    path: `/apikeys/${INTEGRATOR.id}`,
    status: 403,
    expect: { errorCode: 2 },
  },
  { name: 'get by id', method: 'GET', path: `/apikeys/${INTEGRATOR.id}`, status: 200, expect: INTEGRATOR },
  {
    name: 'name, userName and deviceName are required',
    method: 'POST',
    path: '/apikeys',
    body: {},
    status: 400,
    check: (b) =>
      assert.deepEqual(
        (b['errors'] as { memberName: string; code?: string }[]).map((e) => [e.memberName, e.code]),
        [
          ['name', '1'],
          ['userName', '1'],
          ['deviceName', '1'],
        ],
      ),
  },
  {
    name: 'the user and the device must exist',
    method: 'POST',
    path: '/apikeys',
    body: { ...KEY, userName: 'nobody', deviceName: 'P99' },
    lang: 'en-GB',
    status: 400,
    expect: {
      errorCode: 3,
      errors: [
        { memberName: 'userName', message: "There is no user 'nobody'." },
        { memberName: 'deviceName', message: "There is no device 'P99'." },
      ],
    },
  },
  {
    name: 'a clientId in use',
    method: 'POST',
    path: '/apikeys',
    body: { ...KEY, clientId: 'integrator' },
    status: 400,
    expect: { errors: [{ memberName: 'clientId', code: '2' }] },
  },
  {
    name: 'credentials of more than 128 characters',
    method: 'POST',
    path: '/apikeys',
    body: { ...KEY, clientSecret: 'x'.repeat(129) },
    status: 400,
    check: (b) => assert.equal((b['errors'] as { memberName: string }[])[0]?.memberName, 'clientSecret'),
  },
  { name: 'manager may not create keys', as: 'manager', method: 'POST', path: '/apikeys', body: KEY, status: 403 },
  {
    name: 'created: generated credentials, inactive, createdAt on the mock clock',
    method: 'POST',
    path: '/apikeys',
    body: { ...KEY, id: 'k-1', createdAt: '2000-01-01T00:00:00.000Z' },
    status: 201,
    expect: { id: 'k-1', isActive: false, createdAt: CREATED_AT, description: null, permissions: [], _v: 1, ...KEY },
    check: (b) => {
      assert.match(String(b['clientId']), /^[0-9a-f]{40}$/);
      assert.match(String(b['clientSecret']), /^[0-9a-f]{64}$/);
    },
  },
  {
    name: 'filters: clientId, userName, deviceName, isActive, id',
    method: 'GET',
    path: '/apikeys?userName=clerk&deviceName=PDA1&isActive=false&id=k-1&clientId=startswith:a',
    status: 200,
    expect: { count: 1, items: [{ id: 'k-1' }] },
  },
  {
    name: 'a PUT with own credentials replaces them',
    method: 'PUT',
    path: '/apikeys/k-1',
    body: { ...KEY, clientId: 'mine', clientSecret: 'my-secret', isActive: true },
    status: 200,
    expect: { clientId: 'mine', clientSecret: 'my-secret', isActive: true, createdAt: CREATED_AT, _v: 2 },
  },
  {
    name: 'a PUT that omits them keeps them (and isActive goes back to false)',
    method: 'PUT',
    path: '/apikeys/k-1',
    body: { ...KEY, description: 'till 2' },
    status: 200,
    expect: { clientId: 'mine', clientSecret: 'my-secret', isActive: false, description: 'till 2', _v: 3 },
  },
  { name: 'deleted', method: 'DELETE', path: '/apikeys/k-1', status: 200, expect: { id: 'k-1', _v: 3 } },
  { name: 'gone', method: 'GET', path: '/apikeys/k-1', status: 404 },
];

test('/apikeys: seed, read right, rules, generated and kept credentials, filters, in order', async () => {
  for (const c of CASES) await runCase(t, c);
});
