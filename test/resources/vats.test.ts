import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp, TEST_NOW } from '../support/app.js';
import { assertIssues, assertNotFound, inUse, LANGS, notUnique, REQUIRED, rowClient } from './rows.js';

// /vats (docs/decisions.md#catalogue-models, #catalogue-seed, #catalogue-ndata); every answer is checked against
// the strict view of the spec by makeTestApp.
const t = makeTestApp();
const vats = rowClient(t, 'vats');
const PLANNED = '2024-12-31T23:00:00.000Z';

test('the seed: the documented ten VAT categories, verbatim', async () => {
  const res = await vats.list();
  assert.equal(res.status, 200);
  assert.equal(res.body.totalCount, 10);
  const rows = (res.body.items as { category: number; rate: number | null; plannedRateChange: unknown }[]).map((v) => [
    v.category,
    v.rate,
    v.plannedRateChange,
  ]);
  assert.deepEqual(rows, [
    [1, 20, { effectiveFrom: PLANNED, rate: 23 }],
    [2, 10, { effectiveFrom: PLANNED, rate: 5 }],
    [3, 0, null],
    [4, 0, null],
    [5, 0, null],
    [6, 10, { effectiveFrom: PLANNED, rate: 19 }],
    [7, 0, null],
    [8, 0, null],
    [9, 0, null],
    [10, null, null],
  ]);
  for (const item of res.body.items) assert.deepEqual([item.lastModifiedAt, item._v], [null, 1]);
});

const QUERIES: [query: string, categories: number[]][] = [
  ['category=gt:8', [9, 10]],
  ['CATEGORY=in:1,10', [1, 10]],
  ['category=between:2:4', [2, 3, 4]],
  ['rate=null', [10]],
  ['rate=gte:10', [1, 2, 6]],
  ['rate=0;notnull', [3, 4, 5, 7, 8, 9]],
  ['rate=gt:0&$sort=-category', [6, 2, 1]],
  ['$sort=rate:desc,category&$take=4', [1, 2, 6, 3]],
  ['$sort=plannedRateChange.rate&$skip=7', [2, 6, 1]],
];

for (const [query, categories] of QUERIES) {
  test(`GET /vats?${query}`, async () => {
    const res = await vats.list(query);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((v: { category: number }) => v.category),
      categories,
    );
  });
}

test('GET /vats: an unknown filter value is a 400 naming the parameter', async () => {
  const res = await vats.list('rate=gt:abc');
  assert.equal(res.status, 400);
  assert.equal(res.body.errors[0].memberName, 'rate');
});

for (const key of ['11', '0', 'abc', '1.5']) {
  test(`GET and DELETE /vats/${key}: 404 in both languages`, async () => {
    await assertNotFound((lang) => vats.get(key, 'viewer', lang), 'vat', key);
    await assertNotFound((lang) => vats.del(key, 'manager', lang), 'vat', key);
  });
}

const INVALID: [what: string, send: () => ReturnType<typeof vats.post>, found: [string, string, string?][]][] = [
  ['POST without a category', () => vats.post({ rate: 5 }), [['category', 'required', '1']]],
  ['POST a taken category', () => vats.post({ category: 4, rate: 5 }), [['category', 'unique:4', '2']]],
  ['POST category 11', () => vats.post({ category: 11 }), [['category', 'range:<=10']]],
  ['PUT /vats/11', () => vats.put('11', { rate: 1 }), [['category', 'range:<=10']]],
  ['PUT /vats/0', () => vats.put('0', { rate: 1 }), [['category', 'range:>=1']]],
  ['rate above 100', () => vats.put('3', { rate: 100.5 }), [['rate', 'range:<=100']]],
  ['rate below 0', () => vats.put('3', { rate: -1 }), [['rate', 'range:>=0']]],
  [
    'a planned change without its date',
    () => vats.put('3', { plannedRateChange: { rate: 5 } }),
    [['plannedRateChange.effectiveFrom', 'required', '1']],
  ],
];

const TEXTS = {
  'sk-SK': {
    'range:<=10': 'Hodnota musí byť najviac 10.',
    'range:>=1': 'Hodnota musí byť aspoň 1.',
    'range:<=100': 'Hodnota musí byť najviac 100.',
    'range:>=0': 'Hodnota musí byť aspoň 0.',
  },
  'en-GB': {
    'range:<=10': 'The value must be at most 10.',
    'range:>=1': 'The value must be at least 1.',
    'range:<=100': 'The value must be at most 100.',
    'range:>=0': 'The value must be at least 0.',
  },
} as const;

