import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { signNws4 } from '../../src/auth/nws4.js';
import { makeTestApp } from '../support/app.js';

// Every customer route × every fixture identity (docs/decisions.md#routes and #fixture-identities): who is let
// through, who gets 403 naming the missing rights, and that nobody gets in without credentials.

const { app, mock, clock } = makeTestApp();

const IDENTITIES = ['admin', 'manager', 'clerk', 'viewer', 'integrator', 'nobody'] as const;
type Identity = (typeof IDENTITIES)[number];

const HOST = 'mock.test';

/** Credentials of an identity for one request: a fixture user's token, the API key's signature, or none. */
function credentials(identity: Identity, method: string, path: string, body: string): Record<string, string> {
  if (identity === 'nobody') return {};
  if (identity !== 'integrator') return { Authorization: `Bearer ${mock.auth.issueToken(identity)}` };
  const headers: Record<string, string> = {
    host: HOST,
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
  };
  const creds = { clientId: 'integrator', clientSecret: 'integrator-secret' };
  return {
    ...headers,
    ...signNws4({ method, url: `http://${HOST}${path}`, headers, body }, creds, new Date(clock.now())),
  };
}

let counter = 0;
/** A fresh stored customer (created as admin), so every row starts from the same state. */
async function seedCustomer(): Promise<string> {
  const id = `matrix-${++counter}`;
  const res = await request(app)
    .put(`/customers/${id}`)
    .set(credentials('admin', 'PUT', `/customers/${id}`, ''))
    .send({ firstName: 'M', discountRate: 5, credit: { amount: 10, currencyLabel: 'EUR' } });
  assert.equal(res.status, 201);
  return id;
}

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path, given the id of a freshly seeded customer. */
  path: (id: string) => string;
  body?: object;
  /** Status when allowed. */
  ok: number;
  /** Per identity: 'ok', or the rights named in the 403 detail; `nobody` is always 401. */
  expected: Record<Exclude<Identity, 'nobody'>, 'ok' | string[]>;
}

const ALL_OK = { admin: 'ok', manager: 'ok', clerk: 'ok', viewer: 'ok', integrator: 'ok' } as const;
const UNCHANGED = { firstName: 'N', discountRate: 5, credit: { amount: 10, currencyLabel: 'EUR' } };

const ROUTES: readonly Route[] = [
  { name: 'list', method: 'GET', path: () => '/customers?$take=1', ok: 200, expected: ALL_OK },
  { name: 'read', method: 'GET', path: (id) => `/customers/${id}`, ok: 200, expected: ALL_OK },
  {
    name: 'create (POST)',
    method: 'POST',
    path: () => '/customers',
    body: { firstName: 'New', discountRate: 20, credit: { amount: 50, currencyLabel: 'EUR' } },
    ok: 201,
    expected: { admin: 'ok', manager: 'ok', clerk: 'ok', viewer: ['customerCreate'], integrator: 'ok' },
  },
  {
    name: 'create (PUT on a new id)',
    method: 'PUT',
    path: (id) => `/customers/${id}-new`,
    body: { firstName: 'New', discountRate: 20 },
    ok: 201,
    expected: {
      admin: 'ok',
      manager: 'ok',
      clerk: 'ok',
      viewer: ['customerCreate', 'customerUpdate'],
      integrator: 'ok',
    },
  },
  {
    name: 'update, discount and credit unchanged',
    method: 'PUT',
    path: (id) => `/customers/${id}`,
    body: UNCHANGED,
    ok: 200,
    expected: {
      admin: 'ok',
      manager: 'ok',
      clerk: 'ok',
      viewer: ['customerCreate', 'customerUpdate'],
      integrator: 'ok',
    },
  },
  {
    name: 'update changing discountRate',
    method: 'PUT',
    path: (id) => `/customers/${id}`,
    body: { ...UNCHANGED, discountRate: 15 },
    ok: 200,
    expected: {
      admin: 'ok',
      manager: 'ok',
      clerk: ['customerSetDiscount'],
      viewer: ['customerCreate', 'customerUpdate'],
      integrator: 'ok',
    },
  },
  {
    name: 'update changing credit',
    method: 'PUT',
    path: (id) => `/customers/${id}`,
    body: { ...UNCHANGED, credit: { amount: 99, currencyLabel: 'EUR' } },
    ok: 200,
    expected: {
      admin: 'ok',
      manager: 'ok',
      clerk: ['customerSetCredit'],
      viewer: ['customerCreate', 'customerUpdate'],
      integrator: 'ok',
    },
  },
  {
    name: 'update changing both',
    method: 'PUT',
    path: (id) => `/customers/${id}`,
    body: { firstName: 'N' },
    ok: 200,
    expected: {
      admin: 'ok',
      manager: 'ok',
      clerk: ['customerSetDiscount', 'customerSetCredit'],
      viewer: ['customerCreate', 'customerUpdate'],
      integrator: 'ok',
    },
  },
  {
    name: 'delete',
    method: 'DELETE',
    path: (id) => `/customers/${id}`,
    ok: 200,
    expected: { admin: 'ok', manager: 'ok', clerk: ['customerDelete'], viewer: ['customerDelete'], integrator: 'ok' },
  },
];

for (const route of ROUTES) {
  for (const identity of IDENTITIES) {
    const expected = identity === 'nobody' ? 401 : route.expected[identity];
    const label = expected === 'ok' ? String(route.ok) : expected === 401 ? '401' : `403 (${expected.join(', ')})`;
    test(`${route.method} ${route.name} as ${identity} → ${label}`, async () => {
      const id = await seedCustomer();
      const path = route.path(id);
      const body = route.body === undefined ? '' : JSON.stringify(route.body);
      const before = structuredClone(mock.store.get(id));
      const verb = ({ GET: 'get', POST: 'post', PUT: 'put', DELETE: 'delete' } as const)[route.method];
      let call = request(app)
        [verb](path)
        .set(credentials(identity, route.method, path, body))
        .set('Accept-Language', 'en-GB');
      if (body !== '') call = call.type('application/json').send(body);
      const res = await call;
      if (expected === 'ok') {
        assert.equal(res.status, route.ok, JSON.stringify(res.body));
        return;
      }
      if (expected === 401) {
        assert.equal(res.status, 401);
        assert.equal(res.body.errorCode, 1);
      } else {
        assert.equal(res.status, 403, JSON.stringify(res.body));
        assert.equal(res.body.errorCode, 2);
        for (const right of expected) assert.ok(res.body.detail.includes(right), `${res.body.detail} names ${right}`);
      }
      assert.deepEqual(mock.store.get(id), before, 'a refused request changes nothing');
    });
  }
}
