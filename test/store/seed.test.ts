import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mock, test } from 'node:test';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { generateCustomers } from '../../src/store/seed.js';

const customers = generateCustomers({ seed: 42, count: 250 });

const CUSTOMER_KEYS = [
  'id',
  'externalId',
  'isActive',
  'activationTime',
  'expirationTime',
  'firstName',
  'lastName',
  'gender',
  'birthDate',
  'email',
  'phone',
  'isCompany',
  'company',
  'address',
  'deliveryAddress',
  'credit',
  'creditTransactions',
  'cards',
  'creditRate',
  'discountRate',
  'note',
  'meta',
  '_v',
];
const COMPANY_KEYS = ['name', 'crn', 'vatId', 'taxId'];
const ADDRESS_KEYS = ['street', 'city', 'postalCode', 'country', 'coordinates', 'note'];
const CARD_KEYS = [
  'externalId',
  'isActive',
  'isVirtual',
  'serialNumber',
  'processor',
  'status',
  'statusTime',
  'statusReason',
  'activationTime',
  'expirationTime',
  'note',
  'meta',
];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('the same seed gives byte-identical data', () => {
  const a = JSON.stringify(generateCustomers({ seed: 42, count: 500 }));
  const b = JSON.stringify(generateCustomers({ seed: 42, count: 500 }));
  assert.equal(a, b);
});

test('the data does not depend on the real clock', () => {
  const today = JSON.stringify(generateCustomers({ seed: 42, count: 200 }));
  mock.timers.enable({ apis: ['Date'], now: Date.parse('2041-07-15T12:00:00.000Z') });
  try {
    assert.equal(JSON.stringify(generateCustomers({ seed: 42, count: 200 })), today);
  } finally {
    mock.timers.reset();
  }
});

test('a different seed or reference date gives different data', () => {
  const base = JSON.stringify(generateCustomers({ seed: 42, count: 50 }));
  assert.notEqual(JSON.stringify(generateCustomers({ seed: 43, count: 50 })), base);
  assert.notEqual(
    JSON.stringify(generateCustomers({ seed: 42, count: 50, referenceDate: '2030-06-01T00:00:00.000Z' })),
    base,
  );
  assert.equal(
    JSON.stringify(generateCustomers({ seed: 42, count: 50, referenceDate: '2025-01-01T00:00:00.000Z' })),
    base,
  );
});

test('a longer run starts with the same customers as a shorter one', () => {
  const long = generateCustomers({ seed: 7, count: 300 });
  assert.deepEqual(long.slice(0, 100), generateCustomers({ seed: 7, count: 100 }));
});

test('count 0 gives no customers', () => {
  assert.deepEqual(generateCustomers({ seed: 42, count: 0 }), []);
});

for (const [name, options] of [
  ['negative count', { seed: 1, count: -1 }],
  ['fractional count', { seed: 1, count: 1.5 }],
  ['fractional seed', { seed: 1.5, count: 1 }],
  ['bad reference date', { seed: 1, count: 1, referenceDate: 'yesterday' }],
] as const) {
  test(`rejects a ${name}`, () => {
    assert.throws(() => generateCustomers(options), RangeError);
  });
}

test('ids are 24 lowercase hex characters and unique', () => {
  for (const c of customers) assert.match(c.id, /^[0-9a-f]{24}$/);
  assert.equal(new Set(customers.map((c) => c.id)).size, customers.length);
});

test('external ids are unique where set', () => {
  const set = customers.flatMap((c) => (c.externalId === null ? [] : [c.externalId]));
  assert.equal(new Set(set).size, set.length);
});

test('card serial numbers are unique across all customers', () => {
  const many = generateCustomers({ seed: 3, count: 5000 });
  const serials = many.flatMap((c) => c.cards.map((card) => card.serialNumber));
  assert.ok(serials.length > 5000);
  for (const s of serials) assert.match(s ?? '', /^CRD\d{10}$/);
  assert.equal(new Set(serials).size, serials.length);
});

const FILTERS: [string, (c: StoredCustomer) => boolean][] = [
  ['expired', (c) => c.expirationTime !== null && c.expirationTime < '2025'],
  ['not yet valid', (c) => c.activationTime !== null && c.activationTime > '2050'],
  ['valid until 2060+', (c) => c.expirationTime !== null && c.expirationTime >= '2060'],
  ['no validity dates', (c) => c.activationTime === null && c.expirationTime === null],
  ['company with a VAT id', (c) => c.isCompany && typeof c.company?.vatId === 'string'],
  ['individual', (c) => !c.isCompany],
  ['with a card', (c) => c.cards.length > 0],
  ['without cards', (c) => c.cards.length === 0],
  ['externalId null', (c) => c.externalId === null],
  ['externalId set', (c) => c.externalId !== null],
  ['creditRate > 0', (c) => c.creditRate > 0],
  ['creditRate 0', (c) => c.creditRate === 0],
  ['discountRate in [5, 30]', (c) => c.discountRate >= 5 && c.discountRate <= 30],
  ['inactive', (c) => !c.isActive],
  ['active', (c) => c.isActive],
  ["lastName containing 'ova'", (c) => c.lastName?.toLowerCase().includes('ova') === true],
  ["lastName ending in 'ová'", (c) => c.lastName?.endsWith('ová') === true],
  ['a note', (c) => c.note !== null],
  ['Slovak address', (c) => c.address?.country === 'Slovensko'],
  ['Czech address', (c) => c.address?.country === 'Česko'],
  ['credit in EUR', (c) => c.credit.currencyLabel === 'EUR'],
  ['credit in CZK', (c) => c.credit.currencyLabel === 'CZK'],
  ['credit transactions', (c) => c.creditTransactions.length > 0],
  ['gender null', (c) => c.gender === null],
  ['meta with members', (c) => Object.keys(c.meta).length > 0],
  ['_v above 1', (c) => c._v > 1],
];

