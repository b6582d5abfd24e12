import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, test } from 'node:test';
import { startMock, type RunningMock } from '../../src/mock.js';

let mock: RunningMock;

before(async () => {
  mock = await startMock({ config: { port: 0, count: 20, seed: 5, auth: { required: false } }, log: () => undefined });
});
after(() => mock.close());

/** A raw GET: the status, the declared Content-Length, the bytes that arrived and how the connection ended. */
function rawGet(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number | null; declared: number | null; received: number; error: string | null }> {
  return new Promise((resolve) => {
    const req = httpRequest(`${mock.url}${path}`, { headers }, (res) => {
      let received = 0;
      const declared = res.headers['content-length'] === undefined ? null : Number(res.headers['content-length']);
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? null, declared, received, error: null }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? null, declared, received, error: error.message }));
      res.on('aborted', () => resolve({ status: res.statusCode ?? null, declared, received, error: 'aborted' }));
    });
    req.on('error', (error) => resolve({ status: null, declared: null, received: 0, error: error.message }));
    req.end();
  });
}

async function control(method: string, path: string, body?: object): Promise<Response> {
  return fetch(`${mock.url}/_mock${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

test('drop: the connection closes without a response (header and rule)', async () => {
  const dropped = await rawGet('/customers', { 'X-Mock-Fault': 'drop' });
  assert.equal(dropped.status, null);
  assert.match(dropped.error ?? '', /socket hang up|ECONNRESET/);
  assert.equal(
    (await control('POST', '/faults', { kind: 'drop', scope: { route: 'customers', times: 1 } })).status,
    201,
  );
  await assert.rejects(fetch(`${mock.url}/customers`));
  assert.equal((await fetch(`${mock.url}/customers`)).status, 200, 'times: 1 has expired');
  const log = (await (await control('GET', '/requests?limit=3')).json()) as {
    items: { outcome: string; status: number | null }[];
  };
  assert.deepEqual(
    log.items.map((r) => [r.outcome, r.status]),
    [
      ['dropped', null],
      ['dropped', null],
      ['completed', 200],
    ],
  );
});

test('truncate: full Content-Length, part of the body, then the connection is cut', async () => {
  const whole = await rawGet('/customers');
  assert.equal(whole.error, null);
  const half = await rawGet('/customers', { 'X-Mock-Fault': 'truncate' });
  assert.equal(half.status, 200);
  assert.equal(half.declared, whole.received, 'headers announce the full body');
  assert.equal(half.received, Math.floor(whole.received / 2));
  assert.notEqual(half.error, null);
  const ten = await rawGet('/customers', { 'X-Mock-Fault': 'truncate=10' });
  assert.equal(ten.received, 10);
  await assert.rejects(async () =>
    (await fetch(`${mock.url}/customers`, { headers: { 'X-Mock-Fault': 'truncate' } })).json(),
  );
  const log = (await (await control('GET', '/requests?limit=1')).json()) as {
    items: { outcome: string; faults: string[] }[];
  };
  assert.deepEqual([log.items[0]?.outcome, log.items[0]?.faults], ['truncated', ['truncate']]);
});

test('latency: fixed and random ranges delay by about that much', async () => {
  const started = performance.now();
  assert.equal((await fetch(`${mock.url}/api/v2/health`, { headers: { 'X-Mock-Fault': 'latency=150' } })).status, 200);
  const fixed = performance.now() - started;
  assert.ok(fixed >= 145 && fixed < 1500, `fixed ${fixed}`);
  const again = performance.now();
  await fetch(`${mock.url}/api/v2/health`, { headers: { 'X-Mock-Fault': 'latency=50-100' } });
  const ranged = performance.now() - again;
  assert.ok(ranged >= 45 && ranged < 1000, `range ${ranged}`);
});

// Checked with bounds ten times looser than expected, as the machine may be busy. 20 requests delayed 100 ms each
// take about 100 ms in parallel (bound 1000 ms; one after another they would take 2000 ms).
test('latency never blocks: a delayed route serves concurrent requests in parallel', async () => {
  await control('POST', '/faults', { kind: 'latency', ms: 100, scope: { route: 'customer' } });
  const started = performance.now();
  const times = await Promise.all(
    Array.from({ length: 20 }, (_, i) => fetch(`${mock.url}/customers/${i}`).then(() => performance.now() - started)),
  );
  const total = performance.now() - started;
  await control('DELETE', '/faults');
  assert.ok(Math.min(...times) >= 95, `each delayed request waited (${Math.min(...times)} ms)`);
  assert.ok(total < 1000, `20 delayed requests took ${total} ms in all`);
});

// While 20 requests wait 1000 ms on one route, another route answers in about 20 ms (bound 200 ms; blocked, it
// would take at least 1000 ms).
test('latency never blocks: other routes answer while one route is delayed', async () => {
  await control('POST', '/faults', { kind: 'latency', ms: 1000, scope: { route: 'customer' } });
  const delayed = Array.from({ length: 20 }, (_, i) => fetch(`${mock.url}/customers/${i}`));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const started = performance.now();
  assert.equal((await fetch(`${mock.url}/api/v2/health`)).status, 200);
  const healthMs = performance.now() - started;
  await Promise.all(delayed);
  await control('DELETE', '/faults');
  assert.ok(healthMs < 200, `health answered in ${healthMs} ms while they waited`);
});
