import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import request from 'supertest';
import { makeTestApp, TEST_NOW } from '../support/app.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real receiver: records what arrives; answers 503 for the first `failFirst` requests of a path. */
function receiver(): Promise<{ server: Server; url: string; received: Received[]; failFirst: Map<string, number> }> {
  const received: Received[] = [];
  const failFirst = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const failures = failFirst.get(path) ?? 0;
      failFirst.set(path, failures - 1);
      res.statusCode = failures > 0 ? 503 : 204;
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received, failFirst });
    });
  });
}

/** What an integrator's receiver does: HMAC-SHA256 of the raw body with the shared secret, lowercase hex. */
function signatureValid(body: string, header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !/^[0-9a-f]{64}$/.test(header)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(header, 'hex'));
}

let hooks: Awaited<ReturnType<typeof receiver>>;
before(async () => {
  hooks = await receiver();
});
after(() => new Promise<void>((resolve) => hooks.server.close(() => resolve())));

test('create, update and delete each POST a signed notification; the receiver verifies the signature', async () => {
  const { app, auth, mock } = makeTestApp({
    config: {
      control: {
        webhooks: [{ url: `${hooks.url}/signed`, secret: 's3cret' }, { url: `${hooks.url}/plain` }],
        webhookBackoffMs: 0,
      },
    },
  });
  await request(app).post('/customers').set(auth('clerk')).send({ id: 'w1', firstName: 'Web' }).expect(201);
  await request(app).put('/customers/w1').set(auth('clerk')).send({ firstName: 'Hook', _v: 1 }).expect(200);
  await request(app).delete('/customers/w1').set(auth('manager')).expect(200);
  await mock.control.webhooks.idle();
  const signed = hooks.received.filter((r) => r.path === '/signed');
  assert.equal(signed.length, 3);
  const payloads = signed.map(
    (r) => JSON.parse(r.body) as { e: string; ca: string; r: string; p: { action: string; resource: object } },
  );
  assert.deepEqual(
    payloads.map((p) => [p.e, p.ca, p.p]),
    [
      [
        'portos.resources.changed',
        new Date(TEST_NOW).toISOString(),
        { action: 'created', resource: { name: 'customer', id: 'w1', version: 1 } },
      ],
      [
        'portos.resources.changed',
        new Date(TEST_NOW).toISOString(),
        { action: 'updated', resource: { name: 'customer', id: 'w1', version: 2 } },
      ],
      [
        'portos.resources.changed',
        new Date(TEST_NOW).toISOString(),
        { action: 'deleted', resource: { name: 'customer', id: 'w1', version: 2 } },
      ],
    ],
  );
  for (const r of signed) {
    assert.ok(signatureValid(r.body, r.headers['x-portos-webhook-signature'], 's3cret'), 'signature checks out');
    assert.ok(!signatureValid(r.body, r.headers['x-portos-webhook-signature'], 'wrong'), 'a wrong secret does not');
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
  }
  const plain = hooks.received.filter((r) => r.path === '/plain');
  assert.equal(plain.length, 3);
  assert.equal(plain[0]?.headers['x-portos-webhook-signature'], undefined, 'no secret, no signature');
  const log = await request(app).get('/_mock/webhooks');
  assert.deepEqual(log.body.targets, [
    { url: `${hooks.url}/signed`, signed: true, resources: null },
    { url: `${hooks.url}/plain`, signed: false, resources: null },
  ]);
  assert.equal(log.body.deliveries.items.length, 6);
  assert.ok(
    log.body.deliveries.items.every(
      (d: { outcome: string; status: number }) => d.outcome === 'delivered' && d.status === 204,
    ),
  );
});

