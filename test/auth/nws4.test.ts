import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  parseNws4Authorization,
  signNws4,
  verifyNws4,
  type Nws4Credentials,
  type Nws4Failure,
  type Nws4IncomingRequest,
  type Nws4Request,
} from '../../src/auth/nws4.js';
import {
  canonicalHeaders,
  canonicalPath,
  canonicalQuery,
  formatNws4Authorization,
  orderSignedHeaders,
  sha256Hex,
} from '../../src/auth/nws4-canonical.js';

// Known-answer vectors (docs/portos/auth.md#nws4-hmac), from ninedigit/NWS4 AuthorizationHeaderSignerTests.cs,
// copied byte-exactly.
const KEY_A: Nws4Credentials = {
  clientId: 'd948ec22e47790caacce234b792a0f117d85c365',
  clientSecret: '5070adfb2bedf1c0c97d5c8cfa8c794d513249b802ea10596a175d88828abc19',
};
const KEY_B: Nws4Credentials = {
  clientId: 'd51fbd43e205b16a806ca2399c7023b8',
  clientSecret: '1adaee8c378449453dcf40625d20d6b65b02f51aa28191df874296c1f13c8243',
};
const VECTOR_2_BODY = String.raw`{"ArticleCategoryLabel":"PLK","Code":8,"Id":"GQR5xWLN","IsActive":true,"IsDiscountAllowed":true,"IsPriceFixed":false,"Name":"Kozmetick\u00e1 ta\u0161ti\u010dka Folk \"CIERNA IV\" Strieborn\u00e1","Description":"Kozmetick\u00e1 ta\u0161ti\u010dka Folk \"CIERNA IV\" Strieborn\u00e1","Codes":["KTF9IV"],"RetailPrice":{"Amount":30,"CurrencyLabel":"EUR"},"StockName":"Polo\u017eky","StockQuantity":{"Amount":0,"Unit":"ks"},"StockValue":{"Amount":0,"CurrencyLabel":"EUR"},"Type":"StockItem","Unit":"ks","VatCategory":1}`;

interface Vector {
  name: string;
  req: Nws4Request;
  creds: Nws4Credentials;
  timestamp: string;
  expected: string;
}

const VECTORS: readonly Vector[] = [
  {
    name: '1: POST with query `i=1$ref=1&validate`, non-default port',
    req: {
      method: 'POST',
      url: 'http://example.com:8080/api/user?i=1$ref=1&validate',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: '{"name":"John"}',
    },
    creds: KEY_A,
    timestamp: '2023-05-30T13:17:01.992Z',
    expected:
      'NWS4-HMAC-SHA256 Credential%3Dd948ec22e47790caacce234b792a0f117d85c365%2CSignedHeaders%3Daccept%253Bcontent-type%253Bhost%253Bx-nd-content-sha256%253Bx-nd-date%2CTimestamp%3D2023-05-30T13%253A17%253A01.992Z%2CSignature%3D87c7a2057285f0db8dc3b7c95c15fe5476f5ab44b73b3e15990d8b1a837d4ddb',
  },
  {
    name: '2: PUT with a body holding literal backslash escapes',
    req: {
      method: 'PUT',
      url: 'http://213.160.191.53:4000/api/plus/GQR5xWLN',
      headers: { 'User-Agent': 'GuzzleHttp/7', 'Accept-Encoding': 'gzip', 'Content-Type': 'application/json' },
      body: VECTOR_2_BODY,
    },
    creds: KEY_A,
    timestamp: '2023-05-30T07:37:59.390Z',
    expected:
      'NWS4-HMAC-SHA256 Credential%3Dd948ec22e47790caacce234b792a0f117d85c365%2CSignedHeaders%3Daccept-encoding%253Bcontent-type%253Bhost%253Buser-agent%253Bx-nd-content-sha256%253Bx-nd-date%2CTimestamp%3D2023-05-30T07%253A37%253A59.390Z%2CSignature%3D6dc1d647dcbd3c9180fcc5f59d110bdabc94493e1a92ed36deaeddd8e1d512c3',
  },
  {
    name: '3: POST with `__tenant` (signed-header order differs from header-line order), LF body',
    req: {
      method: 'POST',
      url: 'http://ekasa-cloud-int.ninedigit.sk/api/v1/registrations/receipts',
      headers: { __tenant: '39ff67bf-0182-4903-c820-2dd75eed9d21' },
      body: '{\n    "Key": "Value"\n}',
    },
    creds: KEY_B,
    timestamp: '2022-02-07T10:47:53.026Z',
    expected:
      'NWS4-HMAC-SHA256 Credential%3Dd51fbd43e205b16a806ca2399c7023b8%2CSignedHeaders%3Dhost%253Bx-nd-content-sha256%253Bx-nd-date%253B__tenant%2CTimestamp%3D2022-02-07T10%253A47%253A53.026Z%2CSignature%3D6a130431fc7fe63f42821426028af06ba73bbdbb5e1a65e4d54249877603bcfe',
  },
];

