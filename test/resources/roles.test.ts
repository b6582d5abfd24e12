import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import { runCase, type HttpCase } from '../support/http-cases.js';

// docs/decisions.md#catalogue-models (role), #catalogue-seed, #fixture-rights; docs/portos/resources.md#roles.

const t = makeTestApp();
const names = (body: Record<string, unknown>) => (body['items'] as { name: string }[]).map((r) => r.name);

const CASES: readonly HttpCase[] = [
  {
    name: 'the seed: the documented two, and the roles /users shows',
    as: 'viewer',
    method: 'GET',
    path: '/roles',
    status: 200,
    check: (b) => assert.deepEqual(names(b), ['admin', 'articleCategories', 'customers', 'catalogue', 'customerClerk']),
  },
  {
    name: 'the documented admin role',
    method: 'GET',
    path: '/roles/admin',
    status: 200,
    expect: {
      name: 'admin',
      label: 'Administrátor',
      rights: ['admin'],
      envNames: ['BackOffice', 'CashRegister', 'PDA', 'Tool'],
    },
  },
  {
    name: "customerClerk holds clerk's rights",
    method: 'GET',
    path: '/roles/customerClerk',
    status: 200,
    expect: { rights: ['customerCreate', 'customerUpdate'] },
  },
  {
    name: 'filter label',
    method: 'GET',
    path: '/roles?label=contains:katal',
    status: 200,
    check: (b) => assert.deepEqual(names(b), ['catalogue']),
  },
  {
    name: 'label is required',
    method: 'POST',
    path: '/roles',
    body: { name: 'r-1' },
    status: 400,
    expect: { errors: [{ memberName: 'label', code: '1' }] },
  },
  {
    name: 'envNames only from the four environments',
    method: 'POST',
    path: '/roles',
    body: { name: 'r-1', label: 'R', envNames: ['BackOffice', 'Kitchen'] },
    status: 400,
    expect: { errorCode: 3 },
  },
  {
    name: 'manager may not create roles',
    as: 'manager',
    method: 'POST',
    path: '/roles',
    body: { name: 'r-1', label: 'R' },
    status: 403,
  },
  {
    name: 'created with the defaults',
    method: 'POST',
    path: '/roles',
    body: { name: 'r-1', label: 'R' },
    status: 201,
    expect: { name: 'r-1', label: 'R', description: null, rights: [], envNames: [], _v: 1 },
  },
  {
    name: 'created by PUT',
    method: 'PUT',
    path: '/roles/r-2',
    body: { label: 'R2', rights: ['stockCreate'], envNames: ['Tool'] },
    status: 201,
    expect: { name: 'r-2', rights: ['stockCreate'], envNames: ['Tool'], _v: 1 },
  },
  {
    name: 'a role is always deletable',
    method: 'DELETE',
    path: '/roles/admin',
    status: 200,
    expect: { name: 'admin' },
  },
  { name: 'gone', method: 'GET', path: '/roles/admin', status: 404 },
];

test('/roles: seed, filters, defaults, rules, rights, in order', async () => {
  for (const c of CASES) await runCase(t, c);
});
