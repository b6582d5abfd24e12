// Every route that reads a JSON body answers bad bodies the same way: 415 for what it cannot read (type, encoding,
// charset), 400 (errorCode 3, member `$`) for bytes that are not UTF-8 JSON, never a 500; the store stays as it was.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { signNws4 } from '../../src/auth/nws4.js';
import { makeTestApp } from '../support/app.js';

const LIMIT = 64 * 1024;
const { app, store, auth, clock } = makeTestApp({ config: { bodyLimitBytes: LIMIT } });

interface Route {
  method: 'post' | 'put';
  path: string;
  /** Credentials are checked before the body on PORTOS routes; login needs none. */
  identity: string | null;
}

const ROUTES: Route[] = [
  { method: 'post', path: '/customers', identity: 'admin' },
  { method: 'put', path: '/customers/c1', identity: 'admin' },
  { method: 'post', path: '/api/auth', identity: null },
  { method: 'post', path: '/api/auth/refresh', identity: null },
  { method: 'post', path: '/license/getrequestcode', identity: null },
  { method: 'post', path: '/license/activate', identity: null },
  { method: 'put', path: '/_mock/customers', identity: null },
  { method: 'post', path: '/_mock/customers', identity: null },
  { method: 'post', path: '/_mock/reset', identity: null },
  { method: 'post', path: '/_mock/faults', identity: null },
  { method: 'post', path: '/_mock/clock/freeze', identity: null },
  { method: 'put', path: '/_mock/snapshots/s1', identity: null },
  { method: 'post', path: '/_mock/webhooks', identity: null },
];

/** Sends a Buffer as it is (superagent would turn it into JSON under a JSON content type; it types bodies as text). */
const raw = (body: unknown): string => body as string;

const JSON_BODY = Buffer.from('{"firstName":"x"}');

