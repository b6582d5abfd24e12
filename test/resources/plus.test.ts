import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';
import {
  assertIssues,
  assertNotFound,
  inUse,
  LANGS,
  type Lang,
  notUnique,
  REQUIRED,
  rowClient,
  unknownReference,
} from './rows.js';

// /plus (docs/decisions.md#catalogue-models, #catalogue-seed, #catalogue-ndata); answers are checked against the
// strict view of the spec by makeTestApp.
const t = makeTestApp();
const plus = rowClient(t, 'plus');

interface Plu {
  id: string;
  code: number;
  stockName: string;
  name: string;
  type: string;
  vatCategory: number;
  articleCategoryLabel: string | null;
  receipt: { pluId: { code: number; stockName: string } }[];
  retailPriceIncludingVat: { amount: number; currencyLabel: string };
  stockQuantity: unknown;
  stockValue: unknown;
}

const RULE: Record<Lang, Record<'receiptOnlyOnRecipe' | 'containerVat', string>> = {
  'sk-SK': {
    receiptOnlyOnRecipe: 'Receptúru môže mať iba PLU typu Recipe.',
    containerVat: 'PLU typu Container potrebuje kategóriu DPH bez sadzby (nezdaniteľnú).',
  },
  'en-GB': {
    receiptOnlyOnRecipe: 'Only a Recipe PLU may have a receipt.',
    containerVat: 'A Container PLU needs a VAT category whose rate is null (not taxable).',
  },
};

const base = { code: 500, stockName: 'S01', name: 'Test PLU', vatCategory: 1 };

test('the seed: 100 PLUs, S01 codes 1–80 of all four types and S11 codes 1–20, VAT 1, 2, 10, EUR', async () => {
  const items = (await plus.list()).body.items as Plu[];
  const key = (p: Plu) => `${p.stockName}/${p.code}`;
  assert.equal(items.length, 100);
  assert.deepEqual(items.map(key), [
    ...Array.from({ length: 80 }, (_, i) => `S01/${i + 1}`),
    ...Array.from({ length: 20 }, (_, i) => `S11/${i + 1}`),
  ]);
  assert.deepEqual([...new Set(items.filter((p) => p.stockName === 'S01').map((p) => p.type))].sort(), [
    'Container',
    'Recipe',
    'Service',
    'StockItem',
  ]);
  assert.deepEqual([...new Set(items.map((p) => p.vatCategory))].sort(), [1, 10, 2]);
  assert.deepEqual([...new Set(items.map((p) => p.retailPriceIncludingVat.currencyLabel))], ['EUR']);
  assert.equal(new Set(items.map((p) => p.id)).size, 100);
  const s11 = items.filter((p) => p.stockName === 'S11');
  assert.ok(s11.every((p) => p.type === 'StockItem' && p.articleCategoryLabel === 'SUR'));
  const byKey = new Map(items.map((p) => [key(p), p]));
  for (const [code, name] of [
    [2, 'Mashed potatoes'],
    [3, 'Grilled vegetables'],
  ] as const) {
    const side = byKey.get(`S01/${code}`);
    assert.deepEqual([side?.name, side?.type, side?.articleCategoryLabel], [name, 'Recipe', 'SID']);
  }
  assert.ok(items.some((p) => p.type === 'Container' && p.vatCategory === 10));
  for (const p of items) {
    for (const part of p.receipt)
      assert.ok(byKey.has(`S11/${part.pluId.code}`), `${key(p)} names S11/${part.pluId.code}`);
    assert.equal(p.receipt.length > 0 ? p.type : 'Recipe', 'Recipe');
    const stocked = p.type === 'StockItem' || p.type === 'Container';
    assert.equal(p.stockQuantity !== null, stocked);
    assert.equal(p.stockValue !== null, stocked);
  }
});

test('the seed does not depend on --seed or --count (same bytes)', async () => {
  const other = makeTestApp({ config: { seed: 7, count: 3 } });
  const [a, b] = await Promise.all([
    request(t.app).get('/plus').set(t.auth()),
    request(other.app).get('/plus').set(other.auth()),
  ]);
  assert.equal(a.text, b.text);
});

const QUERIES: [query: string, expected: string[]][] = [
  ['id=65b0000000000000000000a1', ['S01/2']],
  ['articleCategoryLabel=SID&code=lte:3', ['S01/2', 'S01/3']],
  ['articlecategorylabel=null', ['S01/76', 'S01/77', 'S01/78', 'S01/79', 'S01/80']],
  ['stockName=S11&code=between:1:3', ['S11/1', 'S11/2', 'S11/3']],
  ['type=Container', ['S01/80']],
  ['type=in:Service,Container&vatCategory=1', ['S01/76', 'S01/77', 'S01/78', 'S01/79']],
  ['vatCategory=10', ['S01/80']],
  ['name=startswith:pilsner', ['S01/41', 'S01/42']],
  ['isActive=false', []],
  ['stockName=S01&$sort=-retailPriceIncludingVat.amount&$take=2', ['S01/75', 'S01/11']],
  ['$sort=code:desc,stockName&$take=3', ['S01/80', 'S01/79', 'S01/78']],
  ['code=1&$sort=stockName:desc', ['S11/1', 'S01/1']],
];

