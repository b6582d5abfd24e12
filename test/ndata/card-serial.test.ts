import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { parseCustomerQuery, runCustomerQuery } from '../../src/ndata/index.js';
import { viewOf } from '../../src/ndata/store-view.js';
import { CustomerStore } from '../../src/store/customer-store.js';
import { FIXTURE, NOW } from './cases.js';

function ids(store: CustomerStore, qs: string) {
  const parsed = parseCustomerQuery([...new URLSearchParams(qs)], { strict: true, repeatedSingleParameter: 'error' });
  if (!parsed.ok) throw new Error(qs);
  const result = runCustomerQuery(parsed.query, store, NOW, { stringOrder: 'ordinal', answerCache: false });
  return result.items?.map((c) => c.id) ?? result.count;
}

const byId = (id: string) => FIXTURE.find((c) => c.id === id) as StoredCustomer;

// `CardSerialNumber=eq:…` starts from the one customer the store's serial index names; every other filter still holds.
const CASES: [string, string[] | number][] = [
  ['CardSerialNumber=CARD-101', ['c1']],
  ['CardSerialNumber=card-101', []],
  ['CardSerialNumber=CARD-999', []],
  ['CardSerialNumber=CARD-101&DiscountRate=10', ['c1']],
  ['CardSerialNumber=CARD-101&DiscountRate=11', []],
  ['CardSerialNumber=CARD-600&Search=Ábel', ['c6']],
  ['CardSerialNumber=CARD-600&Search=novák', ['c6']], // its note: "známy ako NOVÁK"
  ['CardSerialNumber=CARD-600&Search=Horváth', []],
  ['CardSerialNumber=CARD-600&IsExpired=true', []],
  ['CardSerialNumber=eq:CARD-100;eq:CARD-101', []],
  ['CardSerialNumber=eq:CARD-101;startswith:card', ['c1']],
  ['CardSerialNumber=CARD-800&$count=true', 1],
];

for (const [qs, expected] of CASES) {
  test(`a card's serial picks its customer from the index: ${qs}`, () => {
    const store = new CustomerStore(FIXTURE);
    assert.equal(typeof viewOf(store).rowOfSerial('CARD-101'), 'number');
    assert.deepEqual(ids(store, qs), expected);
  });
}

test('the serial index follows writes: a card moved to another customer, a customer removed', () => {
  const store = new CustomerStore(FIXTURE);
  const c1 = byId('c1');
  const moved = c1.cards.find((card) => card.serialNumber === 'CARD-101');
  assert.ok(moved);
  store.put({ ...c1, cards: c1.cards.filter((card) => card !== moved) });
  store.put({ ...byId('c7'), cards: [moved] });
  assert.deepEqual(ids(store, 'CardSerialNumber=CARD-101'), ['c7']);
  store.remove('c7');
  assert.deepEqual(ids(store, 'CardSerialNumber=CARD-101'), []);
  assert.deepEqual(ids(store, 'CardSerialNumber=CARD-800'), ['c8']);
});

test('customers loaded sharing a serial are all found (the index is not used)', () => {
  const twin = { ...byId('c7'), cards: byId('c1').cards };
  const store = new CustomerStore([...FIXTURE.filter((c) => c.id !== 'c7'), twin]);
  assert.equal(viewOf(store).rowOfSerial('CARD-101'), undefined);
  assert.deepEqual(ids(store, 'CardSerialNumber=CARD-101'), ['c1', 'c7']);
  store.replaceAll(FIXTURE);
  assert.deepEqual(ids(store, 'CardSerialNumber=CARD-101'), ['c1']);
  assert.equal(typeof viewOf(store).rowOfSerial('CARD-101'), 'number');
});