test('failed deliveries are retried with backoff; every attempt is in the log; a dead receiver is given up', async () => {
  const { app, auth, mock } = makeTestApp({
    config: { control: { webhookRetries: 2, webhookBackoffMs: 5, webhookTimeoutMs: 1000 } },
  });
  hooks.failFirst.set('/flaky', 2);
  await request(app)
    .post('/_mock/webhooks')
    .send({ url: `${hooks.url}/flaky`, secret: 'k' })
    .expect(201);
  await request(app).post('/_mock/webhooks').send({ url: 'http://127.0.0.1:9/closed' }).expect(201);
  await request(app).post('/customers').set(auth()).send({ id: 'w2' }).expect(201);
  await mock.control.webhooks.idle();
  const attempts = hooks.received.filter((r) => r.path === '/flaky');
  assert.equal(attempts.length, 3);
  assert.deepEqual(
    attempts.map((r) => r.headers['x-mock-webhook-attempt']),
    ['1', '2', '3'],
  );
  assert.equal(
    new Set(attempts.map((r) => r.headers['x-mock-webhook-delivery'])).size,
    1,
    'one delivery id across retries',
  );
  assert.equal(new Set(attempts.map((r) => r.body)).size, 1, 'the same signed body each time');
  const log = (await request(app).get('/_mock/webhooks')).body.deliveries.items as {
    url: string;
    attempt: number;
    outcome: string;
    status: number | null;
    error: string | null;
  }[];
  const flaky = log.filter((d) => d.url.endsWith('/flaky')).map((d) => [d.attempt, d.outcome, d.status]);
  assert.deepEqual(flaky, [
    [1, 'retrying', 503],
    [2, 'retrying', 503],
    [3, 'delivered', 204],
  ]);
  const dead = log.filter((d) => d.url.endsWith('/closed'));
  assert.deepEqual(
    dead.map((d) => [d.attempt, d.outcome, d.status]),
    [
      [1, 'retrying', null],
      [2, 'retrying', null],
      [3, 'failed', null],
    ],
  );
  assert.ok(dead.every((d) => d.error !== null && d.error.length > 0));
});

test('a resource filter that does not name customers receives nothing; writes that fail notify nobody', async () => {
  const { app, auth, mock } = makeTestApp({
    config: {
      control: {
        webhooks: [
          { url: `${hooks.url}/orders`, resources: ['order'] },
          { url: `${hooks.url}/customers`, resources: ['customer'] },
        ],
      },
    },
  });
  await request(app).post('/customers').set(auth()).send({ id: 'w3' }).expect(201);
  await request(app).post('/customers').set(auth()).send({ id: 'w3' }).expect(400);
  await request(app).delete('/customers/nope').set(auth()).expect(404);
  await mock.control.webhooks.idle();
  assert.equal(hooks.received.filter((r) => r.path === '/orders').length, 0);
  assert.equal(hooks.received.filter((r) => r.path === '/customers').length, 1);
});

test('the change log: identity, time and _v before/after of every write', async () => {
  const { app, auth, clock } = makeTestApp();
  await request(app).post('/customers').set(auth('clerk')).send({ id: 'l1' });
  clock.advance(1000);
  await request(app).put('/customers/l1').set(auth('manager')).send({ firstName: 'L' });
  await request(app).put('/customers/l2').set(auth('clerk')).send({});
  await request(app).delete('/customers/l1').set(auth('admin'));
  const res = await request(app).get('/_mock/changes');
  const rows = res.body.items.map(
    (c: { action: string; id: string; identity: string; before: number | null; after: number | null; at: string }) => [
      c.action,
      c.id,
      c.identity,
      c.before,
      c.after,
      c.at,
    ],
  );
  const t0 = new Date(TEST_NOW).toISOString();
  const t1 = new Date(TEST_NOW + 1000).toISOString();
  assert.deepEqual(rows, [
    ['created', 'l1', 'clerk', null, 1, t0],
    ['updated', 'l1', 'manager', 1, 2, t1],
    ['created', 'l2', 'clerk', null, 1, t1],
    ['deleted', 'l1', 'admin', 2, null, t1],
  ]);
  const since = await request(app).get(`/_mock/changes?since=${res.body.items[1].seq}&limit=1`);
  assert.deepEqual(
    since.body.items.map((c: { action: string }) => c.action),
    ['deleted'],
  );
});