for (const [query, expected] of QUERIES) {
  test(`GET /plus?${query}`, async () => {
    const res = await plus.list(query);
    assert.equal(res.status, 200);
    assert.deepEqual(
      (res.body.items as Plu[]).map((p) => `${p.stockName}/${p.code}`),
      expected,
    );
  });
}

test('GET /plus?$count=true counts without items', async () => {
  const res = await plus.list('stockName=S11&$count=true');
  assert.deepEqual(res.body, { count: 20, totalCount: 20 });
});

for (const key of ['000000000000000000000099', 'not valid!', 'x'.repeat(65)]) {
  test(`GET and DELETE /plus/${key.slice(0, 12)}…: 404 in both languages`, async () => {
    await assertNotFound((lang) => plus.get(key, 'viewer', lang), 'plu', key);
    await assertNotFound((lang) => plus.del(key, 'manager', lang), 'plu', key);
  });
}

test('POST a StockItem with defaults: generated id, Location, prices in the domestic currency, stock in its unit', async () => {
  const res = await plus.post({ ...base, retailPrice: { amount: 9, currencyLabel: 'USD' } });
  assert.equal(res.status, 201);
  assert.match(res.body.id, /^[0-9a-f]{24}$/);
  assert.equal(res.headers['location'], `/plus/${res.body.id}`);
  assert.deepEqual(res.body, {
    id: res.body.id,
    code: 500,
    stockName: 'S01',
    name: 'Test PLU',
    description: null,
    articleCategoryLabel: null,
    vatCategory: 1,
    type: 'StockItem',
    unit: 'ks',
    codes: [],
    receipt: [],
    retailPriceIncludingVat: { amount: 0, currencyLabel: 'EUR' },
    isActive: true,
    isDiscountAllowed: true,
    isPriceFixed: false,
    stockQuantity: { amount: 0, unit: 'ks' },
    stockValue: { amount: 0, currencyLabel: 'EUR' },
    _v: 1,
  });
  assert.equal((await plus.del(res.body.id)).status, 200);
});

test('POST a Recipe with its own id and a receipt (PascalCase accepted): no stock, receipt units from the PLUs named', async () => {
  const res = await plus.post({
    Id: 'recipe-1',
    Code: 501,
    StockName: 'S01',
    Name: 'Potato salad',
    VatCategory: 2,
    Type: 'Recipe',
    ArticleCategoryLabel: 'SID',
    Receipt: [{ PluId: { Code: 3, StockName: 'S11' }, Quantity: { Amount: 0.25 } }],
    RetailPriceIncludingVat: { Amount: 3.5, CurrencyLabel: 'EUR' },
    StockQuantity: { amount: 5 },
  });
  assert.equal(res.status, 201);
  assert.equal(res.body.id, 'recipe-1');
  assert.deepEqual(res.body.receipt, [
    { pluId: { code: 3, stockName: 'S11' }, quantity: { amount: 0.25, unit: 'kg' } },
  ]);
  assert.deepEqual([res.body.stockQuantity, res.body.stockValue], [null, null]);
  const service = await plus.put('service-1', { ...base, code: 502, type: 'Service', unit: 'h' });
  assert.equal(service.status, 201);
  assert.equal(service.headers['location'], '/plus/service-1');
  assert.deepEqual([service.body.unit, service.body.stockQuantity, service.body.stockValue], ['h', null, null]);
});

for (const lang of LANGS) {
  test(`400 (${lang}): required members, references, (stockName, code) unique, receipt only on a Recipe, Container VAT`, async () => {
    assertIssues(await plus.post({}, 'manager', lang), [
      ['code', REQUIRED[lang], '1'],
      ['stockName', REQUIRED[lang], '1'],
      ['name', REQUIRED[lang], '1'],
      ['vatCategory', REQUIRED[lang], '1'],
    ]);
    assertIssues(
      await plus.post(
        {
          ...base,
          stockName: 'S99',
          vatCategory: 7,
          articleCategoryLabel: 'XX',
          retailPriceIncludingVat: { amount: 1, currencyLabel: 'GBP' },
          stockValue: { amount: 1, currencyLabel: 'JPY' },
        },
        'manager',
        lang,
      ),
      [
        ['stockName', unknownReference(lang, 'stock', 'S99')],
        ['articleCategoryLabel', unknownReference(lang, 'articleCategory', 'XX')],
        ['retailPriceIncludingVat.currencyLabel', unknownReference(lang, 'currency', 'GBP')],
        ['stockValue.currencyLabel', unknownReference(lang, 'currency', 'JPY')],
      ],
    );
    assertIssues(await plus.post({ ...base, code: 2 }, 'manager', lang), [['code', notUnique(lang, '2'), '2']]);
    assertIssues(
      await plus.post(
        { ...base, type: 'Recipe', receipt: [{ pluId: { code: 99, stockName: 'S11' }, quantity: { amount: 1 } }] },
        'manager',
        lang,
      ),
      [['receipt[0].pluId', unknownReference(lang, 'plu', 'S11/99')]],
    );
    assertIssues(
      await plus.post(
        { ...base, receipt: [{ pluId: { code: 3, stockName: 'S11' }, quantity: { amount: 1 } }] },
        'manager',
        lang,
      ),
      [['receipt', RULE[lang].receiptOnlyOnRecipe]],
    );
    assertIssues(await plus.post({ ...base, type: 'Container', vatCategory: 2 }, 'manager', lang), [
      ['vatCategory', RULE[lang].containerVat],
    ]);
  });
}