const bytes = (body: string | Uint8Array): Uint8Array =>
  typeof body === 'string' ? new TextEncoder().encode(body) : body;

/** What the server sees: path+query, lower-cased headers (the caller's plus the signer's), body bytes. */
function incoming(
  req: Nws4Request,
  added: Record<string, string>,
): Nws4IncomingRequest & { headers: Record<string, string> } {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...req.headers, ...added })) headers[name.toLowerCase()] = value;
  return { method: req.method, path: url.pathname + url.search, headers, body: bytes(req.body) };
}

const lookupOnly =
  (creds: Nws4Credentials) =>
  (clientId: string): string | undefined =>
    clientId === creds.clientId ? creds.clientSecret : undefined;

for (const v of VECTORS) {
  test(`vector ${v.name}: signNws4 reproduces the Authorization`, () => {
    const added = signNws4(v.req, v.creds, new Date(v.timestamp));
    assert.equal(added['authorization'], v.expected);
    assert.equal(added['x-nd-date'], v.timestamp);
  });

  test(`vector ${v.name}: verifyNws4 accepts it`, () => {
    const added = signNws4(v.req, v.creds, new Date(v.timestamp));
    const result = verifyNws4(incoming(v.req, added), lookupOnly(v.creds), Date.parse(v.timestamp));
    assert.deepEqual(result, { ok: true, clientId: v.creds.clientId });
  });
}

// The canonicalization rules of docs/portos/auth.md#nws4-hmac, each pinned by a row.
const CANONICAL_ROWS: readonly { name: string; actual: () => unknown; expected: unknown }[] = [
  {
    name: 'query keeps two `=` pieces',
    actual: () => canonicalQuery('i=1$ref=1&validate'),
    expected: 'i=1%24ref&validate=',
  },
  {
    name: 'query pairs sort by key, stable',
    actual: () => canonicalQuery('b=2&a=z&a=y&A='),
    expected: 'A=&a=z&a=y&b=2',
  },
  { name: 'query encodes UTF-8 bytes', actual: () => canonicalQuery('q=a b~ľ'), expected: 'q=a%20b~%C4%BE' },
  { name: 'empty query', actual: () => canonicalQuery(''), expected: '' },
  { name: 'path keeps `/` and `:`', actual: () => canonicalPath('/a:b/c d'), expected: '/a:b/c%20d' },
  { name: 'path is encoded once more', actual: () => canonicalPath('/c/%C4%BE'), expected: '/c/%25C4%25BE' },
  { name: 'empty path', actual: () => canonicalPath(''), expected: '/' },
  {
    name: 'signed names sort by upper-cased ordinal',
    actual: () => orderSignedHeaders(['__tenant', 'X-ND-Date', 'host']),
    expected: ['host', 'x-nd-date', '__tenant'],
  },
  {
    name: 'header lines sort by lower-cased ordinal, whitespace collapsed',
    actual: () =>
      canonicalHeaders(
        new Map([
          ['host', ' a  b\t c '],
          ['__tenant', 't'],
        ]),
      ),
    expected: '__tenant:t\nhost:a b c',
  },
];