for (const [what, send, found] of INVALID) {
  test(`400: ${what}`, async () => {
    const res = await send();
    const lang = 'sk-SK';
    assertIssues(
      res,
      found.map(([member, text, code]) => {
        const message =
          text === 'required'
            ? REQUIRED[lang]
            : text.startsWith('unique:')
              ? notUnique(lang, text.slice(7))
              : TEXTS[lang][text as keyof (typeof TEXTS)['sk-SK']];
        return code === undefined ? [member, message] : [member, message, code];
      }),
    );
  });
}

test('the rate rule in English too', async () => {
  const res = await vats.put('3', { rate: 101 }, 'manager', 'en-GB');
  assertIssues(res, [['rate', TEXTS['en-GB']['range:<=100']]]);
});

test('PUT updates (200): full replacement, the planned change stored and not applied, lastModifiedAt = the clock', async () => {
  const res = await vats.put('7', {
    Rate: 15,
    plannedRateChange: { effectiveFrom: '2020-01-01T00:00', rate: 21 },
    lastModifiedAt: '1999-01-01T00:00:00Z',
    category: 9,
  });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, {
    category: 7,
    rate: 15,
    plannedRateChange: { effectiveFrom: '2020-01-01T00:00:00.000Z', rate: 21 },
    lastModifiedAt: new Date(TEST_NOW).toISOString(),
    _v: 2,
  });
  t.clock.set(TEST_NOW + 60_000);
  const again = await vats.put('7', {});
  assert.deepEqual(again.body, {
    category: 7,
    rate: null,
    plannedRateChange: null,
    lastModifiedAt: new Date(TEST_NOW + 60_000).toISOString(),
    _v: 3,
  });
  t.clock.set(TEST_NOW);
  assert.equal((await vats.get('9')).body.rate, 0, 'a body key is ignored on PUT');
});

test('_v: a differing _v is a 400 with errorCode 6 naming the vat; a PUT without _v is last-write-wins', async () => {
  const res = await vats.put('8', { rate: 1, _v: 5 }, 'manager', 'en-GB');
  assert.equal(res.status, 400);
  assert.equal(res.body.errorCode, 6);
  assert.deepEqual(res.body.resource, { name: 'vat', id: '8', version: 1 });
  assert.equal((await vats.put('8', { rate: 1, _v: 1 })).status, 200);
  assert.equal((await vats.put('8', { rate: 0 })).body._v, 3);
});

test('DELETE a free category (200 with the item), then PUT creates it again (201, Location)', async () => {
  const deleted = await vats.del('9');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.category, 9);
  assert.equal((await vats.get('9')).status, 404);
  const created = await vats.put('9', { rate: 0 });
  assert.equal(created.status, 201);
  assert.equal(created.headers['location'], '/vats/9');
  assert.equal(created.body._v, 1);
  const posted = await vats.del('9').then(() => vats.post({ category: 9, rate: 0 }));
  assert.equal(posted.status, 201);
  assert.equal(posted.headers['location'], '/vats/9');
});

for (const [category, count] of [
  ['1', 40],
  ['2', 59],
  ['10', 1],
] as const) {
  test(`DELETE /vats/${category}: in use by ${count} PLUs (400 on category, both languages)`, async () => {
    for (const lang of LANGS)
      assertIssues(await vats.del(category, 'manager', lang), [['category', inUse(lang, 'plu', count)]]);
  });
}

for (const [as, status] of [
  ['viewer', 403],
  ['clerk', 403],
  ['manager', 400],
  ['admin', 400],
] as const) {
  test(`rights: POST /vats as ${as} → ${status}`, async () => {
    const res = await vats.post({ category: 5 }, as);
    assert.equal(res.status, status);
    if (status === 403) assert.match(res.body.detail, /vatCreate/);
  });
}

test('rights: PUT needs vatCreate or vatUpdate, DELETE vatDelete', async () => {
  const put = await vats.put('5', { rate: 0 }, 'clerk', 'en-GB');
  assert.equal(put.status, 403);
  assert.equal(put.body.detail, 'One of these rights is needed: vatCreate, vatUpdate.');
  const del = await vats.del('5', 'viewer', 'en-GB');
  assert.equal(del.status, 403);
  assert.match(del.body.detail, /vatDelete/);
});
