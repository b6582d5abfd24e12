import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import request from 'supertest';
import { signNws4 } from '../../src/auth/nws4.js';
import { controlledClock } from '../../src/control/controlled-clock.js';
import { FIRST_INSTANT, LAST_INSTANT } from '../../src/dates/read-date.js';
import { fixedClock } from '../../src/domain/clock.js';
import { authFailures } from '../../src/i18n/en-GB/auth.js';
import { makeTestApp, TEST_NOW } from '../support/app.js';

const DAY = 86_400_000;

test('controlledClock: a running offset is exact even when the base ticks between two readings', () => {
  let ms = 0;
  const clock = controlledClock({ now: () => ++ms });
  const cases: [string, () => void, number][] = [
    ['untouched', () => undefined, 0],
    ['advanced by 1 h', () => clock.advance(3_600_000), 3_600_000],
    ['back to real time', () => clock.reset(), 0],
  ];
  for (const [name, act, offsetMs] of cases) {
    act();
    assert.equal(clock.state().offsetMs, offsetMs, name);
  }
});

test('controlledClock: reads its base until moved; freeze, set, advance, resume', () => {
  const base = fixedClock(1_000);
  const clock = controlledClock(base);
  const steps: [string, () => void, { nowMs: number; frozen: boolean; offsetMs: number }][] = [
    ['untouched follows the base', () => base.advance(500), { nowMs: 1_500, frozen: false, offsetMs: 0 }],
    [
      'advance while running keeps running ahead',
      () => clock.advance(100),
      { nowMs: 1_600, frozen: false, offsetMs: 100 },
    ],
    ['the base moves on, the offset stays', () => base.advance(400), { nowMs: 2_000, frozen: false, offsetMs: 100 }],
    ['freeze stops where it is', () => clock.freeze(), { nowMs: 2_000, frozen: true, offsetMs: 100 }],
    ['frozen ignores the base', () => base.advance(1_000), { nowMs: 2_000, frozen: true, offsetMs: -900 }],
    ['set while frozen stays frozen', () => clock.set(5_000), { nowMs: 5_000, frozen: true, offsetMs: 2_100 }],
    ['advance while frozen', () => clock.advance(-1_000), { nowMs: 4_000, frozen: true, offsetMs: 1_100 }],
    ['resume runs on from the reading', () => clock.resume(), { nowMs: 4_000, frozen: false, offsetMs: 1_100 }],
    ['and follows the base again', () => base.advance(10), { nowMs: 4_010, frozen: false, offsetMs: 1_100 }],
    ['freeze at an instant', () => clock.freeze(9_000), { nowMs: 9_000, frozen: true, offsetMs: 6_090 }],
    ['reset: the base again', () => clock.reset(), { nowMs: 2_910, frozen: false, offsetMs: 0 }],
  ];
  for (const [name, act, expected] of steps) {
    act();
    const { nowMs, frozen, offsetMs } = clock.state();
    assert.deepEqual({ nowMs, frozen, offsetMs }, expected, name);
    assert.equal(clock.now(), expected.nowMs, name);
  }
});

const qa = JSON.parse(readFileSync('fixtures/control/customers.qa.json', 'utf8')) as { customers: object[] };

test('"the customer expires tomorrow": advancing the clock flips the derived status and IsExpired', async () => {
  const { app, auth } = makeTestApp();
  await request(app).put('/_mock/customers').send(qa);
  const status = async (id: string) => (await request(app).get(`/customers/${id}`).set(auth())).body.status as string;
  assert.equal(await status('qa-expires-tomorrow'), 'Valid');
  assert.equal(await status('qa-not-yet-valid'), 'NotYetValid');
  const advanced = await request(app).post('/_mock/clock/advance').send({ by: '1d' });
  assert.equal(advanced.status, 200);
  assert.equal(advanced.body.now, new Date(TEST_NOW + DAY).toISOString());
  assert.equal(await status('qa-expires-tomorrow'), 'Expired');
  const expired = await request(app).get('/customers?IsExpired=true&$count=true').set(auth());
  assert.equal(expired.body.totalCount, 1);
  await request(app).post('/_mock/clock/set').send({ at: '2025-06-03T00:00:00Z' });
  assert.equal(await status('qa-not-yet-valid'), 'Valid');
  await request(app).post('/_mock/clock/set').send({ at: TEST_NOW });
  assert.equal(await status('qa-expires-tomorrow'), 'Valid');
});

