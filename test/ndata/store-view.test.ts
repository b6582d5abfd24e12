import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { parseCustomerQuery, runCustomerQuery, type RunOptions } from '../../src/ndata/index.js';
import { viewOf } from '../../src/ndata/store-view.js';
import { CustomerStore } from '../../src/store/customer-store.js';
import { generateCustomers } from '../../src/store/seed.js';

/*
 * The view of a store is kept current through writes (columns, sort ranks, the Search index are edited, not
 * rebuilt). After every write, each query must answer what a fresh store holding the same customers answers.
 */

const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const POOL = generateCustomers({ seed: 7, count: 60 });

const QUERIES = [
  '$sort=lastName,-discountRate&$take=7',
  '$sort=-creditRate,firstName&$skip=3&$take=5',
  'DiscountRate=gte:5;lte:30&$sort=discountRate,-lastName&$take=9',
  'IsActive=true&$sort=-activationTime&$skip=2&$take=6',
  'Search=ova&$sort=lastName&$take=8',
  'Search=nov&$count=true',
  'Search=ová&$sort=-firstName',
  'Search=ek&$count=true',
  'Search=Á&$sort=id&$take=9',
  'Search=a&$skip=5&$count=true',
  'CardSerialNumber=startswith:CRD&$sort=externalId&$take=10',
  'CreditRate=gt:0&IsExpired=false&$sort=-_v,id',
  'ExternalId=notnull&$sort=fullName:desc&$take=12',
];

function run(store: CustomerStore, qs: string, options: RunOptions) {
  const parsed = parseCustomerQuery([...new URLSearchParams(qs)], { strict: true, repeatedSingleParameter: 'error' });
  if (!parsed.ok) throw new Error(`${qs}: ${JSON.stringify(parsed.issues)}`);
  const { items, count, totalCount } = runCustomerQuery(parsed.query, store, NOW, options);
  return { ids: items?.map((c) => c.id), count, totalCount };
}

/** Runs every query often enough (answers not cached) that sort ranks and the Search indexes are built. */
function warmUp(store: CustomerStore, options: RunOptions): void {
  for (let i = 0; i < 17; i++) {
    viewOf(store).results.clear();
    for (const qs of QUERIES) run(store, qs, options);
  }
}

type Write =
  | { kind: 'replace'; at: number; from: number }
  | { kind: 'append'; from: number }
  | { kind: 'remove'; at: number };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), from: fc.nat(POOL.length - 1) }),
  fc.record({ kind: fc.constant('append' as const), from: fc.nat(POOL.length - 1) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);

let made = 0;

function apply(store: CustomerStore, write: Write): void {
  const rows = store.list();
  const source = POOL[write.kind === 'remove' ? 0 : write.from];
  if (source === undefined) return;
  if (write.kind === 'append') {
    store.put({ ...source, id: `new${made++}`, externalId: null, cards: [] });
    return;
  }
  const target = rows[write.at % Math.max(1, rows.length)];
  if (target === undefined) return;
  if (write.kind === 'remove') store.remove(target.id);
  else store.put({ ...source, id: target.id, externalId: target.externalId, cards: target.cards });
}

for (const stringOrder of ['ordinal', 'locale'] as const) {
  test(`writes keep every index current (${stringOrder}): each answer equals a fresh store's`, () => {
    const options: RunOptions = { stringOrder };
    fc.assert(
      fc.property(
        fc.array(fc.array(writeArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        (batches) => {
          const store = new CustomerStore(POOL.slice(0, 40));
          // Often enough that sort ranks and the Search index are built before the first write.
          warmUp(store, options);
          for (const batch of batches) {
            for (const write of batch) apply(store, write);
            viewOf(store).results.clear();
            const fresh = new CustomerStore(store.list());
            for (const qs of QUERIES) assert.deepEqual(run(store, qs, options), run(fresh, qs, options), qs);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
}

test('more writes than a view applies one by one: it starts over and still answers right', () => {
  const options: RunOptions = { stringOrder: 'ordinal' };
  const store = new CustomerStore(POOL.slice(0, 40));
  warmUp(store, options);
  for (let i = 0; i < 100; i++) apply(store, { kind: 'replace', at: i, from: (i * 7) % POOL.length });
  const fresh = new CustomerStore(store.list());
  for (const qs of QUERIES) assert.deepEqual(run(store, qs, options), run(fresh, qs, options), qs);
});

test('the store lists its rows in insertion order through replace, append and remove', () => {
  const store = new CustomerStore(POOL.slice(0, 3));
  const [a, b, c] = POOL as [StoredCustomer, StoredCustomer, StoredCustomer];
  store.put({ ...b, note: 'changed' });
  store.remove(a.id);
  store.put({ ...a, note: 'back' });
  assert.deepEqual(
    store.list().map((x) => [x.id, x.note]),
    [
      [b.id, 'changed'],
      [c.id, c.note],
      [a.id, 'back'],
    ],
  );
  assert.deepEqual(store.rows(), store.list());
  assert.equal(store.changesSince(store.version - 3)?.length, 3);
  assert.deepEqual(
    store.changesSince(store.version - 3)?.map((x) => [x.kind, x.row]),
    [
      ['replace', 1],
      ['remove', 0],
      ['append', 2],
    ],
  );
});
