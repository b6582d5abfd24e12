// One id rule for every write (docs/decisions.md#ids): 1-64 of A-Z a-z 0-9 - _, from a POST body or a PUT path,
// so every accepted id round-trips through the state file, GET /_mock/state and PUT /_mock/customers.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import request from 'supertest';
import { CUSTOMER_ID_PATTERN } from '../../src/domain/customer-id.js';
import { createMock } from '../../src/mock.js';
import { sequentialIds } from '../../src/store/ids.js';

const GOOD = ['a', 'A-z_09', 'x'.repeat(64), '5f3e1c2b9a8d7e6f5a4b3c2d', '-', '_'];
const BAD = ['a b', 'x'.repeat(65), 'ä', 'a.b', 'a/b', 'a~b', "a'b", 'a+b', ' a', 'a:b'];

function mockWith(stateFile: string) {
  return createMock({
    config: { count: 0, auth: { required: false }, control: { stateFile } },
    ids: sequentialIds(),
    log: () => undefined,
  });
}

test('the rule is the spec pattern of a POST body id', () => {
  assert.ok(readFileSync('spec/openapi.yaml', 'utf8').includes(`pattern: ${CUSTOMER_ID_PATTERN}\n`));
});

test('an id that breaks the rule is a 400 naming id, on POST and PUT alike; GET and DELETE of it are 404s', async () => {
  const { app } = mockWith(join(mkdtempSync(join(tmpdir(), 'portos-mock-ids-')), 'state.json'));
  for (const id of BAD) {
    const path = `/customers/${encodeURIComponent(id)}`;
    const writes = [
      ['POST', await request(app).post('/customers').send({ id, firstName: 'Bad' })],
      ['PUT', await request(app).put(path).send({ firstName: 'Bad' })],
    ] as const;
    for (const [method, res] of writes) {
      assert.equal(res.status, 400, `${method} ${id}`);
      assert.equal(res.body.errorCode, 3, id);
      assert.deepEqual(
        res.body.errors.map((e: { memberName: string }) => e.memberName),
        ['id'],
        id,
      );
    }
    assert.equal((await request(app).get(path)).status, 404, `GET ${id}`);
    assert.equal((await request(app).delete(path)).status, 404, `DELETE ${id}`);
  }
  const both = await request(app).put('/customers/a%20b').send({ firstName: 1 });
  assert.deepEqual(
    both.body.errors.map((e: { memberName: string }) => e.memberName),
    ['id', 'firstName'],
    'the path id is listed with the body problems',
  );
});

test('every accepted id round-trips through --state, GET /_mock/state and PUT /_mock/customers', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'portos-mock-ids-')), 'state.json');
  const first = mockWith(path);
  for (const [i, id] of GOOD.entries()) {
    const res =
      i % 2 === 0
        ? await request(first.app)
            .put(`/customers/${encodeURIComponent(id)}`)
            .send({ firstName: 'Put' })
        : await request(first.app).post('/customers').send({ id, firstName: 'Posted' });
    assert.equal(res.status, 201, id);
  }
  const state = (await request(first.app).get('/_mock/state')).body;
  await first.shutdown();
  const second = mockWith(path);
  assert.deepEqual(
    second.store.list().map((c) => c.id),
    GOOD,
    'a restart takes the file it wrote',
  );
  await request(second.app).put('/_mock/customers').send(state).expect(200);
  for (const id of GOOD)
    await request(second.app)
      .get(`/customers/${encodeURIComponent(id)}`)
      .expect(200);
  await second.shutdown();
});
