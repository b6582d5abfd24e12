import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';

const { app, store, auth } = makeTestApp({ config: { bodyLimitBytes: 64 * 1024 } });

interface Case {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete' | 'patch';
  path: string;
  identity?: string | null;
  type?: string;
  body?: string;
  status: number;
  errorCode?: number;
  titles: { sk: string; en: string };
  members?: string[];
}

const invalid = 'Požiadavka obsahuje neplatné údaje';
const invalidEn = 'The request contains invalid data';

const CASES: Case[] = [
  {
    name: 'unknown route',
    method: 'get',
    path: '/nothing-here',
    identity: null,
    status: 404,
    titles: { sk: 'Zdroj nebol nájdený', en: 'Resource not found' },
  },
  {
    name: 'unknown id',
    method: 'get',
    path: '/customers/nope',
    status: 404,
    titles: { sk: 'Zdroj nebol nájdený', en: 'Resource not found' },
  },
  {
    name: 'wrong method on the collection',
    method: 'delete',
    path: '/customers',
    identity: null,
    status: 405,
    titles: { sk: 'Metóda nie je povolená', en: 'Method not allowed' },
  },
  {
    name: 'wrong method on an item',
    method: 'patch',
    path: '/customers/x',
    identity: null,
    status: 405,
    titles: { sk: 'Metóda nie je povolená', en: 'Method not allowed' },
  },
  {
    name: 'no credentials',
    method: 'get',
    path: '/customers',
    identity: null,
    status: 401,
    errorCode: 1,
    titles: { sk: 'Používateľ nie je prihlásený', en: 'Not authenticated' },
  },
  {
    name: 'no right to create',
    method: 'post',
    path: '/customers',
    identity: 'viewer',
    type: 'application/json',
    body: '{}',
    status: 403,
    errorCode: 2,
    titles: { sk: 'Nedostatočné oprávnenia', en: 'Insufficient rights' },
  },
  {
    name: 'malformed JSON',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: '{"firstName": ',
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'a JSON array',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: '[1,2]',
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'a JSON string',
    method: 'put',
    path: '/customers/a',
    type: 'application/json',
    body: '"x"',
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'JSON null',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: 'null',
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'an empty body',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: '',
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'deep nesting',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: `{"meta":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['$'],
  },
  {
    name: 'wrong types in every kind of member',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: JSON.stringify({
      id: 'bad id!',
      externalId: 5,
      isActive: 'yes',
      activationTime: 'tomorrow',
      expirationTime: '2024-02-30T00:00:00Z',
      firstName: ['a'],
      birthDate: '1990-13-01',
      isCompany: 1,
      company: 'ACME',
      address: { coordinates: { latitude: 'n' } },
      credit: null,
      creditTransactions: {},
      cards: [{ serialNumber: 7, isVirtual: 'no' }],
      creditRate: -1,
      discountRate: '5',
      meta: [],
    }),
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: [
      'id',
      'externalId',
      'isActive',
      'activationTime',
      'firstName',
      'birthDate',
      'isCompany',
      'company',
      'address.coordinates.latitude',
      'address.coordinates.longitude',
      'credit',
      'creditTransactions',
      'cards[0].serialNumber',
      'cards[0].isVirtual',
      'creditRate',
      'discountRate',
      'meta',
      'expirationTime',
    ],
  },
  {
    name: 'a huge string',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: JSON.stringify({ firstName: 'x'.repeat(20_000) }),
    status: 400,
    errorCode: 3,
    titles: { sk: invalid, en: invalidEn },
    members: ['firstName'],
  },
  {
    name: 'text/plain body',
    method: 'post',
    path: '/customers',
    type: 'text/plain',
    body: '{}',
    status: 415,
    titles: { sk: 'Nepodporovaný typ obsahu', en: 'Unsupported media type' },
  },
  {
    name: 'no content type',
    method: 'put',
    path: '/customers/a',
    body: '',
    status: 415,
    titles: { sk: 'Nepodporovaný typ obsahu', en: 'Unsupported media type' },
  },
  {
    name: 'oversized body',
    method: 'post',
    path: '/customers',
    type: 'application/json',
    body: JSON.stringify({ note: 'x'.repeat(70 * 1024) }),
    status: 413,
    titles: { sk: 'Požiadavka je príliš veľká', en: 'Request body too large' },
  },
];

const LANGUAGES = [
  { header: undefined, lang: 'sk', contentLanguage: 'sk-SK' },
  { header: 'sk-SK', lang: 'sk', contentLanguage: 'sk-SK' },
  { header: 'en-GB', lang: 'en', contentLanguage: 'en-GB' },
  { header: 'de-DE, en;q=0.8, sk;q=0.5', lang: 'en', contentLanguage: 'en-GB' },
  { header: 'fr', lang: 'sk', contentLanguage: 'sk-SK' },
] as const;

for (const c of CASES) {
  for (const l of LANGUAGES) {
    test(`${c.name} → ${c.status} (Accept-Language: ${l.header ?? 'none'})`, async () => {
      const version = store.version;
      let req = request(app)[c.method](c.path);
      if (c.identity !== null) req = req.set(auth(c.identity ?? 'admin'));
      if (l.header !== undefined) req = req.set('Accept-Language', l.header);
      if (c.type !== undefined) req = req.set('Content-Type', c.type);
      const res = c.body === undefined ? await req : await req.send(c.body);
      assert.equal(res.status, c.status, JSON.stringify(res.body));
      assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.equal(res.headers['content-language'], l.contentLanguage);
      assert.equal(res.body.title, c.titles[l.lang]);
      assert.equal(res.body.status, c.status);
      assert.equal(res.body.instance, c.path);
      assert.match(res.body.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
      assert.equal(res.body.errorCode, c.errorCode);
      assert.equal(typeof res.body.type, 'string');
      if (c.members !== undefined) {
        assert.deepEqual(
          res.body.errors.map((e: { memberName: string }) => e.memberName).sort(),
          [...c.members].sort(),
        );
        for (const e of res.body.errors) assert.ok(e.message.length > 0);
      }
      if (c.status === 401) assert.match(res.headers['www-authenticate'] ?? '', /Bearer.*NWS4-HMAC-SHA256/);
      if (c.status === 405) assert.ok((res.headers['allow'] ?? '').length > 0);
      assert.equal(store.version, version, 'the store is unchanged');
    });
  }
}

test('__proto__ and constructor keys in meta are kept as data and never touch prototypes', async () => {
  const res = await request(app)
    .post('/customers')
    .set(auth())
    .set('Content-Type', 'application/json')
    .send('{"meta":{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}},"__proto__":{"isAdmin":true}}');
  assert.equal(res.status, 201);
  assert.deepEqual(Object.keys(res.body.meta).sort(), ['__proto__', 'constructor']);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
});

test('strict mode lists unknown members', async () => {
  const strict = makeTestApp({ config: { strict: true } });
  const res = await request(strict.app)
    .post('/customers')
    .set(strict.auth())
    .send({ firstName: 'A', nickname: 'x', company: { name: 'C', founded: 1990 } });
  assert.equal(res.status, 400);
  assert.deepEqual(
    res.body.errors.map((e: { memberName: string }) => e.memberName),
    ['nickname', 'company.founded'],
  );
});
