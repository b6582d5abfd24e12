import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSpec } from '../../src/spec/load-spec.js';
import { specIndex } from '../../src/spec/spec-index.js';
import { strictView } from '../../src/spec/strict-view.js';

// The catalogue resources of spec/openapi.yaml (docs/portos/resources.md, docs/decisions.md#catalogue-models): the
// write schemas the mock validates bodies with, and the response examples, in both views.

const documented = specIndex('documented');
const strict = specIndex('strict');

const SEGMENTS = [
  'vats',
  'articlecategories',
  'currencies',
  'plus',
  'stocks',
  'paymenttypes',
  'zones',
  'modifiers',
  'roles',
  'devices',
  'apikeys',
] as const;
const MODELS = [
  'Vat',
  'ArticleCategory',
  'Currency',
  'Plu',
  'Stock',
  'PaymentType',
  'Zone',
  'Modifier',
  'Role',
  'Device',
  'ApiKey',
] as const;

type Verdict = 'ok' | `fails: ${string}`;

/** `ok`, or `fails: k` when Ajv reports keyword `k` (else every keyword it reports). */
function verdictOf(schema: string, body: unknown, wanted: Verdict, view = documented): Verdict {
  const validate = view.schema(schema);
  if (validate(body)) return 'ok';
  const keywords = (validate.errors ?? []).map((e): Verdict => `fails: ${e.keyword}`);
  return keywords.find((k) => k === wanted) ?? `fails: ${keywords.join(' + ')}`;
}

const long = (n: number) => 'x'.repeat(n);

// [write schema, body (after member matching), verdict]
const WRITES: [string, Record<string, unknown>, Verdict][] = [
  ['VatWrite', {}, 'ok'], // the key is not in `required`: the engine requires it on POST itself
  ['VatWrite', { category: 10, rate: null }, 'ok'],
  ['VatWrite', { category: 11 }, 'fails: maximum'],
  ['VatWrite', { category: 0 }, 'fails: minimum'],
  ['VatWrite', { category: 1.5 }, 'fails: type'],
  ['VatWrite', { rate: 100.5 }, 'fails: maximum'],
  ['VatWrite', { rate: -1 }, 'fails: minimum'],
  ['VatWrite', { plannedRateChange: { effectiveFrom: '2030-01-01T00:00:00Z', rate: 23 } }, 'ok'],
  ['VatWrite', { plannedRateChange: { rate: 23 } }, 'fails: required'],
  ['VatWrite', { _v: 0 }, 'fails: minimum'],
  ['VatWrite', { lastModifiedAt: 'anything', unknownMember: 1 }, 'ok'],
  ['ArticleCategoryWrite', { label: 'MNU', description: 'Daily menu' }, 'ok'],
  ['ArticleCategoryWrite', { label: 'MNU' }, 'fails: required'],
  ['ArticleCategoryWrite', { label: 'ABCD', description: 'x' }, 'fails: maxLength'],
  ['ArticleCategoryWrite', { label: '', description: 'x' }, 'fails: minLength'],
  ['ArticleCategoryWrite', { description: 'x', color: '#AED581' }, 'ok'],
  ['ArticleCategoryWrite', { description: 'x', color: '#fff' }, 'ok'],
  ['ArticleCategoryWrite', { description: 'x', color: '#ffff' }, 'fails: pattern'],
  ['ArticleCategoryWrite', { description: 'x', color: 'red' }, 'fails: pattern'],
  ['ArticleCategoryWrite', { description: 'x', tags: ['Kitchen'], ordering: [{ orderOrigin: 'Online' }] }, 'ok'],
  ['CurrencyWrite', { label: 'EUR', exchangeRate: 1 }, 'ok'],
  ['CurrencyWrite', { label: 'EU' }, 'fails: minLength'],
  ['CurrencyWrite', { label: 'EURO' }, 'fails: maxLength'],
  ['CurrencyWrite', { exchangeRate: 0 }, 'fails: exclusiveMinimum'],
  ['CurrencyWrite', { exchangeRate: 0.0001 }, 'ok'],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1 }, 'ok'],
  ['PluWrite', { stockName: 'S01', name: 'Tea', vatCategory: 1 }, 'fails: required'],
  ['PluWrite', { code: 0, stockName: 'S01', name: 'Tea', vatCategory: 1 }, 'fails: minimum'],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 11 }, 'fails: maximum'],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1, type: 'Kit' }, 'fails: enum'],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1, id: 'a b' }, 'fails: pattern'],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1, id: long(65) }, 'fails: pattern'],
  [
    'PluWrite',
    {
      code: 1,
      stockName: 'S01',
      name: 'Soup',
      vatCategory: 1,
      type: 'Recipe',
      receipt: [{ pluId: { code: 3, stockName: 'S11' }, quantity: { amount: 0.2, unit: 'kg' } }],
      retailPriceIncludingVat: { amount: 2.5, currencyLabel: 'EUR' },
      stockQuantity: null,
      stockValue: null,
    },
    'ok',
  ],
  [
    'PluWrite',
    { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1, retailPriceIncludingVat: null },
    'fails: type',
  ],
  ['PluWrite', { code: 1, stockName: 'S01', name: 'Tea', vatCategory: 1, receipt: [{ pluId: null }] }, 'fails: type'],
  ['StockWrite', { name: 'S02', description: null }, 'ok'],
  ['StockWrite', { name: long(65) }, 'fails: maxLength'],
  ['PaymentTypeWrite', { number: 9, category: 'Other', description: 'Stravenky' }, 'ok'],
  ['PaymentTypeWrite', { number: 9, description: 'Stravenky' }, 'fails: required'],
  ['PaymentTypeWrite', { number: 0, category: 'Cash', description: 'x' }, 'fails: minimum'],
  ['PaymentTypeWrite', { number: 2147483648, category: 'Cash', description: 'x' }, 'fails: maximum'],
  ['PaymentTypeWrite', { category: '', description: 'x' }, 'fails: minLength'],
  ['ZoneWrite', { name: 'Bar', items: [{ name: 'B01', meta: { shape: 'Rectangle' } }] }, 'ok'],
  ['ZoneWrite', { items: [{ isTable: true }] }, 'fails: required'],
  ['ModifierWrite', { name: 'Milk', options: [{ name: 'Oat', unitPrice: null, pluId: null }] }, 'ok'],
  ['ModifierWrite', {}, 'fails: required'],
  ['ModifierWrite', { name: 'Milk', minimumSelectedOptionsCount: -1 }, 'fails: minimum'],
  ['ModifierWrite', { name: 'Milk', maximumSelectedOptionsCount: null }, 'ok'],
  ['ModifierWrite', { name: 'Milk', maximumSelectedOptionsTotalQuantity: 1.5 }, 'fails: type'],
  ['ModifierWrite', { name: 'Milk', options: [{ defaultSelectedQuantity: -1 }] }, 'fails: minimum'],
  ['RoleWrite', { name: 'waiter', label: 'Čašník', envNames: ['PDA', 'Tool'] }, 'ok'],
  ['RoleWrite', { name: 'waiter' }, 'fails: required'],
  ['RoleWrite', { label: 'x', envNames: ['Web'] }, 'fails: enum'],
  ['DeviceWrite', { name: 'P02', envName: 'CashRegister', settings: { MaxQuantity: '50' } }, 'ok'],
  ['DeviceWrite', { name: 'P02' }, 'fails: required'],
  ['DeviceWrite', { envName: 'Kiosk' }, 'fails: enum'],
  ['DeviceWrite', { envName: 'PDA', settings: { MaxQuantity: 50 } }, 'fails: type'],
  ['ApiKeyWrite', { name: 'Sync', userName: 'manager', deviceName: 'P01' }, 'ok'],
  ['ApiKeyWrite', { name: 'Sync', userName: 'manager' }, 'fails: required'],
  ['ApiKeyWrite', { name: 'Sync', userName: 'manager', deviceName: 'P01', clientSecret: '' }, 'fails: minLength'],
  ['ApiKeyWrite', { name: 'Sync', userName: 'manager', deviceName: 'P01', clientId: long(129) }, 'fails: maxLength'],
  ['ApiKeyWrite', { name: 'Sync', userName: 'manager', deviceName: 'P01', clientId: long(128) }, 'ok'],
];