for (const row of CANONICAL_ROWS) {
  test(`canonical: ${row.name}`, () => assert.deepEqual(row.actual(), row.expected));
}

// Failure reasons: one signed request, tampered one way per row.
const KEY: Nws4Credentials = { clientId: 'integrator', clientSecret: 'integrator-secret' };
const T = Date.parse('2024-03-01T10:00:00.000Z');
const BASE: Nws4Request = {
  method: 'POST',
  url: 'http://localhost:3000/customers?$skip=0&$take=10',
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  body: '{"name":"Ján Novák"}',
};
const BASE_ADDED = signNws4(BASE, KEY, new Date(T));
const SIGNED = BASE_ADDED['authorization'] ?? '';
const SIGNED_NAMES = ['accept', 'content-type', 'host', 'x-nd-content-sha256', 'x-nd-date'];

type Incoming = ReturnType<typeof incoming>;
const withHeaders = (r: Incoming, h: Record<string, string>): Incoming => ({ ...r, headers: { ...r.headers, ...h } });
const withAuth = (r: Incoming, authorization: string): Incoming => withHeaders(r, { authorization });
const without = (h: Record<string, string>, name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(h).filter(([n]) => n !== name));
const forged = (timestamp: string, signedHeaders = SIGNED_NAMES): string =>
  formatNws4Authorization({ clientId: KEY.clientId, signedHeaders, timestamp, signature: '0'.repeat(64) });

interface FailureRow {
  name: string;
  tamper?: (r: Incoming) => Incoming;
  lookup?: (clientId: string) => string | undefined;
  nowMs?: number;
  expected: Nws4Failure;
}

