import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import {
  assertIssues,
  assertNotFound,
  inUse,
  LANGS,
  type Lang,
  REQUIRED,
  rowClient,
  unknownReference,
} from './rows.js';
import { uuidOf } from '../../src/resources/modifiers/modifier-row.js';

// /modifiers (docs/decisions.md#catalogue-models, #catalogue-seed, #catalogue-ndata); answers are checked against
// the strict view of the spec by makeTestApp.
const t = makeTestApp();
const modifiers = rowClient(t, 'modifiers');
const plus = rowClient(t, 'plus');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MIN_ABOVE_MAX: Record<Lang, string> = {
  'sk-SK': 'Minimum nesmie byť väčšie ako maximum.',
  'en-GB': 'The minimum must not be greater than the maximum.',
};

test('the seed: the two documented modifiers with their ids; the side dishes with Grilled vegetables (S01/3)', async () => {
  const res = await modifiers.list();
  assert.equal(res.body.totalCount, 2);
  const [steak, sides] = res.body.items;
  assert.deepEqual(
    [steak.id, steak.name, steak.displayName, steak.minimumSelectedOptionsCount, steak.maximumSelectedOptionsCount],
    ['657b20bbde0bfde5af0f59dd', 'Steak doneness', 'How do you like your steak cooked?', 1, 1],
  );
  assert.deepEqual(
    steak.options.map((o: { name: string; defaultSelectedQuantity: number; unitPrice: null }) => [
      o.name,
      o.defaultSelectedQuantity,
      o.unitPrice,
    ]),
    [
      ['Rare', 0, null],
      ['Medium rare', 1, null],
      ['Medium', 0, null],
      ['Medium well', 0, null],
      ['Well done', 0, null],
    ],
  );
  assert.deepEqual(
    [sides.id, sides.name, sides.displayName, sides.maximumSelectedOptionsTotalQuantity],
    ['65847589d77a632b9674c99c', 'side dishes for meat', 'Add a side', 2],
  );
  assert.deepEqual(
    sides.options.map((o: { name: string; unitPrice: unknown; pluId: unknown }) => [o.name, o.unitPrice, o.pluId]),
    [
      ['Mashed Potatoes', { amount: 4.9, currencyLabel: 'EUR' }, { code: 2, stockName: 'S01' }],
      ['Grilled vegetables', { amount: 4.9, currencyLabel: 'EUR' }, { code: 3, stockName: 'S01' }],
    ],
  );
  for (const option of [...steak.options, ...sides.options]) assert.match(option.id, UUID);
});

const QUERIES: [query: string, names: string[]][] = [
  ['Id=657b20bbde0bfde5af0f59dd', ['Steak doneness']],
  ['id=in:65847589d77a632b9674c99c,nothing', ['side dishes for meat']],
  ['Name=contains:STEAK', ['Steak doneness']],
  ['name=side dishes for meat', ['side dishes for meat']],
  ['$sort=-maximumSelectedOptionsCount', ['side dishes for meat', 'Steak doneness']],
];

for (const [query, names] of QUERIES) {
  test(`GET /modifiers?${query}`, async () => {
    const res = await modifiers.list(query);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((m: { name: string }) => m.name),
      names,
    );
  });
}

for (const key of ['000000000000000000000099', 'not valid!']) {
  test(`GET and DELETE /modifiers/${key}: 404 in both languages`, async () => {
    await assertNotFound((lang) => modifiers.get(key, 'viewer', lang), 'modifier', key);
    await assertNotFound((lang) => modifiers.del(key, 'manager', lang), 'modifier', key);
  });
}

test('uuidOf: 32 hex characters as a version 4 UUID', () => {
  assert.equal(uuidOf('0123456789abcdef0123456789abcdef'), '01234567-89ab-4def-8123-456789abcdef');
  assert.equal(uuidOf('ffffffffffffffffffffffffffffffff'), 'ffffffff-ffff-4fff-bfff-ffffffffffff');
});