for (const [schema, body, wanted] of WRITES) {
  test(`${schema} ${JSON.stringify(body).slice(0, 90)}: ${wanted}`, () => {
    assert.equal(verdictOf(schema, body, wanted), wanted);
  });
}

test('the catalogue write schemas are the same in both views, and the models closed only in the strict one', () => {
  const schemas = (doc: Record<string, unknown>) =>
    (doc['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas;
  const doc = loadSpec();
  const derived = strictView(doc);
  for (const model of MODELS) {
    assert.deepEqual(schemas(derived)[`${model}Write`], schemas(doc)[`${model}Write`], `${model}Write`);
    assert.equal(schemas(derived)[model]?.['additionalProperties'], false, model);
    assert.equal(schemas(doc)[model]?.['additionalProperties'], undefined, model);
  }
});

type Example = { value?: unknown; $ref?: string };
type Media = { examples?: Record<string, Example> };
type Operation = { responses: Record<string, { content?: Record<string, Media> }> };

/** Every example of a 2xx JSON answer of the catalogue paths: [method, path, status, name, value]. */
function answerExamples(): [string, string, number, string, unknown][] {
  const spec = loadSpec();
  const paths = spec['paths'] as Record<string, Record<string, Operation>>;
  const shared = (spec['components'] as { examples: Record<string, Example> }).examples;
  const exampleValue = (example: Example) =>
    example.$ref === undefined ? example.value : shared[example.$ref.replace('#/components/examples/', '')]?.value;
  const found: [string, string, number, string, unknown][] = [];
  for (const [template, item] of Object.entries(paths)) {
    const segment = template.split('/')[1] ?? '';
    if (!(SEGMENTS as readonly string[]).includes(segment) && segment !== 'users' && segment !== 'sessions') continue;
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters') continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        const examples = response.content?.['application/json']?.examples ?? {};
        for (const [name, example] of Object.entries(examples)) {
          const value = exampleValue(example);
          assert.notEqual(value, undefined, `${method} ${template} ${status} ${name}: no value`);
          found.push([method.toUpperCase(), template.replace(/\{[^}]+\}/, 'k'), Number(status), name, value]);
        }
      }
    }
  }
  return found;
}