const FAILURES: readonly FailureRow[] = [
  {
    name: 'tampered body',
    tamper: (r) => ({ ...r, body: bytes('{"name":"Eva"}') }),
    expected: 'content-hash-mismatch',
  },
  {
    name: 'tampered body with a matching content hash',
    tamper: (r) => withHeaders({ ...r, body: bytes('{}') }, { 'x-nd-content-sha256': sha256Hex('{}') }),
    expected: 'bad-signature',
  },
  { name: 'tampered header value', tamper: (r) => withHeaders(r, { accept: 'text/plain' }), expected: 'bad-signature' },
  { name: 'tampered host', tamper: (r) => withHeaders(r, { host: 'localhost:3001' }), expected: 'bad-signature' },
  {
    name: 'tampered path',
    tamper: (r) => ({ ...r, path: '/customers/1?$skip=0&$take=10' }),
    expected: 'bad-signature',
  },
  { name: 'tampered query', tamper: (r) => ({ ...r, path: '/customers?$skip=0&$take=11' }), expected: 'bad-signature' },
  { name: 'tampered method', tamper: (r) => ({ ...r, method: 'PUT' }), expected: 'bad-signature' },
  { name: 'wrong secret', lookup: () => 'another-secret', expected: 'bad-signature' },
  { name: 'truncated signature', tamper: (r) => withAuth(r, SIGNED.slice(0, -2)), expected: 'bad-signature' },
  { name: 'unknown client', lookup: () => undefined, expected: 'unknown-client' },
  { name: 'timestamp 151 s in the past', nowMs: T + 151_000, expected: 'outside-window' },
  { name: 'timestamp 151 s in the future', nowMs: T - 151_000, expected: 'outside-window' },
  { name: 'clock is NaN', nowMs: Number.NaN, expected: 'outside-window' },
  {
    name: 'Timestamp differs from x-nd-date',
    tamper: (r) => withHeaders(r, { 'x-nd-date': '2024-03-01T10:00:01.000Z' }),
    expected: 'date-mismatch',
  },
  {
    name: 'x-nd-date not in yyyy-MM-ddTHH:mm:ss.fffZ',
    tamper: (r) => withHeaders(withAuth(r, forged('2024-03-01T10:00:00Z')), { 'x-nd-date': '2024-03-01T10:00:00Z' }),
    expected: 'malformed',
  },
  {
    name: 'x-nd-date not a real date',
    tamper: (r) =>
      withHeaders(withAuth(r, forged('2024-02-30T10:00:00.000Z')), { 'x-nd-date': '2024-02-30T10:00:00.000Z' }),
    expected: 'malformed',
  },
  {
    name: 'host missing from SignedHeaders',
    tamper: (r) => {
      const added = signNws4(BASE, KEY, new Date(T), { signedHeaders: ['x-nd-date', 'x-nd-content-sha256'] });
      return withAuth(r, added['authorization'] ?? '');
    },
    expected: 'missing-signed-header',
  },
  {
    name: 'a signed header absent from the request',
    tamper: (r) => ({ ...r, headers: without(r.headers, 'accept') }),
    expected: 'missing-signed-header',
  },
  {
    name: 'no Authorization header',
    tamper: (r) => ({ ...r, headers: without(r.headers, 'authorization') }),
    expected: 'malformed',
  },
  ...[
    ['empty', ''],
    ['scheme only', 'NWS4-HMAC-SHA256'],
    ['scheme and space', 'NWS4-HMAC-SHA256 '],
    ['another scheme', 'Bearer x'],
    ['lower-case scheme', SIGNED.replace('NWS4-HMAC-SHA256', 'nws4-hmac-sha256')],
    ['random unicode', 'NWS4-HMAC-SHA256 ľščťž 🙂 \u0000 \uD800 %E0%A4%A'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['10,000 characters after the scheme', `NWS4-HMAC-SHA256 ${'Credential%3D'.repeat(770)}`],
    ['parameters out of order', 'NWS4-HMAC-SHA256 SignedHeaders%3Dh%2CCredential%3Da%2CTimestamp%3Dt%2CSignature%3Ds'],
    ['empty SignedHeaders', forged('2024-03-01T10:00:00.000Z', [])],
    ['duplicate signed header', forged('2024-03-01T10:00:00.000Z', [...SIGNED_NAMES, 'host'])],
    ['empty clientId', SIGNED.replace('Credential%3Dintegrator', 'Credential%3D')],
  ].map(
    ([name = '', value = '']): FailureRow => ({
      name: `malformed Authorization: ${name}`,
      tamper: (r) => withAuth(r, value),
      expected: 'malformed',
    }),
  ),
];

for (const row of FAILURES) {
  test(`rejects ${row.name} as '${row.expected}'`, () => {
    const base = incoming(BASE, BASE_ADDED);
    const req = row.tamper ? row.tamper(base) : base;
    const result = verifyNws4(req, row.lookup ?? lookupOnly(KEY), row.nowMs ?? T);
    assert.deepEqual(result, { ok: false, reason: row.expected });
  });
}

for (const offset of [-150_000, -149_000, 0, 149_000, 150_000]) {
  test(`accepts a clock ${offset / 1000} s from the timestamp`, () => {
    const result = verifyNws4(incoming(BASE, BASE_ADDED), lookupOnly(KEY), T + offset);
    assert.deepEqual(result, { ok: true, clientId: KEY.clientId });
  });
}

test('windowSeconds widens the window', () => {
  const result = verifyNws4(incoming(BASE, BASE_ADDED), lookupOnly(KEY), T + 200_000, { windowSeconds: 300 });
  assert.deepEqual(result, { ok: true, clientId: KEY.clientId });
});

test('parseNws4Authorization decodes the parameter list', () => {
  assert.deepEqual(parseNws4Authorization(SIGNED), {
    ok: true,
    value: {
      clientId: 'integrator',
      signedHeaders: SIGNED_NAMES,
      timestamp: '2024-03-01T10:00:00.000Z',
      signature: SIGNED.slice(-64),
    },
  });
});

test('never throws on arbitrary Authorization values', () => {
  const base = incoming(BASE, BASE_ADDED);
  const text = fc.string({ unit: 'binary' });
  const anyText = fc.oneof(
    text,
    text.map((s) => `NWS4-HMAC-SHA256 ${s}`),
  );
  fc.assert(
    fc.property(anyText, (value) => {
      assert.equal(parseNws4Authorization(value).ok, false);
      assert.equal(verifyNws4(withAuth(base, value), lookupOnly(KEY), T).ok, false);
    }),
    { numRuns: 300 },
  );
});

// Round trip: whatever the signer produces, the verifier accepts as received.
interface RoundTrip {
  name: string;
  req: Nws4Request;
  signedHeaders?: readonly string[];
  expectHost?: string;
}

const ROUND_TRIPS: readonly RoundTrip[] = [
  {
    name: 'GET over https on the default port',
    req: { method: 'GET', url: 'https://api.example.sk/customers', headers: {}, body: '' },
    expectHost: 'api.example.sk',
  },
  {
    name: 'GET with a unicode path',
    req: { method: 'GET', url: 'http://localhost:3000/customers/ľščťž', headers: {}, body: '' },
    expectHost: 'localhost:3000',
  },
  {
    name: 'GET with repeated keys and empty values',
    req: {
      method: 'GET',
      url: 'http://localhost:3000/customers?a=2&a=1&b=&c&$filter=Name=eq:J%C3%A1n%20Nov%C3%A1k&d=x y',
      headers: {},
      body: '',
    },
  },
  {
    name: 'POST with a unicode body and messy header values',
    req: {
      method: 'POST',
      url: 'http://localhost:3000/customers',
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Request-Id': '  abc   def\t ',
        'Accept-Language': 'sk-SK',
      },
      body: '{"name":"Ľubomír Šťastný","note":"\\u00e1\n"}',
    },
  },
  {
    name: 'PATCH with a binary body',
    req: {
      method: 'PATCH',
      url: 'http://127.0.0.1:8080/customers/42',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array([0, 255, 128, 10, 13]),
    },
  },
  {
    name: 'DELETE with `:`, `~` and a space in the path',
    req: { method: 'DELETE', url: 'http://localhost:3000/a:b/c~d/e f', headers: {}, body: '' },
  },
  {
    name: 'PUT with the Host header already given',
    req: { method: 'PUT', url: 'http://localhost:3000/customers/1', headers: { Host: 'portos.local' }, body: '{}' },
  },
  {
    name: 'only the required headers signed, others left unsigned',
    req: { method: 'GET', url: 'http://localhost:3000/customers', headers: { 'User-Agent': 'test/1' }, body: '' },
    signedHeaders: ['host', 'x-nd-date', 'x-nd-content-sha256'],
  },
];

