import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTestApp } from '../support/app.js';
import { assertIssues, assertNotFound, inUse, LANGS, notUnique, REQUIRED, rowClient } from './rows.js';

// /articlecategories (docs/decisions.md#catalogue-models, #catalogue-seed, #catalogue-ndata); answers are checked
// against the strict view of the spec by makeTestApp.
const t = makeTestApp();
const categories = rowClient(t, 'articlecategories');
const COLOR = '^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$';
const PATTERN = {
  'sk-SK': `Hodnota nemá povolený tvar (${COLOR}).`,
  'en-GB': `The value does not have the allowed form (${COLOR}).`,
};

test('the seed: the documented MNU, BRS, SOF, then the categories the PLUs use', async () => {
  const res = await categories.list();
  assert.deepEqual(
    res.body.items.map((c: { label: string; courseNumber: number | null }) => [c.label, c.courseNumber]),
    [
      ['MNU', null],
      ['BRS', null],
      ['SOF', null],
      ['SOU', 1],
      ['MEA', 2],
      ['SID', 2],
      ['DES', 3],
      ['HOT', null],
      ['WIN', null],
      ['SUR', null],
    ],
  );
  assert.deepEqual(res.body.items[0], {
    label: 'MNU',
    description: 'Daily menu',
    customerDescription: 'Meals according to the daily menu',
    courseNumber: null,
    color: '#AED581',
    sortHint: 1,
    tags: ['Kitchen'],
    ordering: [
      {
        orderOrigin: 'Online',
        enabled: true,
        weeklySchedule: [
          {
            days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
            timeRange: { from: '11:00:00', to: '13:30:00' },
          },
        ],
      },
    ],
    _v: 1,
  });
  assert.deepEqual(
    [res.body.items[1].description, res.body.items[1].color, res.body.items[1].sortHint],
    ['Beers', '#FF8F00', 1],
  );
  assert.deepEqual(
    [res.body.items[2].description, res.body.items[2].color, res.body.items[2].sortHint],
    ['Soft Drinks', null, null],
  );
});

const QUERIES: [query: string, labels: string[]][] = [
  ['label=MNU', ['MNU']],
  ['label=in:SOU,DES,XXX', ['SOU', 'DES']],
  ['courseNumber=2', ['MEA', 'SID']],
  ['courseNumber=gte:2&$sort=-courseNumber', ['DES', 'MEA', 'SID']],
  ['color=notnull', ['MNU', 'BRS']],
  ['Color=startswith:%23ff', ['BRS']],
  ['description=contains:drinks', ['SOF', 'HOT']],
  ['sortHint=1', ['MNU', 'BRS']],
  ['sortHint=null&$skip=6', ['WIN', 'SUR']],
  ['$sort=label:desc&$take=3', ['WIN', 'SUR', 'SOU']],
];

for (const [query, labels] of QUERIES) {
  test(`GET /articlecategories?${query}`, async () => {
    const res = await categories.list(query);
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.items.map((c: { label: string }) => c.label),
      labels,
    );
  });
}

for (const key of ['XYZ', 'ABCD', 'mnu']) {
  test(`GET and DELETE /articlecategories/${key}: 404 in both languages`, async () => {
    await assertNotFound((lang) => categories.get(key, 'viewer', lang), 'articleCategory', key);
    await assertNotFound((lang) => categories.del(key, 'manager', lang), 'articleCategory', key);
  });
}

test('POST creates with defaults (201, Location); GET reads it back', async () => {
  const res = await categories.post({ Label: 'T1', Description: 'Test one', unknown: 1 });
  assert.equal(res.status, 201);
  assert.equal(res.headers['location'], '/articlecategories/T1');
  assert.deepEqual(res.body, {
    label: 'T1',
    description: 'Test one',
    customerDescription: null,
    courseNumber: null,
    color: null,
    sortHint: null,
    tags: [],
    ordering: [],
    _v: 1,
  });
  assert.deepEqual((await categories.get('T1')).body, res.body);
});

for (const lang of LANGS) {
  test(`400 (${lang}): description required, a 4-character label, colours that are not #rgb or #rrggbb`, async () => {
    const long = lang === 'sk-SK' ? 'Hodnota môže mať najviac 3 znakov.' : 'The value may have at most 3 characters.';
    assertIssues(await categories.post({ label: 'T2' }, 'manager', lang), [['description', REQUIRED[lang], '1']]);
    assertIssues(await categories.post({ label: 'ABCD', description: 'x' }, 'manager', lang), [['label', long]]);
    assertIssues(await categories.put('ABCD', { description: 'x' }, 'manager', lang), [['label', long]]);
    for (const color of ['AED581', '#AED58', '#ggg', '#abcd']) {
      assertIssues(await categories.put('T2', { description: 'x', color }, 'manager', lang), [
        ['color', PATTERN[lang]],
      ]);
    }
    assertIssues(await categories.post({ label: 'MNU', description: 'x' }, 'manager', lang), [
      ['label', notUnique(lang, 'MNU'), '2'],
    ]);
  });
}

test('colours #rgb and #rrggbb are accepted; PUT creates (201) then updates (200) by full replacement', async () => {
  const created = await categories.put('T3', { description: 'Three', color: '#fff', tags: ['Bar'], courseNumber: 4 });
  assert.equal(created.status, 201);
  assert.equal(created.headers['location'], '/articlecategories/T3');
  const updated = await categories.put('T3', { description: 'Three', color: '#aabbcc', label: 'T4' });
  assert.equal(updated.status, 200);
  assert.deepEqual(
    [updated.body.label, updated.body.color, updated.body.tags, updated.body.courseNumber, updated.body._v],
    ['T3', '#aabbcc', [], null, 2],
  );
  assert.equal((await categories.get('T4')).status, 404, 'no renames');
});

test('_v: a differing _v is a 400 with errorCode 6 naming the article category', async () => {
  const res = await categories.put('T3', { description: 'x', _v: 1 });
  assert.equal(res.status, 400);
  assert.equal(res.body.errorCode, 6);
  assert.deepEqual(res.body.resource, { name: 'articleCategory', id: 'T3', version: 2 });
});

test('DELETE: a free category 200 with the item; one a PLU names 400 on label (both languages)', async () => {
  const deleted = await categories.del('T3');
  assert.equal(deleted.status, 200);
  assert.equal(deleted.body.label, 'T3');
  for (const lang of LANGS)
    assertIssues(await categories.del('SID', 'manager', lang), [['label', inUse(lang, 'plu', 9)]]);
  assert.equal((await categories.del('MNU')).status, 400);
});

for (const [as, status] of [
  ['viewer', 403],
  ['clerk', 403],
  ['manager', 201],
] as const) {
  test(`rights: POST /articlecategories as ${as} → ${status}`, async () => {
    const res = await categories.post({ label: `R${as[0]}`, description: 'Rights' }, as);
    assert.equal(res.status, status);
    if (status === 403) assert.match(res.body.detail, /articleCategoryCreate/);
  });
}
