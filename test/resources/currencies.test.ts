import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import { assertIssues, assertNotFound, inUse, LANGS, type Lang, notUnique, rowClient } from './rows.js';

// /currencies: exactly one domestic currency, which the API cannot change (docs/decisions.md#catalogue-models,
// #catalogue-seed); answers are checked against the strict view of the spec by makeTestApp.
const t = makeTestApp();
const currencies = rowClient(t, 'currencies');
const plus = rowClient(t, 'plus');
const modifiers = rowClient(t, 'modifiers');

const RULE: Record<Lang, Record<'oneDomestic' | 'domesticStays' | 'domesticRateIsOne', string>> = {
  'sk-SK': {
    oneDomestic: 'Domáca mena musí byť práve jedna; cez API ju nemožno zmeniť.',
    domesticStays: 'Domácu menu nemožno odstrániť.',
    domesticRateIsOne: 'Kurz domácej meny musí byť presne 1.',
  },
  'en-GB': {
    oneDomestic: 'There must be exactly one domestic currency; it cannot be changed over the API.',
    domesticStays: 'The domestic currency cannot be deleted.',
    domesticRateIsOne: 'The exchange rate of the domestic currency must be exactly 1.',
  },
};

test('the seed: the documented EUR (domestic), USD and CZK in camelCase', async () => {
  const res = await currencies.list();
  assert.deepEqual(res.body, {
    items: [
      { label: 'EUR', isDomestic: true, sign: '€', exchangeRate: 1, description: 'Euro', _v: 1 },
      { label: 'USD', isDomestic: false, sign: '$', exchangeRate: 1.1214, description: 'US Dollar', _v: 1 },
      { label: 'CZK', isDomestic: false, sign: null, exchangeRate: 23.7529, description: 'Czech Crown', _v: 1 },
    ],
    count: 3,
    totalCount: 3,
  });
});

const QUERIES: [query: string, labels: string[]][] = [
  ['label=USD', ['USD']],
  ['Label=in:CZK,EUR', ['EUR', 'CZK']],
  ['isDomestic=true', ['EUR']],
  ['isdomestic=false&$sort=label', ['CZK', 'USD']],
  ['$sort=-exchangeRate&$take=2', ['CZK', 'USD']],
];

for (const [query, labels] of QUERIES) {
  test(`GET /currencies?${query}`, async () => {
    const res = await currencies.list(query);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((c: { label: string }) => c.label),
      labels,
    );
  });
}

for (const key of ['GBP', 'EU', 'EURO', 'eur']) {
  test(`GET and DELETE /currencies/${key}: 404 in both languages`, async () => {
    await assertNotFound((lang) => currencies.get(key, 'viewer', lang), 'currency', key);
    await assertNotFound((lang) => currencies.del(key, 'manager', lang), 'currency', key);
  });
}

test('POST creates with defaults (PascalCase members accepted), 201 + Location', async () => {
  const res = await currencies.post({ Label: 'GBP', Sign: '£', ExchangeRate: 0.8512 });
  assert.equal(res.status, 201);
  assert.equal(res.headers['location'], '/currencies/GBP');
  assert.deepEqual(res.body, {
    label: 'GBP',
    isDomestic: false,
    sign: '£',
    exchangeRate: 0.8512,
    description: null,
    _v: 1,
  });
  const bare = await currencies.put('HUF', {});
  assert.equal(bare.status, 201);
  assert.deepEqual([bare.body.isDomestic, bare.body.exchangeRate, bare.body.sign], [false, 1, null]);
});

