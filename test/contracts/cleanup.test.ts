import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CREATING_ROUTES, createdBy, deletedBy } from '../../src/contracts/cleanup.js';
import type { Observation } from '../../src/contracts/replay.js';
import { KEY_MEMBERS, SEGMENTS } from '../../src/resources/names.js';

function observed(status: number, body: unknown, headers: Record<string, string> = {}): Observation {
  return { status, headers, text: JSON.stringify(body), body, durationMs: 1 };
}

const CASES: { name: string; method: string; path: string; obs: Observation; created: string | undefined }[] = [
  {
    name: 'a customer by its id',
    method: 'POST',
    path: '/customers',
    obs: observed(201, { id: 'c 1' }),
    created: '/customers/c%201',
  },
  {
    name: 'a PUT-created customer',
    method: 'PUT',
    path: '/customers/c2',
    obs: observed(201, { id: 'c2' }),
    created: '/customers/c2',
  },
  {
    name: 'a stock by its name',
    method: 'POST',
    path: '/stocks',
    obs: observed(201, { name: 'S/9' }),
    created: '/stocks/S%2F9',
  },
  {
    name: 'a VAT by its category (a number)',
    method: 'POST',
    path: '/vats/',
    obs: observed(201, { category: 7 }),
    created: '/vats/7',
  },
  {
    name: 'a currency by its label',
    method: 'PUT',
    path: '/currencies/GBP',
    obs: observed(201, { label: 'GBP' }),
    created: '/currencies/GBP',
  },
  {
    name: 'a payment type by its number',
    method: 'POST',
    path: '/paymenttypes',
    obs: observed(201, { number: 12 }),
    created: '/paymenttypes/12',
  },
  {
    name: 'from Location when the body has no key',
    method: 'POST',
    path: '/plus',
    obs: observed(201, undefined, { location: '/portos/plus/p%201?x=1' }),
    created: '/plus/p%201',
  },
  {
    name: 'not created (200)',
    method: 'PUT',
    path: '/stocks/S01',
    obs: observed(200, { name: 'S01' }),
    created: undefined,
  },
  { name: 'a failed POST', method: 'POST', path: '/stocks', obs: observed(400, { errorCode: 3 }), created: undefined },
  { name: 'no key anywhere', method: 'POST', path: '/zones', obs: observed(201, {}), created: undefined },
  {
    name: 'a route that creates nothing',
    method: 'POST',
    path: '/api/auth',
    obs: observed(201, { id: 'x' }),
    created: undefined,
  },
];

for (const c of CASES) {
  test(`cleanup: ${c.name}`, () => {
    assert.equal(createdBy(c.method, c.path, c.obs), c.created);
  });
}

test('cleanup: a POST and a PUT row for every resource, each with its key member', () => {
  for (const segment of SEGMENTS) {
    const rows = CREATING_ROUTES.filter((r) => r.resource === `/${segment}`);
    assert.deepEqual(
      rows.map((r) => [r.method, r.key]),
      [
        ['POST', KEY_MEMBERS[segment]],
        ['PUT', KEY_MEMBERS[segment]],
      ],
      segment,
    );
  }
});

const DELETES: { method: string; path: string; status: number; deleted: string | undefined }[] = [
  { method: 'DELETE', path: '/vats/9', status: 200, deleted: '/vats/9' },
  { method: 'DELETE', path: '/stocks/S%2F9', status: 204, deleted: '/stocks/S%2F9' },
  { method: 'DELETE', path: '/customers/c1', status: 404, deleted: undefined },
  { method: 'GET', path: '/vats/9', status: 200, deleted: undefined },
  { method: 'DELETE', path: '/vats', status: 200, deleted: undefined },
];

for (const c of DELETES) {
  test(`cleanup: ${c.method} ${c.path} → ${c.status} ${c.deleted === undefined ? 'deletes nothing' : 'names what it deleted'}`, () => {
    assert.equal(deletedBy(c.method, c.path, observed(c.status, {})), c.deleted);
  });
}

test('cleanup: an item deleted and created again is named the same way both times (so the run leaves it)', () => {
  const gone = deletedBy('DELETE', '/vats/9', observed(200, { category: 9 }));
  assert.equal(gone, createdBy('PUT', '/vats/9', observed(201, { category: 9 })));
});
