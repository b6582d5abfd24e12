// Every place that reads a date (the clock, the customer bodies, state files, NData values) agrees on what a date
// is, and every date the mock writes has milliseconds.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import request from 'supertest';
import { createMock } from '../../src/mock.js';
import { makeTestApp } from '../support/app.js';

const NOT_DATES = [
  '2024-02-30T00:00:00Z',
  '2023-02-29T12:00:00Z',
  '2025-04-31T00:00:00Z',
  '0000-06-01T00:00:00Z',
  '2025-01-01T24:00:00Z',
  '0001-01-01T00:00:00+01:00',
];

test('a text that is no date is refused by the clock, the customer API, the state file and NData alike', async () => {
  const { app, auth } = makeTestApp({ checkSpec: false });
  const before = (await request(app).get('/_mock/clock')).body;
  for (const text of NOT_DATES) {
    const clock = await request(app).post('/_mock/clock/set').send({ at: text });
    assert.deepEqual([clock.status, clock.body.errors?.[0]?.memberName], [400, 'at'], `clock ${text}`);
    assert.deepEqual((await request(app).get('/_mock/clock')).body, before, `clock ${text} unchanged`);
    const body = await request(app).post('/customers').set(auth()).send({ firstName: 'D', activationTime: text });
    assert.deepEqual([body.status, body.body.errors?.[0]?.memberName], [400, 'activationTime'], `body ${text}`);
    const loaded = await request(app)
      .put('/_mock/customers')
      .send([{ id: 'd1', expirationTime: text }]);
    assert.equal(loaded.status, 400, `load ${text}`);
    const query = await request(app)
      .get(`/customers?ExpirationTime=lt:${encodeURIComponent(text)}`)
      .set(auth());
    assert.equal(query.status, 400, `NData ${text}`);
    const dir = mkdtempSync(join(tmpdir(), 'portos-mock-dates-'));
    writeFileSync(join(dir, 'state.json'), JSON.stringify([{ id: 'd1', expirationTime: text }]));
    assert.throws(
      () => createMock({ config: { control: { stateFile: join(dir, 'state.json') } } }),
      /expirationTime/,
      `state file ${text}`,
    );
  }
});

test('every date is written with milliseconds: clock, customers, state', async () => {
  const { app, auth } = makeTestApp({ checkSpec: false });
  const clock = await request(app).post('/_mock/clock/set').send({ at: '2026-03-01T10:00' });
  assert.equal(clock.body.now, '2026-03-01T10:00:00.000Z');
  const created = await request(app)
    .post('/customers')
    .set(auth())
    .send({ id: 'ms', activationTime: '2026-01-01T10:00+01:00', expirationTime: '2030-01-01T00:00:00.1234567Z' });
  assert.equal(created.status, 201);
  assert.deepEqual(
    [created.body.activationTime, created.body.expirationTime],
    ['2026-01-01T09:00:00.000Z', '2030-01-01T00:00:00.123Z'],
  );
  const state = (await request(app).get('/_mock/state')).body;
  assert.match(state.savedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});
