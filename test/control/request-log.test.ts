import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import request from 'supertest';
import { BoundedLog } from '../../src/control/bounded-log.js';
import { createMock } from '../../src/mock.js';
import { makeTestApp } from '../support/app.js';

test('BoundedLog keeps the newest entries, numbered; since, limit and clear', () => {
  const log = new BoundedLog<{ n: number }>(3);
  for (let n = 1; n <= 5; n++) log.push({ n });
  const cases: [string, () => number[], number[]][] = [
    ['the newest three', () => log.items().map((e) => e.n), [3, 4, 5]],
    ['numbered from 1 in arrival order', () => log.items().map((e) => e.seq), [3, 4, 5]],
    ['since a seq', () => log.items({ since: 4 }).map((e) => e.n), [5]],
    ['since an old seq', () => log.items({ since: 1 }).map((e) => e.n), [3, 4, 5]],
    ['the last n', () => log.items({ limit: 2 }).map((e) => e.n), [4, 5]],
    ['dropped and size', () => [log.dropped, log.size], [2, 3]],
  ];
  for (const [name, actual, expected] of cases) assert.deepEqual(actual(), expected, name);
  log.clear();
  assert.deepEqual([log.size, log.items().length], [0, 0]);
  log.push({ n: 6 });
  assert.deepEqual(
    log.items().map((e) => [e.n, e.seq]),
    [[6, 6]],
    'numbering goes on after clear',
  );
  const none = new BoundedLog<{ n: number }>(0);
  none.push({ n: 1 });
  assert.deepEqual([none.items(), none.dropped], [[], 1]);
});

test('the request log: method, url, status, latency, identity; bounded; control requests left out', async () => {
  const { app, auth } = makeTestApp({ config: { control: { requestLogSize: 3 } } });
  await request(app).get('/api/v2/health');
  await request(app).get('/customers/none').set(auth('viewer'));
  await request(app).get('/customers');
  await request(app).post('/customers?x=1').set(auth('clerk')).send({ id: 'r1' });
  await request(app).get('/_mock/counts');
  const res = await request(app).get('/_mock/requests');
  assert.equal(res.body.capacity, 3);
  assert.equal(res.body.dropped, 1);
  const rows = res.body.items.map(
    (r: { method: string; url: string; status: number; identity: string | null; outcome: string }) => [
      r.method,
      r.url,
      r.status,
      r.identity,
      r.outcome,
    ],
  );
  assert.deepEqual(rows, [
    ['GET', '/customers/none', 404, 'viewer', 'completed'],
    ['GET', '/customers', 401, null, 'completed'],
    ['POST', '/customers?x=1', 201, 'clerk', 'completed'],
  ]);
  for (const r of res.body.items) {
    assert.equal(typeof r.latencyMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(r.at)));
  }
  assert.equal((await request(app).delete('/_mock/requests')).status, 204);
  assert.deepEqual((await request(app).get('/_mock/requests')).body.items, []);
});

test('requests are logged on the console as structured JSON lines (pino)', async () => {
  const out = new PassThrough();
  const lines: string[] = [];
  out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
  const mock = createMock({
    config: { count: 0, auth: { required: false } },
    console: pino(out),
    log: () => undefined,
  });
  await request(mock.app).get('/customers').set('X-Mock-Fault', 'status=500');
  await new Promise((resolve) => setImmediate(resolve));
  const line = JSON.parse(lines.at(-1) ?? '{}') as {
    msg: string;
    level: number;
    req: { method: string; status: number; identity: string; faults: string[] };
  };
  assert.equal(line.msg, 'request');
  assert.equal(line.level, 30);
  assert.deepEqual(
    [line.req.method, line.req.status, line.req.identity, line.req.faults],
    ['GET', 500, null, ['status=500']],
  );
});