test('every catalogue path has an example of its answers', () => {
  const covered = new Set(answerExamples().map(([method, path]) => `${method} ${path}`));
  const expected = [...SEGMENTS, 'users', 'sessions'].flatMap((segment) =>
    segment === 'users'
      ? [`GET /users`, `GET /users/k`]
      : segment === 'sessions'
        ? [`GET /sessions`, `GET /sessions/k`, `DELETE /sessions/k`]
        : ['GET', 'POST']
            .map((m) => `${m} /${segment}`)
            .concat(['GET', 'PUT', 'DELETE'].map((m) => `${m} /${segment}/k`)),
  );
  assert.deepEqual(
    expected.filter((operation) => !covered.has(operation)),
    [],
  );
});

for (const [method, path, status, name, value] of answerExamples()) {
  test(`the example '${name}' of ${method} ${path} ${status} fits both views`, () => {
    for (const view of [documented, strict]) {
      const found = view.responseSchema(method, path, status, 'application/json');
      assert.equal(found.kind, 'schema');
      if (found.kind === 'schema') assert.ok(found.validate(value), JSON.stringify(found.validate.errors));
    }
  });
}

const VAT = { category: 1, rate: 20, plannedRateChange: null, lastModifiedAt: null, _v: 1 };
const CURRENCY_AS_DOCUMENTED = {
  IsDomestic: true,
  Label: 'EUR',
  Sign: '€',
  ExchangeRate: 1,
  Description: 'Euro',
  _v: 1,
};
const SESSION = {
  id: 'j',
  userName: 'manager',
  deviceName: 'P01',
  createdAt: '2025-06-01T08:00:00.000Z',
  expiresAt: '2025-06-08T08:00:00.000Z',
};

// [name, method, path, body, documented view, strict view]
const ANSWERS: [string, string, string, unknown, Verdict, Verdict][] = [
  ['a full VAT', 'GET', '/vats/1', VAT, 'ok', 'ok'],
  ['a VAT with only its key', 'GET', '/vats/1', { category: 1 }, 'ok', 'fails: required'],
  ['a VAT with an unknown member', 'GET', '/vats/1', { ...VAT, note: 'x' }, 'ok', 'fails: additionalProperties'],
  ['a VAT without its key', 'GET', '/vats/1', { rate: 20 }, 'fails: required', 'fails: required'],
  ['a VAT of category 11', 'GET', '/vats/11', { ...VAT, category: 11 }, 'fails: maximum', 'fails: maximum'],
  ['a VAT rate the mock never sends (101)', 'GET', '/vats/1', { ...VAT, rate: 101 }, 'ok', 'fails: maximum'],
  [
    'the currency as the page writes it (PascalCase)',
    'GET',
    '/currencies/EUR',
    CURRENCY_AS_DOCUMENTED,
    'ok',
    'fails: required',
  ],
  [
    'a device with an environment the mock never sends',
    'GET',
    '/devices/P01',
    {
      name: 'P01',
      isActive: true,
      envName: 'Kiosk',
      description: '',
      roles: [],
      preferences: {},
      settings: {},
      _v: 1,
    },
    'ok',
    'fails: enum',
  ],
  ['a session', 'GET', '/sessions/j', SESSION, 'ok', 'ok'],
  ['a session of unknown members (not documented)', 'GET', '/sessions/j', { token: 'x' }, 'ok', 'fails: required'],
  ['a page of VATs, count only', 'GET', '/vats', { count: 10, totalCount: 10 }, 'ok', 'ok'],
  [
    'a page of VATs whose items are not VATs',
    'GET',
    '/vats',
    { items: [{ rate: 1 }], count: 1 },
    'fails: required',
    'fails: required',
  ],
];

for (const [name, method, path, body, inDocumented, inStrict] of ANSWERS) {
  test(`${name}: documented view ${inDocumented}, strict view ${inStrict}`, () => {
    for (const [view, wanted] of [
      [documented, inDocumented],
      [strict, inStrict],
    ] as const) {
      const found = view.responseSchema(method, path, 200, 'application/json');
      assert.equal(found.kind, 'schema');
      if (found.kind !== 'schema') continue;
      const keywords = found.validate(body)
        ? []
        : (found.validate.errors ?? []).map((e): Verdict => `fails: ${e.keyword}`);
      const got: Verdict =
        keywords.length === 0 ? 'ok' : (keywords.find((k) => k === wanted) ?? (keywords.join(' + ') as Verdict));
      assert.equal(got, wanted);
    }
  });
}