test('POST with defaults: generated ids (UUIDs for options, kept when sent), prices in the domestic currency', async () => {
  const res = await modifiers.post({
    name: 'Sauce',
    options: [{ name: 'Pepper', unitPrice: { amount: 1.5 } }, { id: 'own-option', name: 'None' }, {}],
  });
  assert.equal(res.status, 201);
  assert.equal(res.headers['location'], `/modifiers/${res.body.id}`);
  assert.match(res.body.options[0].id, UUID);
  assert.match(res.body.options[2].id, UUID);
  assert.notEqual(res.body.options[0].id, res.body.options[2].id);
  assert.deepEqual(res.body, {
    id: res.body.id,
    name: 'Sauce',
    displayName: null,
    minimumSelectedOptionsCount: 0,
    maximumSelectedOptionsCount: null,
    maximumSelectedOptionsTotalQuantity: null,
    options: [
      {
        id: res.body.options[0].id,
        name: 'Pepper',
        unitPrice: { amount: 1.5, currencyLabel: 'EUR' },
        isUnitPriceIncludingVat: true,
        pluId: null,
        defaultSelectedQuantity: 0,
        maximumSelectedQuantity: null,
      },
      {
        id: 'own-option',
        name: 'None',
        unitPrice: null,
        isUnitPriceIncludingVat: true,
        pluId: null,
        defaultSelectedQuantity: 0,
        maximumSelectedQuantity: null,
      },
      {
        id: res.body.options[2].id,
        name: null,
        unitPrice: null,
        isUnitPriceIncludingVat: true,
        pluId: null,
        defaultSelectedQuantity: 0,
        maximumSelectedQuantity: null,
      },
    ],
    _v: 1,
  });
  assert.equal((await modifiers.del(res.body.id)).status, 200);
});

for (const lang of LANGS) {
  test(`400 (${lang}): name required, minimum above the maximum, an option's PLU and currency must exist`, async () => {
    assertIssues(await modifiers.post({}, 'manager', lang), [['name', REQUIRED[lang], '1']]);
    assertIssues(
      await modifiers.post(
        { name: 'm', minimumSelectedOptionsCount: 3, maximumSelectedOptionsCount: 2 },
        'manager',
        lang,
      ),
      [['minimumSelectedOptionsCount', MIN_ABOVE_MAX[lang]]],
    );
    assertIssues(
      await modifiers.put(
        'm-1',
        {
          name: 'm',
          options: [
            { name: 'a' },
            { pluId: { code: 99, stockName: 'S01' }, unitPrice: { amount: 1, currencyLabel: 'GBP' } },
          ],
        },
        'manager',
        lang,
      ),
      [
        ['options[1].pluId', unknownReference(lang, 'plu', 'S01/99')],
        ['options[1].unitPrice.currencyLabel', unknownReference(lang, 'currency', 'GBP')],
      ],
    );
  });
}

test('PUT creates (201) under the path id, updates (200) by full replacement; _v mismatch is errorCode 6', async () => {
  const created = await modifiers.put('m-2', {
    name: 'Bread',
    minimumSelectedOptionsCount: 1,
    maximumSelectedOptionsCount: 1,
    options: [{ name: 'Bread', pluId: { code: 31, stockName: 'S01' } }],
  });
  assert.equal(created.status, 201);
  assert.equal(created.headers['location'], '/modifiers/m-2');
  const updated = await modifiers.put('m-2', { name: 'Bread', id: 'elsewhere', minimumSelectedOptionsCount: 2 });
  assert.equal(updated.status, 200);
  assert.deepEqual(
    [
      updated.body.id,
      updated.body.minimumSelectedOptionsCount,
      updated.body.maximumSelectedOptionsCount,
      updated.body.options,
      updated.body._v,
    ],
    ['m-2', 2, null, [], 2],
  );
  const stale = await modifiers.put('m-2', { name: 'Bread', _v: 1 });
  assert.equal(stale.status, 400);
  assert.equal(stale.body.errorCode, 6);
  assert.deepEqual(stale.body.resource, { name: 'modifier', id: 'm-2', version: 2 });
});

test('an option naming a PLU keeps it from being deleted; deleting the modifier frees it', async () => {
  const bread = (await plus.list('stockName=S01&code=31')).body.items[0] as { id: string };
  const res = await modifiers.put('m-2', { name: 'Bread', options: [{ pluId: { code: 31, stockName: 'S01' } }] });
  assert.equal(res.status, 200);
  for (const lang of LANGS)
    assertIssues(await plus.del(bread.id, 'manager', lang), [['id', inUse(lang, 'modifier', 1)]]);
  const deleted = await modifiers.del('m-2');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.id, 'm-2');
  assert.equal((await plus.del(bread.id)).status, 200);
});

for (const [as, status] of [
  ['viewer', 403],
  ['clerk', 403],
  ['manager', 201],
] as const) {
  test(`rights: POST /modifiers as ${as} → ${status}`, async () => {
    const res = await modifiers.post({ name: 'Rights' }, as);
    assert.equal(res.status, status);
    if (status === 403) assert.match(res.body.detail, /modifierCreate/);
  });
}
