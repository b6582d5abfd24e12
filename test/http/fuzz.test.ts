// Property-based HTTP fuzzing against an in-process mock: bodies, encodings, charsets, headers, ids, NData queries
// and control-API inputs. After every case: no 5xx, the mock still answers, and a rejected request (4xx) left the
// customers exactly as they were. A fixed seed and number of runs keep it deterministic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';
import { generateCustomers } from '../../src/store/seed.js';

// Fixed, so every run is the same; FUZZ_SEED / FUZZ_RUNS explore further by hand.
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 200);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_251_201);

const { app, mock, store, auth } = makeTestApp({
  customers: generateCustomers({ seed: 7, count: 5 }),
  config: { bodyLimitBytes: 16 * 1024 },
});
const firstId = store.list()[0]?.id ?? 'none';

/** Text a header may carry (printable ASCII). */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
/** Any text, unicode and controls included. */
const anyText = fc.string({ unit: 'grapheme', maxLength: 30 });

const id = fc.oneof(
  fc.constant(firstId),
  anyText.map(encodeURIComponent),
  fc.constantFrom('%', '%zz', '%00', '..', '%2e%2e', 'a%2Fb', 'x'.repeat(300), '%F0%9F%98%80', '%C0%AF', '%FF'),
);

const queryValue = fc.oneof(
  anyText.map(encodeURIComponent),
  fc.constantFrom(
    '%',
    '%zz',
    ',,,',
    '-',
    'eq:',
    'gt:1;lt:',
    'startswith:',
    'in:a,b',
    '1e400',
    '-0',
    '99999999999999999999',
  ),
);
const queryName = fc.constantFrom(
  '$sort',
  '$take',
  '$skip',
  '$count',
  '$include',
  'Search',
  'DiscountRate',
  'CardSerialNumber',
  'IsActive',
  'FirstName',
  'ActivationTime',
  '$unknown',
  '%zz',
);
const query = fc
  .array(fc.tuple(queryName, queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([n, v]) => `${n}=${v}`).join('&')}`));

const route = fc.oneof(
  fc.record({
    method: fc.constantFrom('GET', 'POST', 'HEAD', 'DELETE', 'PATCH'),
    path: query.map((q) => `/customers${q}`),
  }),
  fc.record({ method: fc.constantFrom('GET', 'PUT', 'DELETE', 'POST'), path: id.map((i) => `/customers/${i}`) }),
  fc.record({
    method: fc.constantFrom('POST', 'GET', 'DELETE', 'PUT'),
    path: fc.constantFrom('/api/auth', '/api/auth/refresh'),
  }),
  fc.record({ method: fc.constant('GET'), path: fc.constantFrom('/api/v2/health', '/openapi.json', '/nothing') }),
  fc.record({
    method: fc.constantFrom('PUT', 'POST', 'DELETE'),
    path: fc.constantFrom(
      '/_mock/customers',
      '/_mock/faults',
      '/_mock/clock/set',
      '/_mock/clock/advance',
      '/_mock/clock/freeze',
      '/_mock/webhooks',
      '/_mock/snapshots/s1',
      '/_mock/locks/x',
    ),
  }),
);

/** JSON shaped like what the routes read, with wrong and hostile members mixed in. */
const customerLike = fc.record(
  {
    id: fc.oneof(anyText, fc.integer(), fc.constant(null)),
    firstName: fc.oneof(anyText, fc.integer(), fc.constant(null), fc.array(anyText, { maxLength: 2 })),
    lastName: anyText,
    email: anyText,
    birthDate: fc.oneof(anyText, fc.constantFrom('1990-02-30', '0000-01-01', '9999-12-31T23:59:59Z')),
    discountRate: fc.oneof(fc.double(), fc.integer(), anyText),
    cards: fc.array(fc.record({ serialNumber: fc.oneof(anyText, fc.integer()) }, { requiredKeys: [] }), {
      maxLength: 2,
    }),
    meta: fc.jsonValue({ maxDepth: 3 }),
    _v: fc.oneof(fc.integer(), anyText),
    userName: fc.constantFrom('admin', 'viewer', 'nobody', ''),
    password: fc.oneof(anyText, fc.constant(null)),
    deviceName: fc.constantFrom('P01', 'X', ''),
    refreshToken: anyText,
    kind: fc.constantFrom('latency', 'status', 'drop', 'truncate', 'nope'),
    status: fc.oneof(fc.integer({ min: -1, max: 999 }), anyText),
    ms: fc.integer({ min: -10, max: 10 }),
    scope: fc.record({ route: fc.oneof(anyText, fc.constantFrom('/*a*a*a*a*b', 'customer')) }, { requiredKeys: [] }),
    at: fc.oneof(anyText, fc.integer(), fc.constantFrom('0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z')),
    by: fc.oneof(anyText, fc.integer()),
    url: anyText,
    customers: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(Buffer.alloc(0)),
  customerLike.map((value) => Buffer.from(JSON.stringify(value))),
  fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: 30, max: 3000 }).map((depth) => Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
  fc.integer({ min: 1, max: 20 * 1024 }).map((size) => Buffer.from(JSON.stringify({ note: 'x'.repeat(size) }))),
  customerLike.map((value) => gzipSync(JSON.stringify(value))),
  fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json;charset="UTF-16"',
      'application/problem+json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=',
      ';',
    ),
    headerText,
  ),
  { nil: undefined },
);
const contentEncoding = fc.option(
  fc.oneof(fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'gzip, identity'), headerText),
  {
    nil: undefined,
  },
);
const authorization = fc.option(
  fc.oneof(
    fc.constantFrom('admin', 'viewer', 'clerk').map((identity) => auth(identity).Authorization ?? ''),
    fc.constantFrom('Bearer ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', 'NWS4-HMAC-SHA256 Credential=x'),
    headerText.map((text) => `Bearer ${text}`),
  ),
  { nil: undefined },
);
const acceptLanguage = fc.option(
  fc.oneof(fc.constantFrom('en-GB', 'sk', 'de;q=0.5, en;q=0.9', '*', 'q=x'), headerText),
  {
    nil: undefined,
  },
);

const exchange = fc.record({ route, body, contentType, contentEncoding, authorization, acceptLanguage });

/** The customers, as a client would compare them. */
const snapshot = () => JSON.stringify(store.list());

test(`fuzz (${RUNS} runs, seed ${SEED}): no 5xx, the mock keeps answering, a rejection leaves the store as it was`, async () => {
  await fc.assert(
    fc.asyncProperty(exchange, async (c) => {
      const before = snapshot();
      const version = store.version;
      let req = request(app)[c.route.method.toLowerCase() as 'get'](c.route.path);
      if (c.contentType !== undefined) req = req.set('Content-Type', c.contentType);
      if (c.contentEncoding !== undefined) req = req.set('Content-Encoding', c.contentEncoding);
      if (c.authorization !== undefined) req = req.set('Authorization', c.authorization);
      if (c.acceptLanguage !== undefined) req = req.set('Accept-Language', c.acceptLanguage);
      const sendsBody = c.route.method !== 'GET' && c.route.method !== 'HEAD' && c.body.length > 0;
      const res = await (sendsBody ? req.serialize((b: unknown) => b as string).send(c.body) : req);
      const what = `${c.route.method} ${c.route.path} → ${res.status} ${(res.text ?? '').slice(0, 300)}`;
      assert.ok(res.status < 500, what);
      if (res.status >= 400 && c.route.method !== 'HEAD') {
        assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/, what);
        assert.equal(typeof res.body.title, 'string', what);
        assert.equal(snapshot(), before, `a rejection changed the customers: ${what}`);
        assert.equal(store.version, version, `a rejection changed the store version: ${what}`);
      }
      // Whatever the case set up (faults, locks, the clock) goes, so the next case starts alike.
      mock.control.faults.clear();
      mock.control.locks.clear();
      mock.control.clock.reset();
      assert.equal((await request(app).get('/api/v2/health')).status, 200, 'the mock still answers');
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});