test('a VAT category that is not stored is an unknown reference (after deleting a free one)', async () => {
  const deleted = await request(t.app).delete('/vats/7').set(t.auth());
  assert.equal(deleted.status, 200);
  assertIssues(await plus.post({ ...base, vatCategory: 7 }), [['vatCategory', unknownReference('sk-SK', 'vat', '7')]]);
  assert.equal((await request(t.app).put('/vats/7').set(t.auth()).send({ rate: 0 })).status, 201);
});

test('a Container on a VAT without rate is accepted and keeps a stock; the same code in another stock is no clash', async () => {
  const res = await plus.post({ ...base, code: 50, stockName: 'S11', type: 'Container', vatCategory: 10 });
  assert.equal(res.status, 201);
  assert.deepEqual(res.body.stockQuantity, { amount: 0, unit: 'ks' });
  const again = await plus.put(res.body.id, {
    ...base,
    code: 50,
    stockName: 'S11',
    type: 'Container',
    vatCategory: 10,
    name: 'Renamed',
  });
  assert.equal(again.status, 200, 'its own (stockName, code) is no clash');
  assert.equal(again.body._v, 2);
  assert.equal((await plus.del(res.body.id)).status, 200);
});

test('retailPrice (the v4.0 name) is an unknown member: ignored, and a 400 naming it in strict mode', async () => {
  const strict = makeTestApp({ config: { strict: true } });
  const res = await request(strict.app)
    .post('/plus')
    .set(strict.auth())
    .set('Accept-Language', 'en-GB')
    .send({ ...base, retailPrice: { amount: 1, currencyLabel: 'EUR' } });
  assertIssues(res, [['retailPrice', 'Unknown member; not allowed in strict mode (--strict).']]);
});

test('PUT: path id wins, full replacement (200), _v mismatch 400 errorCode 6, an id outside the rule is a 400', async () => {
  const updated = await plus.put('recipe-1', { ...base, code: 501, id: 'other', name: 'Now a stock item' });
  assert.equal(updated.status, 200);
  assert.deepEqual(
    [updated.body.id, updated.body.type, updated.body.receipt, updated.body.articleCategoryLabel, updated.body._v],
    ['recipe-1', 'StockItem', [], null, 2],
  );
  const stale = await plus.put('recipe-1', { ...base, code: 501, _v: 1 });
  assert.equal(stale.status, 400);
  assert.equal(stale.body.errorCode, 6);
  assert.deepEqual(stale.body.resource, { name: 'plu', id: 'recipe-1', version: 2 });
  const bad = await plus.put('not valid!', base);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.errors[0].memberName, 'id');
});

test('DELETE: a PLU a receipt or a modifier option names is in use (400 on id); a stock a PLU names too', async () => {
  for (const lang of LANGS) {
    assertIssues(await plus.del('65b0000000000000000000a1', 'manager', lang), [['id', inUse(lang, 'modifier', 1)]]);
    const potatoes = (await plus.list('stockName=S11&code=3')).body.items[0] as Plu;
    assertIssues(await plus.del(potatoes.id, 'manager', lang), [['id', inUse(lang, 'plu', 6)]]);
    const stock = await request(t.app).delete('/stocks/S11').set(t.auth()).set('Accept-Language', lang);
    assertIssues(stock, [['name', inUse(lang, 'plu', 20)]]);
  }
  const deleted = await plus.del('recipe-1');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.id, 'recipe-1');
  assert.equal((await plus.get('recipe-1')).status, 404);
});

for (const [as, status] of [
  ['viewer', 403],
  ['clerk', 403],
  ['manager', 400],
] as const) {
  test(`rights: POST /plus as ${as} → ${status} (manager: a taken code)`, async () => {
    const res = await plus.post({ ...base, code: 1 }, as);
    assert.equal(res.status, status);
    if (status === 403) assert.match(res.body.detail, /pluCreate/);
  });
}