test('"the token has expired": a token outlives its lifetime on the mock clock only', async () => {
  const { app, auth } = makeTestApp({ config: { auth: { tokenLifetimeSeconds: 600 } } });
  const headers = auth('viewer');
  assert.equal((await request(app).get('/customers').set(headers)).status, 200);
  await request(app).post('/_mock/clock/advance').send({ by: '10m' });
  const res = await request(app).get('/customers').set(headers).set('Accept-Language', 'en-GB');
  assert.equal(res.status, 401);
  assert.equal(res.body.detail, authFailures['expired-token']);
  await request(app).post('/_mock/clock/advance').send({ by: -1000 });
  assert.equal((await request(app).get('/customers').set(headers)).status, 200, 'one second earlier it is valid again');
});

test('the NWS4 window follows the mock clock', async () => {
  const { app } = makeTestApp();
  const signed = (at: number) => {
    const headers = { host: 'mock.test' };
    return {
      ...headers,
      ...signNws4(
        { method: 'GET', url: 'http://mock.test/customers', headers, body: '' },
        { clientId: 'integrator', clientSecret: 'integrator-secret' },
        new Date(at),
      ),
    };
  };
  assert.equal((await request(app).get('/customers').set(signed(TEST_NOW))).status, 200);
  await request(app).post('/_mock/clock/advance').send({ by: '151s' });
  assert.equal((await request(app).get('/customers').set(signed(TEST_NOW))).status, 401, 'signed 151 s ago');
  assert.equal(
    (
      await request(app)
        .get('/customers')
        .set(signed(TEST_NOW + 151_000))
    ).status,
    200,
    'signed on the mock clock',
  );
});

test('clock routes: state, freeze (now or at), resume, durations', async () => {
  const { app } = makeTestApp();
  const state = await request(app).get('/_mock/clock');
  assert.deepEqual(state.body, { now: new Date(TEST_NOW).toISOString(), nowMs: TEST_NOW, frozen: false, offsetMs: 0 });
  const frozen = await request(app).post('/_mock/clock/freeze').send({ at: '2030-01-01T00:00:00' });
  assert.deepEqual([frozen.body.now, frozen.body.frozen], ['2030-01-01T00:00:00.000Z', true]);
  const cases: [unknown, number][] = [
    ['1h30m', 5_400_000],
    ['-2h', -7_200_000],
    ['500ms', 500],
    [86_400_000, DAY],
  ];
  for (const [by, ms] of cases) {
    const before = (await request(app).get('/_mock/clock')).body.nowMs as number;
    const after = (await request(app).post('/_mock/clock/advance').send({ by })).body.nowMs as number;
    assert.equal(after - before, ms, String(by));
  }
  const resumed = await request(app).post('/_mock/clock/resume').set('Content-Type', 'application/json');
  assert.equal(resumed.body.frozen, false);
  const now = await request(app).post('/_mock/clock/freeze').set('Content-Type', 'application/json');
  assert.equal(now.body.nowMs, resumed.body.nowMs, 'freeze without at keeps the reading');
  const reset = await request(app).post('/_mock/clock/reset').set('Content-Type', 'application/json');
  assert.deepEqual(reset.body, state.body, 'reset: the underlying clock again');
});

