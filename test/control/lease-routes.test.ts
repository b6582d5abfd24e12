import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { startMock, type RunningMock } from '../../src/mock.js';
import { makeTestApp } from '../support/app.js';

// The lease routes over HTTP: shared leases together, an exclusive one held until they are released, expiry on
// the real clock (the mock clock does not count), renew, release, and what is refused.

const JSON_TYPE = { 'Content-Type': 'application/json', 'Accept-Language': 'en-GB' };

function fresh() {
  const t = makeTestApp();
  const post = (path: string, body: object = {}) => request(t.app).post(`/_mock${path}`).set(JSON_TYPE).send(body);
  const waiting = async () => ((await request(t.app).get('/_mock/lease')).body as { waiting: unknown[] }).waiting;
  return { ...t, post, waiting };
}

test('shared leases are granted together; GET /_mock/lease and GET /_mock show them', async () => {
  const { app, post, mock } = fresh();
  const a = await post('/lease', { mode: 'shared' });
  const b = await post('/lease', { mode: 'shared', ttlMs: 5_000 });
  assert.deepEqual([a.status, b.status], [201, 201]);
  assert.deepEqual(Object.keys(a.body), ['id', 'mode', 'ttlMs', 'expiresAt']);
  assert.deepEqual([a.body.mode, a.body.ttlMs, b.body.ttlMs], ['shared', 60_000, 5_000]);
  assert.equal(a.body.expiresAt, new Date(mock.clock.now() + 60_000).toISOString());
  assert.notEqual(a.body.id, b.body.id);
  const list = await request(app).get('/_mock/lease');
  assert.deepEqual(
    list.body.items.map((l: { id: string }) => l.id),
    [a.body.id, b.body.id],
  );
  assert.deepEqual((await request(app).get('/_mock')).body.leases, { shared: 2, exclusive: 0, waiting: 0 });
});

test('an exclusive request is held until every shared lease is released, then granted', async () => {
  const { app, post, waiting } = fresh();
  const a = (await post('/lease', { mode: 'shared' })).body.id as string;
  const b = (await post('/lease', { mode: 'shared' })).body.id as string;
  const events: string[] = [];
  const exclusive = post('/lease', { mode: 'exclusive' }).then((res) => {
    events.push(`exclusive ${res.status}`);
    return res;
  });
  while ((await waiting()).length === 0) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(await waiting(), [{ mode: 'exclusive', ttlMs: 60_000 }]);
  const shared = await post('/lease', { mode: 'shared', waitMs: 0 });
  assert.equal(shared.status, 423, 'a shared request does not overtake the waiting exclusive one');
  events.push('release a');
  assert.equal((await request(app).delete(`/_mock/lease/${a}`)).status, 204);
  assert.deepEqual(events, ['release a'], 'one shared lease is still held');
  events.push('release b');
  assert.equal((await request(app).delete(`/_mock/lease/${b}`)).status, 204);
  const granted = await exclusive;
  assert.deepEqual(events, ['release a', 'release b', 'exclusive 201']);
  assert.equal(granted.body.mode, 'exclusive');
  assert.deepEqual((await request(app).get('/_mock')).body.leases, { shared: 0, exclusive: 1, waiting: 0 });
});

test('not free within waitMs: 423 lease_busy with Retry-After, localized; nothing stays queued', async () => {
  const { app, post, waiting } = fresh();
  await post('/lease', { mode: 'exclusive' });
  const tried = await post('/lease', { mode: 'shared', waitMs: 0 });
  assert.equal(tried.status, 423);
  assert.equal(tried.headers['retry-after'], '1');
  assert.equal(tried.body.title, 'The mock is leased');
  assert.equal(tried.body.detail, 'No shared lease was free within 0 ms (held: 1 exclusive, 0 shared); ask again.');
  const waited = await request(app)
    .post('/_mock/lease')
    .set({ ...JSON_TYPE, 'Accept-Language': 'sk-SK' })
    .send({ mode: 'exclusive', waitMs: 1 });
  assert.equal(waited.status, 423);
  assert.equal(waited.headers['retry-after'], '0', 'after a held wait: ask again at once');
  assert.equal(waited.body.title, 'Mock je prenajatý');
  assert.deepEqual(await waiting(), []);
});

test('a lease expires on the real clock; moving the mock clock does not expire it', async () => {
  const { app, post, clock } = fresh();
  const shared = await post('/lease', { mode: 'shared', ttlMs: 1_000 });
  assert.equal((await post('/clock/advance', { by: '1d' })).status, 200);
  assert.equal((await post('/lease', { mode: 'exclusive', waitMs: 0 })).status, 423, 'still held');
  assert.equal((await post('/clock/reset')).status, 200);
  clock.advance(999);
  assert.equal((await post('/lease', { mode: 'exclusive', waitMs: 0 })).status, 423, 'held until ttlMs has passed');
  clock.advance(1);
  const exclusive = await post('/lease', { mode: 'exclusive', waitMs: 0 });
  assert.equal(exclusive.status, 201);
  assert.equal((await request(app).delete(`/_mock/lease/${shared.body.id}`)).status, 404, 'the expired one is gone');
});