interface Case {
  name: string;
  headers: Record<string, string>;
  body: Buffer;
  status: number;
  errorCode?: number;
  /** Member names of `errors`, when a 400. */
  members?: string[];
  /** Text the detail (415) or the first message (400) holds, per language; `not` it must not hold. */
  en: RegExp;
  sk: RegExp;
  not?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'a 20,000 deep array',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(`${'['.repeat(20_000)}${']'.repeat(20_000)}`),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /nested deeper than 32 levels/,
    sk: /vnorené hlbšie ako 32 úrovní/,
  },
  {
    name: 'a 5,000 deep object',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /nested deeper than 32 levels/,
    sk: /vnorené hlbšie ako 32 úrovní/,
  },
  {
    name: 'malformed JSON',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{"firstName": '),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /not valid JSON/,
    sk: /JSON/,
  },
  {
    name: 'a text/plain body',
    headers: { 'content-type': 'text/plain' },
    body: JSON_BODY,
    status: 415,
    en: /content type text\/plain is not supported/,
    sk: /Typ obsahu text\/plain nie je podporovaný/,
  },
  {
    name: 'gzip-declared plain JSON',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: JSON_BODY,
    status: 415,
    en: /content encoding gzip is not supported/,
    sk: /Kódovanie obsahu gzip nie je podporované/,
    not: /content type|typ obsahu/i,
  },
  {
    name: 'really gzipped JSON',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: gzipSync(JSON_BODY),
    status: 415,
    en: /content encoding gzip is not supported/,
    sk: /Kódovanie obsahu gzip/,
    not: /content type|typ obsahu/i,
  },
  {
    name: 'br, deflate',
    headers: { 'content-type': 'application/json', 'content-encoding': 'br, deflate' },
    body: JSON_BODY,
    status: 415,
    en: /content encoding br, deflate is not supported/,
    sk: /Kódovanie obsahu br, deflate/,
  },
  {
    name: 'an unknown encoding and no content type',
    headers: { 'content-encoding': 'x-custom' },
    body: JSON_BODY,
    status: 415,
    en: /content encoding x-custom is not supported/,
    sk: /Kódovanie obsahu x-custom/,
  },
  {
    name: 'charset latin1',
    headers: { 'content-type': 'application/json; charset=iso-8859-1' },
    body: Buffer.from('{"firstName":"\xe9"}', 'latin1'),
    status: 415,
    en: /character set iso-8859-1 is not supported/,
    sk: /Znaková sada iso-8859-1 nie je podporovaná/,
  },
  {
    name: 'charset utf-16',
    headers: { 'content-type': 'application/json;charset="UTF-16"' },
    body: Buffer.from('{"firstName":"x"}', 'utf16le'),
    status: 415,
    en: /character set utf-16 is not supported/,
    sk: /Znaková sada utf-16/,
  },
  {
    name: 'an invalid UTF-8 byte',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.concat([Buffer.from('{"firstName":"a'), Buffer.from([0xff]), Buffer.from('"}')]),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /not valid UTF-8/,
    sk: /nie je platný text v UTF-8/,
  },
  {
    name: 'an overlong encoding of "/"',
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([Buffer.from('{"firstName":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /not valid UTF-8/,
    sk: /UTF-8/,
  },
  {
    name: 'an encoded lone surrogate',
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([Buffer.from('{"firstName":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /not valid UTF-8/,
    sk: /UTF-8/,
  },
  {
    name: 'a truncated sequence at the end',
    headers: { 'content-type': 'application/json' },
    body: Buffer.concat([Buffer.from('{"firstName":"x"}'), Buffer.from([0xe2, 0x82])]),
    status: 400,
    errorCode: 3,
    members: ['$'],
    en: /not valid UTF-8/,
    sk: /UTF-8/,
  },
];

for (const route of ROUTES) {
  for (const c of CASES) {
    for (const language of ['en-GB', 'sk-SK'] as const) {
      test(`${route.method.toUpperCase()} ${route.path}: ${c.name} → ${c.status} (${language})`, async () => {
        const version = store.version;
        const before = JSON.stringify(store.list());
        let req = request(app)[route.method](route.path).set('Accept-Language', language).set(c.headers);
        if (route.identity !== null) req = req.set(auth(route.identity));
        const res = await req.serialize(raw).send(c.body);
        assert.equal(res.status, c.status, JSON.stringify(res.body));
        assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.equal(res.body.status, c.status);
        assert.equal(res.body.errorCode, c.errorCode);
        const text: string = c.status === 400 ? res.body.errors[0].message : res.body.detail;
        assert.match(text, language === 'en-GB' ? c.en : c.sk);
        if (c.not !== undefined) assert.doesNotMatch(`${res.body.title} ${res.body.detail}`, c.not);
        if (c.members !== undefined)
          assert.deepEqual(
            res.body.errors.map((e: { memberName: string }) => e.memberName),
            c.members,
          );
        assert.equal(store.version, version, 'the store is unchanged');
        assert.equal(JSON.stringify(store.list()), before, 'no customer changed');
      });
    }
  }
}

test('identity encoding and a utf-8 charset (any case, quoted) are read, and UTF-8 text is stored as sent', async () => {
  const cases: [Record<string, string>, string][] = [
    [{ 'content-encoding': 'identity', 'content-type': 'application/json' }, 'Šťastný'],
    [{ 'content-encoding': 'Identity', 'content-type': 'application/json; charset=UTF-8' }, 'Ľudovít 😀'],
    [{ 'content-type': 'application/json;charset="utf-8"' }, 'Žofia'],
  ];
  for (const [headers, firstName] of cases) {
    const res = await request(app)
      .post('/customers')
      .set(auth())
      .set(headers)
      .serialize(raw)
      .send(Buffer.from(JSON.stringify({ firstName, lastName: 'Test' }), 'utf8'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(store.get(res.body.id)?.firstName, firstName);
  }
});

test('NWS4 hashes the body bytes as received: a signed gzip body authenticates, then gets the 415', async () => {
  const host = 'mock.test';
  const body = gzipSync(JSON_BODY);
  const headers = { host, 'content-type': 'application/json', 'content-encoding': 'gzip' };
  const signed = signNws4(
    { method: 'POST', url: `http://${host}/customers`, headers, body },
    { clientId: 'integrator', clientSecret: 'integrator-secret' },
    new Date(clock.now()),
  );
  const res = await request(app)
    .post('/customers')
    .set({ ...headers, ...signed })
    .serialize(raw)
    .send(body);
  assert.equal(res.status, 415, JSON.stringify(res.body));
  assert.equal(res.body.title, 'Nepodporované kódovanie obsahu');
});

test('a body over the limit is a 413 on the PORTOS routes and /api/auth', async () => {
  for (const route of ROUTES.filter((r) => !r.path.startsWith('/_mock'))) {
    let req = request(app)[route.method](route.path).set('Content-Type', 'application/json');
    if (route.identity !== null) req = req.set(auth(route.identity));
    const res = await req.serialize(raw).send(Buffer.from(JSON.stringify({ note: 'x'.repeat(LIMIT) })));
    assert.equal(res.status, 413, `${route.path} ${JSON.stringify(res.body)}`);
    assert.equal(res.body.title, 'Požiadavka je príliš veľká');
  }
});