test('controlledClock: moving out of the years 0001-9999 is a RangeError that changes nothing; running stops at the edge', () => {
  const base = fixedClock(TEST_NOW);
  const clock = controlledClock(base);
  const refused: [string, () => void][] = [
    ['set past 9999', () => clock.set(LAST_INSTANT + 1)],
    ['set before 0001', () => clock.set(FIRST_INSTANT - 1)],
    ['advance past 9999', () => clock.advance(LAST_INSTANT)],
    ['advance before 0001', () => clock.advance(-TEST_NOW + FIRST_INSTANT - 1)],
    ['freeze past 9999', () => clock.freeze(LAST_INSTANT + 1)],
  ];
  for (const [name, act] of refused) {
    assert.throws(act, RangeError, name);
    assert.deepEqual(clock.state(), controlledClock(base).state(), name);
  }
  clock.set(LAST_INSTANT);
  base.advance(DAY);
  assert.equal(clock.state().now, '9999-12-31T23:59:59.999Z', 'a running clock stops at the last instant');
});

const LAST_TEXT = '9999-12-31T23:59:59.999Z';
const FIRST_TEXT = '0001-01-01T00:00:00.000Z';

test('clock routes: anything that would leave the years 0001-9999 is a 400 naming the member, the clock unchanged', async () => {
  const { app } = makeTestApp();
  const cases: [path: string, body: object, member: string][] = [
    ['/_mock/clock/advance', { by: '100000000d' }, 'by'],
    ['/_mock/clock/advance', { by: '-800000d' }, 'by'],
    ['/_mock/clock/advance', { by: LAST_INSTANT }, 'by'],
    ['/_mock/clock/set', { at: LAST_INSTANT + 1 }, 'at'],
    ['/_mock/clock/set', { at: FIRST_INSTANT - 1 }, 'at'],
    ['/_mock/clock/set', { at: -8.64e15 - 1 }, 'at'],
    ['/_mock/clock/set', { at: '9999-12-31T23:59:59.999-00:01' }, 'at'],
    ['/_mock/clock/set', { at: '0001-01-01T00:00:00+00:01' }, 'at'],
    ['/_mock/clock/freeze', { at: LAST_INSTANT + 1 }, 'at'],
    ['/_mock/clock/freeze', { at: '0001-01-01T00:59:00+01:00' }, 'at'],
  ];
  const before = (await request(app).get('/_mock/clock')).body;
  for (const [path, body, member] of cases) {
    const label = `${path} ${JSON.stringify(body)}`;
    const en = await request(app).post(path).set('Accept-Language', 'en-GB').send(body);
    assert.equal(en.status, 400, label);
    assert.equal(en.body.errorCode, 3, label);
    assert.deepEqual(
      en.body.errors.map((e: { memberName: string; message: string }) => [e.memberName, e.message]),
      [[member, `The clock must stay between ${FIRST_TEXT} and ${LAST_TEXT}.`]],
      label,
    );
    const sk = await request(app).post(path).set('Accept-Language', 'sk-SK').send(body);
    assert.equal(sk.body.errors[0].message, `Hodiny musia zostať medzi ${FIRST_TEXT} a ${LAST_TEXT}.`, label);
    assert.deepEqual((await request(app).get('/_mock/clock')).body, before, `${label} changes nothing`);
    assert.equal((await request(app).get('/_mock')).status, 200, label);
  }
  const edges: [path: string, body: object, now: string][] = [
    ['/_mock/clock/set', { at: LAST_TEXT }, LAST_TEXT],
    ['/_mock/clock/set', { at: FIRST_INSTANT }, FIRST_TEXT],
    ['/_mock/clock/advance', { by: LAST_INSTANT - FIRST_INSTANT }, LAST_TEXT],
    ['/_mock/clock/freeze', { at: '0001-01-01T01:00:00+01:00' }, FIRST_TEXT],
  ];
  for (const [path, body, now] of edges) {
    const res = await request(app).post(path).send(body);
    assert.deepEqual([res.status, res.body.now], [200, now], `${path} ${JSON.stringify(body)}`);
  }
});