test('renew: another ttlMs from now; release; unknown ids are 404 naming the lease', async () => {
  const { app, post, clock } = fresh();
  const id = (await post('/lease', { mode: 'shared', ttlMs: 1_000 })).body.id as string;
  clock.advance(900);
  const renewed = await post(`/lease/${id}/renew`);
  assert.equal(renewed.status, 200);
  assert.equal(renewed.body.expiresAt, new Date(clock.now() + 1_000).toISOString());
  const longer = await post(`/lease/${id}/renew`, { ttlMs: 10_000 });
  assert.equal(longer.body.ttlMs, 10_000);
  clock.advance(5_000);
  assert.equal((await post('/lease', { mode: 'exclusive', waitMs: 0 })).status, 423, 'renewed, still held');
  assert.equal((await request(app).delete(`/_mock/lease/${id}`)).status, 204);
  assert.equal((await post('/lease', { mode: 'exclusive', waitMs: 0 })).status, 201, 'released');
  for (const res of [await post('/lease/nope/renew'), await request(app).delete('/_mock/lease/nope').set(JSON_TYPE)]) {
    assert.equal(res.status, 404);
    assert.equal(res.body.detail, 'There is no lease with id nope.');
  }
});

test('refused: a bad body (400, every member), a POST not declared JSON (415), other methods (405)', async () => {
  const { app, post, waiting } = fresh();
  const bad = await post('/lease', { mode: 'both', ttlMs: 1, extra: true });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors.map((e: { memberName: string }) => e.memberName).sort(), ['extra', 'mode', 'ttlMs']);
  const plain = await request(app).post('/_mock/lease').set('Content-Type', 'text/plain').send('{"mode":"shared"}');
  assert.equal(plain.status, 415);
  assert.equal((await request(app).put('/_mock/lease')).status, 405);
  assert.equal((await request(app).get('/_mock/lease/x')).status, 405);
  assert.deepEqual((await request(app).get('/_mock/lease')).body.items, [], 'nothing was granted');
  assert.deepEqual(await waiting(), []);
});

test('with a control token, the lease routes need it like every control route', async () => {
  const t = makeTestApp({ config: { control: { token: 'T' } } });
  const without = await request(t.app).post('/_mock/lease').set(JSON_TYPE).send({ mode: 'shared' });
  assert.equal(without.status, 401);
  const withToken = await request(t.app)
    .post('/_mock/lease')
    .set({ ...JSON_TYPE, 'X-Mock-Control-Token': 'T' })
    .send({ mode: 'shared' });
  assert.equal(withToken.status, 201);
});

/** A listening mock for the test that needs a real connection to drop; closed even when that test fails. */
let mock: RunningMock;
before(async () => {
  mock = await startMock({ config: { port: 0, count: 0 }, log: () => undefined });
});
after(() => mock.close());

test('a caller that goes away while its request is held withdraws it (it is not granted later)', {
  timeout: 20_000,
}, async () => {
  const call = (method: string, path: string, body?: object) =>
    fetch(`${mock.url}/_mock${path}`, {
      method,
      headers: JSON_TYPE,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const shared = (await (await call('POST', '/lease', { mode: 'shared' })).json()) as { id: string };
  // The signal the route hands the gate: it must abort when the caller goes away.
  const { leases } = mock.control;
  const acquire = leases.acquire.bind(leases);
  let aborted: Promise<unknown> | undefined;
  leases.acquire = (mode, ttlMs, waitMs, signal) => {
    aborted = new Promise((resolve) => signal?.addEventListener('abort', resolve));
    return acquire(mode, ttlMs, waitMs, signal);
  };
  const gone = new AbortController();
  const held = fetch(`${mock.url}/_mock/lease`, {
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify({ mode: 'exclusive' }),
    signal: gone.signal,
  }).catch((error: unknown) => error);
  const waiting = async () => mock.control.leases.list().waiting.length;
  while ((await waiting()) === 0) await new Promise((resolve) => setImmediate(resolve));
  gone.abort();
  assert.ok((await held) instanceof Error, 'the client gave up');
  await aborted;
  assert.equal(await waiting(), 0, 'withdrawn at once');
  assert.equal((await call('DELETE', `/lease/${shared.id}`)).status, 204);
  assert.equal((await call('POST', '/lease', { mode: 'shared', waitMs: 0 })).status, 201, 'nothing exclusive got it');
  assert.deepEqual(
    mock.control.leases.list().leases.map((l) => l.mode),
    ['shared'],
  );
});
