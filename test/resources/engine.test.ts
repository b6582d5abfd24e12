import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { keyOfItem, type Item } from '../../src/resources/engine/resource-row.js';
import { RESOURCE_ROWS } from '../../src/resources/resource-table.js';
import { makeTestApp } from '../support/app.js';

// Every row of the resource table gets the engine's shared behaviour (docs/decisions.md#resource-engine); every
// answer is checked against the strict spec view by the harness.

const { app, auth, violations } = makeTestApp();
const en = { 'Accept-Language': 'en-GB' };

for (const row of RESOURCE_ROWS) {
  const seeded = row.seed();
  const first = seeded[0] as Item;
  const key = keyOfItem(row, first);
  const path = `/${row.segment}`;
  const item = `${path}/${encodeURIComponent(key)}`;
  const rightsToRead = row.readRights === undefined ? 'viewer' : 'admin';

  test(`${row.segment}: the list holds the seed in insertion order, paged and counted`, async () => {
    const all = await request(app).get(path).set(auth(rightsToRead));
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.items, seeded);
    assert.equal(all.body.totalCount, seeded.length);
    const page = await request(app).get(`${path}?$skip=1&$take=1`).set(auth(rightsToRead));
    assert.deepEqual(page.body, {
      items: seeded.slice(1, 2),
      count: seeded.slice(1, 2).length,
      totalCount: seeded.length,
    });
    const counted = await request(app).get(`${path}?$count=true`).set(auth(rightsToRead));
    assert.deepEqual(counted.body, { count: seeded.length, totalCount: seeded.length });
  });

  test(`${row.segment}: every sortable member sorts both ways, every filter member answers`, async () => {
    for (const key of row.sortable) {
      for (const sort of [key, `-${key}`]) {
        const res = await request(app).get(`${path}?$sort=${sort}`).set(auth(rightsToRead));
        assert.equal(res.status, 200, `$sort=${sort}`);
        assert.equal(res.body.totalCount, seeded.length);
      }
    }
    for (const [name, member] of Object.entries(row.members)) {
      const test = member.nullable
        ? 'notnull'
        : `neq:${member.type === 'bool' ? 'true' : member.type === 'string' ? 'zz' : '0'}`;
      const res = await request(app).get(`${path}?${name}=${test}`).set(auth(rightsToRead));
      assert.equal(res.status, 200, `${name}=${test}`);
      const bad = await request(app).get(`${path}?${name}=`).set(auth(rightsToRead)).set(en);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.errors[0].memberName, name);
    }
    const unknown = await request(app).get(`${path}?$sort=nope`).set(auth(rightsToRead));
    assert.equal(unknown.status, 400);
  });

  test(`${row.segment}: get by key, 404 with the resource's name, no writes without the right`, async () => {
    const found = await request(app).get(item).set(auth(rightsToRead));
    assert.deepEqual(found.body, first);
    const missing = await request(app).get(`${path}/nope-${row.segment}`).set(auth(rightsToRead)).set(en);
    assert.equal(missing.status, 404);
    assert.equal(missing.body.detail, `There is no ${row.name} with id nope-${row.segment}.`);
    for (const [method, target, right] of [
      ['post', path, 'Create'],
      ['put', item, 'Create, Update'],
      ['delete', item, 'Delete'],
    ] as const) {
      const res = await request(app)[method](target).set(auth('viewer')).set(en).send({});
      assert.equal(res.status, 403, `${method} ${target}`);
      assert.equal(res.body.errorCode, 2);
      for (const action of right.split(', ')) assert.match(res.body.detail, new RegExp(`${row.name}${action}`));
    }
  });

  test(`${row.segment}: PUT of a stored item updates it (_v + 1); a stale _v is errorCode 6`, async () => {
    const body = { ...first, _v: undefined };
    const updated = await request(app).put(item).set(auth()).send(body);
    assert.equal(updated.status, 200);
    assert.equal(updated.body._v, first._v + 1);
    const stale = await request(app)
      .put(item)
      .set(auth())
      .set(en)
      .send({ ...body, _v: first._v });
    assert.equal(stale.status, 400);
    assert.equal(stale.body.errorCode, 6);
    assert.deepEqual(stale.body.resource, { name: row.name, id: key, version: first._v + 1 });
  });
}

test('no answer broke the strict spec view', () => {
  assert.deepEqual(violations, []);
});

test('an expired licence refuses every row with 403 errorCode 4, before the rights', async () => {
  const expired = makeTestApp({ config: { license: { expirationTime: '2000-01-01T00:00:00Z' } } });
  for (const row of RESOURCE_ROWS) {
    const key = keyOfItem(row, row.seed()[0] as Item);
    for (const [method, path] of [
      ['get', `/${row.segment}`],
      ['get', `/${row.segment}/${encodeURIComponent(key)}`],
      ['delete', `/${row.segment}/${encodeURIComponent(key)}`],
    ] as const) {
      const res = await request(expired.app)[method](path).set(expired.auth('viewer')).set(en);
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.errorCode, 4, `${method} ${path}`);
      assert.equal(res.body.title, 'Licence expired');
    }
  }
  for (const path of ['/users', '/sessions']) {
    const res = await request(expired.app).get(path).set(expired.auth('viewer')).set(en);
    assert.equal(res.body.errorCode, 4, path);
  }
});

/** The catalogue rights of the fixture users (docs/decisions.md#fixture-rights): admin all, manager the catalogue. */
const MANAGER_WRITES = ['vat', 'articleCategory', 'currency', 'plu', 'stock', 'paymentType', 'zone', 'modifier'];
const MAY_WRITE: Record<string, (name: string) => boolean> = {
  admin: () => true,
  manager: (name) => MANAGER_WRITES.includes(name),
  clerk: () => false,
  viewer: () => false,
};

for (const [user, mayWrite] of Object.entries(MAY_WRITE)) {
  test(`${user}: reads every row it may, writes exactly the rows of its rights`, async () => {
    for (const row of RESOURCE_ROWS) {
      const mayRead = row.readRights === undefined || user === 'admin';
      const list = await request(app).get(`/${row.segment}`).set(auth(user));
      assert.equal(list.status, mayRead ? 200 : 403, `${user} GET /${row.segment}`);
      // An unknown key: the right is checked first (403), then the item (404), so nothing changes.
      const gone = await request(app).delete(`/${row.segment}/none`).set(auth(user));
      assert.equal(gone.status, mayWrite(row.name) ? 404 : 403, `${user} DELETE /${row.segment}/none`);
    }
  });
}