for (const [name, matches] of FILTERS) {
  test(`seed 42 × 250 has a customer: ${name}`, () => {
    assert.ok(customers.some(matches));
  });
}

test('every object lists its members in the StoredCustomer order', () => {
  for (const c of customers) {
    assert.deepEqual(Object.keys(c), CUSTOMER_KEYS);
    if (c.company !== null) assert.deepEqual(Object.keys(c.company), COMPANY_KEYS);
    for (const a of [c.address, c.deliveryAddress]) {
      if (a === null) continue;
      assert.deepEqual(Object.keys(a), ADDRESS_KEYS);
      if (a.coordinates !== null) assert.deepEqual(Object.keys(a.coordinates), ['latitude', 'longitude']);
    }
    assert.deepEqual(Object.keys(c.credit), ['amount', 'currencyLabel']);
    for (const card of c.cards) assert.deepEqual(Object.keys(card), CARD_KEYS);
  }
});

test('values have the documented shapes', () => {
  for (const c of customers) {
    const dates = [
      c.activationTime,
      c.expirationTime,
      c.birthDate,
      ...c.cards.flatMap((k) => [k.activationTime, k.expirationTime, k.statusTime]),
    ];
    for (const d of dates) if (d !== null) assert.match(d, ISO);
    if (c.birthDate !== null) assert.match(c.birthDate, /T00:00:00\.000Z$/);
    if (c.gender !== null) assert.ok(['Male', 'Female'].includes(c.gender));
    if (c.email !== null) assert.match(c.email, /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]+$/);
    if (c.phone !== null) assert.match(c.phone, /^\+42[01] /);
    assert.equal(c.credit.currencyLabel === null, c.credit.amount === 0);
    for (const n of [c.credit.amount, c.creditRate, c.discountRate]) assert.equal(Math.round(n * 100) / 100, n);
    assert.ok(c.creditRate >= 0 && c.creditRate <= 10);
    assert.ok(c.discountRate >= 0 && c.discountRate <= 50);
    if (c.company?.crn != null) assert.match(c.company.crn, /^\d{8}$/);
    if (c.company?.vatId != null) assert.match(c.company.vatId, /^(SK\d{10}|CZ\d{8,10})$/);
    if (c.company?.taxId != null) assert.match(c.company.taxId, /^\d{10}$/);
    if (c.expirationTime !== null && c.activationTime !== null) assert.ok(c.activationTime < c.expirationTime);
    for (const a of [c.address, c.deliveryAddress]) {
      if (a?.coordinates == null) continue;
      const [minLat, maxLat, minLon, maxLon] =
        a.country === 'Slovensko' ? [47.73, 49.61, 16.83, 22.57] : [48.55, 51.06, 12.09, 18.86];
      const { latitude, longitude } = a.coordinates;
      assert.ok(latitude >= minLat && latitude <= maxLat && longitude >= minLon && longitude <= maxLon);
      assert.equal(Math.round(latitude * 1e6) / 1e6, latitude);
    }
  }
});

// The seed is part of the contract: the same options give the same bytes in every version (issue 15 made it faster
// without changing one). A deliberate change of the data updates these hashes in the same commit.
const PINNED = [
  { seed: 42, count: 3000, referenceDate: undefined, hash: '8ee4843ca944bf31' },
  { seed: 7, count: 3000, referenceDate: undefined, hash: 'd0c0beb438ed00cc' },
  { seed: 42, count: 3000, referenceDate: '2031-03-05T10:11:12.013Z', hash: '9be19aa78c6065f9' },
  { seed: 7, count: 3000, referenceDate: '2031-03-05T10:11:12.013Z', hash: '48270e59465daac1' },
];

for (const { seed, count, referenceDate, hash } of PINNED) {
  test(`seed ${seed} × ${count} (reference date ${referenceDate ?? 'default'}) has the pinned hash`, () => {
    const json = JSON.stringify(generateCustomers({ seed, count, ...(referenceDate ? { referenceDate } : {}) }));
    assert.equal(createHash('sha256').update(json).digest('hex').slice(0, 16), hash);
  });
}