for (const row of ROUND_TRIPS) {
  test(`round trip: ${row.name}`, () => {
    const added = signNws4(row.req, KEY, new Date(T), row.signedHeaders ? { signedHeaders: row.signedHeaders } : {});
    if (row.expectHost !== undefined) assert.equal(added['host'], row.expectHost);
    if ('Host' in row.req.headers) assert.equal(added['host'], undefined);
    assert.deepEqual(verifyNws4(incoming(row.req, added), lookupOnly(KEY), T), { ok: true, clientId: KEY.clientId });
  });
}

test('round trip: a repeated header arriving as an array is joined with `,`', () => {
  const req: Nws4Request = { method: 'GET', url: 'http://localhost:3000/', headers: { 'x-tag': 'a,b' }, body: '' };
  const received = incoming(req, signNws4(req, KEY, new Date(T)));
  const result = verifyNws4({ ...received, headers: { ...received.headers, 'x-tag': ['a', 'b'] } }, lookupOnly(KEY), T);
  assert.deepEqual(result, { ok: true, clientId: KEY.clientId });
});

test('signNws4 refuses to sign a header the request does not have', () => {
  assert.throws(() => signNws4(BASE, KEY, new Date(T), { signedHeaders: ['host', 'x-missing'] }), RangeError);
});