for (const lang of LANGS) {
  test(`400 (${lang}): the domestic currency cannot change, its rate is 1, labels have exactly 3 characters`, async () => {
    assertIssues(await currencies.post({ label: 'PLN', isDomestic: true }, 'manager', lang), [
      ['isDomestic', notUnique(lang, 'true'), '2'],
    ]);
    assertIssues(await currencies.put('USD', { isDomestic: true, exchangeRate: 1 }, 'manager', lang), [
      ['isDomestic', notUnique(lang, 'true'), '2'],
    ]);
    assertIssues(await currencies.put('EUR', { isDomestic: false, exchangeRate: 1 }, 'manager', lang), [
      ['isDomestic', RULE[lang].oneDomestic],
    ]);
    assertIssues(await currencies.put('EUR', { sign: '€' }, 'manager', lang), [['isDomestic', RULE[lang].oneDomestic]]);
    assertIssues(await currencies.put('EUR', { isDomestic: true, exchangeRate: 1.5 }, 'manager', lang), [
      ['exchangeRate', RULE[lang].domesticRateIsOne],
    ]);
    const tooShort =
      lang === 'sk-SK' ? 'Hodnota musí mať aspoň 3 znakov.' : 'The value must have at least 3 characters.';
    const tooLong =
      lang === 'sk-SK' ? 'Hodnota môže mať najviac 3 znakov.' : 'The value may have at most 3 characters.';
    assertIssues(await currencies.post({ label: 'EU' }, 'manager', lang), [['label', tooShort]]);
    assertIssues(await currencies.put('EURO', {}, 'manager', lang), [['label', tooLong]]);
    const positive = lang === 'sk-SK' ? 'Hodnota musí byť väčšia ako 0.' : 'The value must be greater than 0.';
    assertIssues(await currencies.put('USD', { exchangeRate: 0 }, 'manager', lang), [['exchangeRate', positive]]);
    assertIssues(await currencies.post({ label: 'USD' }, 'manager', lang), [['label', notUnique(lang, 'USD'), '2']]);
  });
}

test('the domestic currency may be rewritten as domestic with rate 1 (200)', async () => {
  const res = await currencies.put('EUR', { isDomestic: true, sign: '€', exchangeRate: 1, description: 'Euro' });
  assert.equal(res.status, 200);
  assert.deepEqual([res.body.isDomestic, res.body._v], [true, 2]);
  assert.deepEqual(
    (await currencies.list('isDomestic=true')).body.items.map((c: { label: string }) => c.label),
    ['EUR'],
  );
});

test('_v: a differing _v is a 400 with errorCode 6 naming the currency', async () => {
  const res = await currencies.put('USD', { exchangeRate: 1.2, _v: 7 });
  assert.equal(res.status, 400);
  assert.equal(res.body.errorCode, 6);
  assert.deepEqual(res.body.resource, { name: 'currency', id: 'USD', version: 1 });
});

test('DELETE: the domestic currency never (400 on isDomestic); one a PLU or a modifier price names, 400 on label', async () => {
  for (const lang of LANGS) {
    const res = await currencies.del('EUR', 'manager', lang);
    assertIssues(res, [
      ['isDomestic', RULE[lang].domesticStays],
      ['label', inUse(lang, 'plu', 100)],
      ['label', inUse(lang, 'modifier', 1)],
    ]);
  }
  const plu = await plus.post({ code: 1, stockName: 'S11', name: 'x', vatCategory: 1 }, 'admin');
  assert.equal(plu.status, 400, 'S11/1 is taken');
  const named = await plus.post(
    {
      code: 901,
      stockName: 'S11',
      name: 'Priced in pounds',
      vatCategory: 1,
      retailPriceIncludingVat: { amount: 2, currencyLabel: 'GBP' },
    },
    'admin',
  );
  assert.equal(named.status, 201);
  assertIssues(await currencies.del('GBP'), [['label', inUse('sk-SK', 'plu', 1)]]);
  assert.equal((await plus.del(named.body.id)).status, 200);
  const option = await modifiers.post({
    name: 'Extras',
    options: [{ name: 'Gravy', unitPrice: { amount: 1, currencyLabel: 'GBP' } }],
  });
  assert.equal(option.status, 201);
  assertIssues(await currencies.del('GBP'), [['label', inUse('sk-SK', 'modifier', 1)]]);
  assert.equal((await modifiers.del(option.body.id)).status, 200);
  const deleted = await currencies.del('GBP');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.label, 'GBP');
});

for (const [as, status] of [
  ['viewer', 403],
  ['clerk', 403],
  ['manager', 201],
] as const) {
  test(`rights: POST /currencies as ${as} → ${status}`, async () => {
    const res = await currencies.post({ label: `R${as.slice(0, 2).toUpperCase()}` }, as);
    assert.equal(res.status, status);
    if (status === 403) assert.match(res.body.detail, /currencyCreate/);
  });
}
