import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { customerFromWrite, type CustomerWrite } from '../../src/domain/customer-write.js';
import { CustomerStore } from '../../src/store/customer-store.js';

const make = (id: string, w: CustomerWrite = {}): StoredCustomer => customerFromWrite(w, id, 1, (t) => t);

test('keeps insertion order; an update keeps the position; a re-insert after delete goes last', () => {
  const store = new CustomerStore([make('a'), make('b'), make('c')]);
  store.put({ ...make('a'), note: 'changed' });
  assert.deepEqual(
    store.list().map((c) => c.id),
    ['a', 'b', 'c'],
  );
  store.remove('a');
  store.put(make('a'));
  assert.deepEqual(
    store.list().map((c) => c.id),
    ['b', 'c', 'a'],
  );
});

test('version changes on every write; list() is the same array until then', () => {
  const store = new CustomerStore([make('a')]);
  const v = store.version;
  const list = store.list();
  assert.equal(store.list(), list);
  store.put(make('b'));
  assert.equal(store.version, v + 1);
  assert.notEqual(store.list(), list);
  assert.equal(store.remove('missing'), undefined);
  assert.equal(store.version, v + 1, 'removing nothing is no write');
});

const CLASHES: [string, StoredCustomer, string | null, string[]][] = [
  ['new id taken', make('a'), null, ['id']],
  ['externalId taken by another', make('x', { externalId: 'E1' }), null, ['externalId']],
  ['own externalId on update', make('a', { externalId: 'E1' }), 'a', []],
  ['serial taken by another', make('x', { cards: [{ serialNumber: 'S1' }] }), null, ['cards[0].serialNumber']],
  [
    'serial twice in one body',
    make('x', { cards: [{ serialNumber: 'S9' }, { serialNumber: 'S9' }] }),
    null,
    ['cards[1].serialNumber'],
  ],
  [
    'null externalId and serials never clash',
    make('x', { externalId: null, cards: [{ serialNumber: null }, { serialNumber: null }] }),
    null,
    [],
  ],
  ['values freed by an update can be reused', make('y', { externalId: 'OLD' }), null, []],
];

for (const [name, candidate, selfId, members] of CLASHES) {
  test(`clashes: ${name}`, () => {
    const store = new CustomerStore([
      make('a', { externalId: 'E1', cards: [{ serialNumber: 'S1' }] }),
      make('b', { externalId: 'OLD' }),
    ]);
    store.put(make('b', { externalId: 'NEW' }));
    assert.deepEqual(
      store.clashes(candidate, selfId).map((c) => c.member),
      members,
    );
  });
}

test('replaceAll drops the old indexes', () => {
  const store = new CustomerStore([make('a', { externalId: 'E1' })]);
  store.replaceAll([make('b')]);
  assert.deepEqual(store.clashes(make('c', { externalId: 'E1' }), null), []);
  assert.equal(store.size, 1);
});

test('through thousands of updates, removals and inserts every write names the row a plain list would', () => {
  const model = Array.from({ length: 400 }, (_, i) => `c${i}`);
  const store = new CustomerStore(model.map((id) => make(id)));
  let next = model.length;
  let seed = 1;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  // More removals than the store makes between renumbering its row positions.
  for (let step = 0; step < 3300; step++) {
    const at = random(model.length);
    const id = model[at] ?? '';
    const kind = step % 3 === 0 ? 'append' : step % 3 === 1 ? 'remove' : 'replace';
    if (kind === 'append') {
      model.push(`n${next}`);
      store.put(make(`n${next++}`));
    } else if (kind === 'remove') {
      model.splice(at, 1);
      store.remove(id);
    } else store.put({ ...make(id), note: `step ${step}` });
    const [change] = store.changesSince(store.version - 1) ?? [];
    assert.deepEqual([change?.kind, change?.row], [kind, kind === 'append' ? model.length - 1 : at], `step ${step}`);
  }
  assert.deepEqual(
    store.list().map((c) => c.id),
    model,
  );
});
