import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { parseCustomerQuery, runCustomerQuery, type RunOptions } from '../../src/ndata/index.js';
import { viewOf } from '../../src/ndata/store-view.js';
import { CustomerStore } from '../../src/store/customer-store.js';
import { generateCustomers } from '../../src/store/seed.js';
import { COUNTS, EVALUATIONS, FIXTURE, NOW } from './cases.js';

const ORDINAL: RunOptions = { stringOrder: 'ordinal' };

function run(store: CustomerStore, qs: string, options: RunOptions = ORDINAL, now = NOW) {
  const parsed = parseCustomerQuery([...new URLSearchParams(qs)], { strict: true, repeatedSingleParameter: 'error' });
  if (!parsed.ok) throw new Error(`${qs}: ${JSON.stringify(parsed.issues)}`);
  return runCustomerQuery(parsed.query, store, now, options);
}

const ids = (items: readonly StoredCustomer[] | undefined) => items?.map((c) => c.id);

const store = new CustomerStore(FIXTURE);

for (const [name, qs, expected] of EVALUATIONS) {
  test(`evaluates: ${name}`, () => {
    const result = run(store, qs);
    assert.deepEqual(ids(result.items), expected);
    assert.equal(result.count, expected.length);
  });
}

for (const [qs, count, totalCount, hasItems] of COUNTS) {
  test(`counts: ${qs}`, () => {
    const result = run(store, qs);
    assert.equal(result.count, count);
    assert.equal(result.totalCount, totalCount);
    assert.equal(result.items !== undefined, hasItems);
  });
}

test('locale string order (Slovak collation)', () => {
  const locale: RunOptions = { stringOrder: 'locale' };
  assert.deepEqual(ids(run(store, '$sort=lastName', locale).items), ['c3', 'c6', 'c4', 'c7', 'c1', 'c8', 'c2', 'c5']);
  // Collation compares letters first, case later: EXT-001 > ext (longer), O'Brien > ext.
  assert.deepEqual(ids(run(store, 'ExternalId=gt:ext', locale).items), ['c1', 'c2', 'c4', 'c5', 'c6', 'c7']);
});

test('IsExpired and status follow the clock (answers are not cached across instants)', () => {
  const later = Date.parse('2030-06-01T00:00:00Z');
  assert.deepEqual(ids(run(store, 'IsExpired=true').items), ['c2', 'c4']);
  assert.deepEqual(ids(run(store, 'IsExpired=true', ORDINAL, later).items), ['c2', 'c3', 'c4', 'c5']);
  assert.deepEqual(ids(run(store, '$sort=status&$take=2').items), ['c2', 'c4']);
  assert.deepEqual(ids(run(store, '$sort=status&$take=2', ORDINAL, later).items), ['c2', 'c3']);
});

test('a write is seen by the next query; a query never writes', () => {
  const own = new CustomerStore(structuredClone(FIXTURE));
  assert.deepEqual(ids(run(own, 'DiscountRate=10&Search=novák').items), ['c1', 'c6', 'c8']);
  const version = own.version;
  for (let i = 0; i < 40; i++) run(own, `DiscountRate=10&Search=novák&$sort=lastName&$skip=${i % 3}`);
  assert.equal(own.version, version);
  const c8 = own.get('c8');
  assert.ok(c8 !== undefined);
  own.put({ ...c8, discountRate: 11, lastName: 'Žák' });
  assert.deepEqual(ids(run(own, 'DiscountRate=10&Search=novák').items), ['c1', 'c6']);
  assert.deepEqual(ids(run(own, '$sort=-lastName&$take=1').items), ['c8']);
});

test('indexes built after repeated use answer exactly as the scans before them', () => {
  const own = new CustomerStore(structuredClone(FIXTURE));
  const queries = [
    'Search=ová',
    'Search=nov&$sort=lastName',
    '$sort=-fullName,discountRate',
    'Search=2020&$sort=company.name',
  ];
  const first = queries.map((qs) => ids(run(own, qs).items));
  for (let i = 0; i < 40; i++) {
    viewOf(own).results.clear();
    assert.deepEqual(
      queries.map((qs) => ids(run(own, qs).items)),
      first,
    );
  }
});

test('answers are kept until the next write, unless the answer cache is off', () => {
  const own = new CustomerStore(structuredClone(FIXTURE));
  const cached: RunOptions = { stringOrder: 'ordinal' };
  const uncached: RunOptions = { stringOrder: 'ordinal', answerCache: false };
  const answer = (options: RunOptions) => {
    const parsed = parseCustomerQuery([['$sort', 'lastName']], { strict: true, repeatedSingleParameter: 'error' });
    if (!parsed.ok) throw new Error('parse');
    return runCustomerQuery(parsed.query, own, NOW, options);
  };
  assert.equal(answer(cached), answer(cached));
  assert.notEqual(answer(uncached), answer(uncached));
  assert.deepEqual(ids(answer(uncached).items), ids(answer(cached).items));
});

/** The plain reading of a ranged, sorted page: filter, then a stable sort by the keys (nulls first ascending). */
function plainPage(
  customers: readonly StoredCustomer[],
  low: number,
  high: number,
  keys: [keyof StoredCustomer, boolean][],
  active: boolean | undefined,
) {
  const rows = customers.filter(
    (c) => c.discountRate >= low && c.discountRate <= high && (active === undefined || c.isActive === active),
  );
  const compare = (a: StoredCustomer, b: StoredCustomer) => {
    for (const [key, descending] of keys) {
      const [x, y] = [a[key], b[key]] as [string | number | null, string | number | null];
      const d = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      if (d !== 0) return descending ? -d : d;
    }
    return 0;
  };
  return rows.sort(compare).map((c) => c.id);
}

// A page walked off a ranking that leads with the filtered key starts at the range's edge (ascending: its low bound,
// descending: its high bound): the pages are those of the plain reading, with and without IsActive.
const RANGED: [string, [keyof StoredCustomer, boolean][]][] = [
  ['discountRate', [['discountRate', false]]],
  ['-discountRate', [['discountRate', true]]],
  [
    'discountRate,email',
    [
      ['discountRate', false],
      ['email', false],
    ],
  ],
  [
    '-discountRate,lastName',
    [
      ['discountRate', true],
      ['lastName', false],
    ],
  ],
  [
    'creditRate,-discountRate',
    [
      ['creditRate', false],
      ['discountRate', true],
    ],
  ],
];
const SEEDED = generateCustomers({ seed: 5, count: 4000 });
for (const [sort, keys] of RANGED) {
  test(`a ranged page sorted by ${sort} is the plain reading's`, () => {
    const own = new CustomerStore(SEEDED);
    for (const [low, high] of [
      [0, 50],
      [7, 31],
      [12, 12],
      [30, 45],
    ] as const) {
      for (const active of [undefined, true, false]) {
        const flag = active === undefined ? '' : `&IsActive=${active}`;
        const qs = `DiscountRate=gte:${low};lte:${high}${flag}&$sort=${sort}&$skip=20&$take=30`;
        // The third use ranks the keys (see rank.ts), so both the value and the ranked walks are compared.
        for (let use = 0; use < 3; use++) {
          const answer = run(own, qs, { stringOrder: 'ordinal', answerCache: false });
          assert.deepEqual(
            ids(answer.items),
            plainPage(SEEDED, low, high, keys, active).slice(20, 50),
            `${qs} (${use})`,
          );
        }
      }
    }
  });
}
