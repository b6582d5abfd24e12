import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCustomerQuery, runCustomerQuery } from '../../src/ndata/index.js';
import { viewOf } from '../../src/ndata/store-view.js';
import { WARM_SORT_KEYS, warmUp } from '../../src/ndata/warm-up.js';
import { CustomerStore } from '../../src/store/customer-store.js';
import { generateCustomers } from '../../src/store/seed.js';

const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const CUSTOMERS = generateCustomers({ seed: 11, count: 300 });
const QUERIES = [
  '$sort=lastName,-discountRate&$take=9',
  '$sort=-creditRate,firstName&$skip=40&$take=7',
  'Search=nov&$sort=-activationTime&$count=true',
  'Search=ová&$take=5',
  'DiscountRate=gte:5;lte:30&$sort=email&$take=11',
];

function answer(store: CustomerStore, qs: string) {
  const parsed = parseCustomerQuery([...new URLSearchParams(qs)], { strict: true, repeatedSingleParameter: 'error' });
  if (!parsed.ok) throw new Error(qs);
  const { items, count, totalCount } = runCustomerQuery(parsed.query, store, NOW, { stringOrder: 'locale' });
  return { ids: items?.map((c) => c.id), count, totalCount };
}

/** Which pieces the store's view holds. */
function built(store: CustomerStore) {
  const { search, rankings, lists } = viewOf(store).held();
  return { search, ranked: rankings.length, lists };
}

const ALL = WARM_SORT_KEYS.length;
const CASES: [string, { from: number; stopAtOnce: boolean }, ReturnType<typeof built> & { done: boolean }][] = [
  [
    'a store as large as the threshold: everything is built',
    { from: 300, stopAtOnce: false },
    { search: true, ranked: ALL, lists: ['CardSerialNumber/true'], done: true },
  ],
  [
    'a store below the threshold: nothing is built',
    { from: 301, stopAtOnce: false },
    { search: false, ranked: 0, lists: [], done: true },
  ],
  [
    'stopped before its first turn: nothing is built',
    { from: 0, stopAtOnce: true },
    { search: false, ranked: 0, lists: [], done: false },
  ],
];

for (const [name, { from, stopAtOnce }, expected] of CASES) {
  test(`warm-up: ${name}; answers are a cold store's`, async () => {
    const store = new CustomerStore(CUSTOMERS);
    const warming = warmUp(store, 'locale', from);
    if (stopAtOnce) warming.stop();
    const done = await warming.done;
    assert.deepEqual({ ...built(store), done }, expected);
    const cold = new CustomerStore(CUSTOMERS);
    for (const qs of QUERIES) assert.deepEqual(answer(store, qs), answer(cold, qs), qs);
  });
}
