import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueMessage } from '../../src/i18n/translate.js';
import { parseCustomerQuery, type CustomerQuery } from '../../src/ndata/index.js';
import { LENIENT, REJECTIONS, STRICT } from './cases.js';

const pairs = (qs: string) => [...new URLSearchParams(qs)];
const parse = (qs: string, options = LENIENT) => parseCustomerQuery(pairs(qs), options);
const t = (iso: string) => Date.parse(iso);

const DEFAULTS: CustomerQuery = {
  filters: {},
  isExpired: undefined,
  search: undefined,
  sort: [],
  skip: 0,
  take: undefined,
  count: false,
};
const q = (part: Partial<CustomerQuery>): CustomerQuery => ({ ...DEFAULTS, ...part });

const PARSES: [name: string, querystring: string, expected: CustomerQuery][] = [
  ['no parameters', '', DEFAULTS],
  // decimal × every operator that applies
  ['decimal eq', 'DiscountRate=eq:10', q({ filters: { DiscountRate: [{ op: 'eq', args: [10] }] } })],
  ['decimal bare value is eq', 'DiscountRate=12.5', q({ filters: { DiscountRate: [{ op: 'eq', args: [12.5] }] } })],
  ['decimal neq', 'CreditRate=neq:0', q({ filters: { CreditRate: [{ op: 'neq', args: [0] }] } })],
  ['decimal gt', 'DiscountRate=gt:10', q({ filters: { DiscountRate: [{ op: 'gt', args: [10] }] } })],
  ['decimal gte, signed', 'DiscountRate=gte:-1.5', q({ filters: { DiscountRate: [{ op: 'gte', args: [-1.5] }] } })],
  ['decimal lt', 'DiscountRate=lt:50', q({ filters: { DiscountRate: [{ op: 'lt', args: [50] }] } })],
  ['decimal lte, leading dot', 'CreditRate=lte:.5', q({ filters: { CreditRate: [{ op: 'lte', args: [0.5] }] } })],
  ['decimal in', 'DiscountRate=in:5,10,15', q({ filters: { DiscountRate: [{ op: 'in', args: [5, 10, 15] }] } })],
  ['decimal nin', 'DiscountRate=nin:0', q({ filters: { DiscountRate: [{ op: 'nin', args: [0] }] } })],
  [
    'decimal between',
    'DiscountRate=between:5:30',
    q({ filters: { DiscountRate: [{ op: 'between', args: [5, 30] }] } }),
  ],
  [
    'decimal between, quoted',
    "DiscountRate=between:'5':'30'",
    q({ filters: { DiscountRate: [{ op: 'between', args: [5, 30] }] } }),
  ],
  [
    'two operations (AND)',
    'DiscountRate=gt:10;lt:50',
    q({
      filters: {
        DiscountRate: [
          { op: 'gt', args: [10] },
          { op: 'lt', args: [50] },
        ],
      },
    }),
  ],
  [
    'operator names in any case',
    'DiscountRate=GT:10;Lte:50',
    q({
      filters: {
        DiscountRate: [
          { op: 'gt', args: [10] },
          { op: 'lte', args: [50] },
        ],
      },
    }),
  ],
  // bool
  ['bool eq', 'IsActive=eq:true', q({ filters: { IsActive: [{ op: 'eq', args: [true] }] } })],
  ['bool bare value, any case', 'IsActive=FALSE', q({ filters: { IsActive: [{ op: 'eq', args: [false] }] } })],
  ['bool neq', 'IsActive=neq:false', q({ filters: { IsActive: [{ op: 'neq', args: [false] }] } })],
  ['bool in', 'IsActive=in:true,false', q({ filters: { IsActive: [{ op: 'in', args: [true, false] }] } })],
  ['bool nin', 'IsActive=nin:True', q({ filters: { IsActive: [{ op: 'nin', args: [true] }] } })],
  // DateTime
  [
    'DateTime lt with colons, no quotes',
    'ExpirationTime=lt:2025-01-01T10:00:00Z',
    q({ filters: { ExpirationTime: [{ op: 'lt', args: [t('2025-01-01T10:00:00Z')] }] } }),
  ],
  [
    'DateTime bare value with colons',
    'ExpirationTime=2025-01-01T10:00:00Z',
    q({ filters: { ExpirationTime: [{ op: 'eq', args: [t('2025-01-01T10:00:00Z')] }] } }),
  ],
  [
    'DateTime without zone is UTC',
    'ExpirationTime=gte:2025-01-01T10:00',
    q({ filters: { ExpirationTime: [{ op: 'gte', args: [t('2025-01-01T10:00:00Z')] }] } }),
  ],
  [
    'DateTime date only',
    'ExpirationTime=gt:2025-01-01',
    q({ filters: { ExpirationTime: [{ op: 'gt', args: [t('2025-01-01T00:00:00Z')] }] } }),
  ],
  [
    'DateTime with offset and fraction',
    'ExpirationTime=lte:2025-01-01T10:00:00.5%2B02:00',
    q({ filters: { ExpirationTime: [{ op: 'lte', args: [t('2025-01-01T08:00:00.500Z')] }] } }),
  ],
  [
    'DateTime neq',
    'ExpirationTime=neq:2025-01-01T00:00:00Z',
    q({ filters: { ExpirationTime: [{ op: 'neq', args: [t('2025-01-01T00:00:00Z')] }] } }),
  ],
  [
    'DateTime in',
    'ExpirationTime=in:2025-01-01T00:00:00Z,2026-01-01',
    q({ filters: { ExpirationTime: [{ op: 'in', args: [t('2025-01-01'), t('2026-01-01')] }] } }),
  ],
  [
    'DateTime nin, quoted items',
    "ExpirationTime=nin:'2025-01-01T00:00:00Z'",
    q({ filters: { ExpirationTime: [{ op: 'nin', args: [t('2025-01-01')] }] } }),
  ],
  [
    'DateTime between, quoted',
    "ExpirationTime=between:'2025-01-01T00:00:00Z':'2025-12-31T23:59:59Z'",
    q({
      filters: { ExpirationTime: [{ op: 'between', args: [t('2025-01-01T00:00:00Z'), t('2025-12-31T23:59:59Z')] }] },
    }),
  ],
  [
    'DateTime between, date only unquoted',
    'ExpirationTime=between:2025-01-01:2025-12-31',
    q({ filters: { ExpirationTime: [{ op: 'between', args: [t('2025-01-01'), t('2025-12-31')] }] } }),
  ],
  ['DateTime null', 'ExpirationTime=null', q({ filters: { ExpirationTime: [{ op: 'null', args: [] }] } })],
  ['DateTime notnull', 'ExpirationTime=NotNull', q({ filters: { ExpirationTime: [{ op: 'notnull', args: [] }] } })],
  // string
  ['string eq', 'ExternalId=eq:EXT-001', q({ filters: { ExternalId: [{ op: 'eq', args: ['EXT-001'] }] } })],
  [
    'string bare value keeps colons',
    'ExternalId=abc:def',
    q({ filters: { ExternalId: [{ op: 'eq', args: ['abc:def'] }] } }),
  ],
  [
    'string unknown-looking prefix is a value',
    'ExternalId=foo:1',
    q({ filters: { ExternalId: [{ op: 'eq', args: ['foo:1'] }] } }),
  ],
  [
    'string eq takes everything after the first colon',
    'ExternalId=eq:a:b,c',
    q({ filters: { ExternalId: [{ op: 'eq', args: ['a:b,c'] }] } }),
  ],
  ['string neq', 'ExternalId=neq:x', q({ filters: { ExternalId: [{ op: 'neq', args: ['x'] }] } })],
  ['string gt', 'ExternalId=gt:M', q({ filters: { ExternalId: [{ op: 'gt', args: ['M'] }] } })],
  ['string gte', 'ExternalId=gte:M', q({ filters: { ExternalId: [{ op: 'gte', args: ['M'] }] } })],
  ['string lt', 'ExternalId=lt:M', q({ filters: { ExternalId: [{ op: 'lt', args: ['M'] }] } })],
  ['string lte', 'ExternalId=lte:M', q({ filters: { ExternalId: [{ op: 'lte', args: ['M'] }] } })],
  ['string in', 'ExternalId=in:a,b', q({ filters: { ExternalId: [{ op: 'in', args: ['a', 'b'] }] } })],
  [
    'string in with an empty item',
    'ExternalId=in:a,,b',
    q({ filters: { ExternalId: [{ op: 'in', args: ['a', '', 'b'] }] } }),
  ],
  [
    'string in, quoted item holding , and ;',
    "ExternalId=in:'a,b','c;d',e",
    q({ filters: { ExternalId: [{ op: 'in', args: ['a,b', 'c;d', 'e'] }] } }),
  ],
  ['string nin', 'ExternalId=nin:a', q({ filters: { ExternalId: [{ op: 'nin', args: ['a'] }] } })],
  ['string contains', 'ExternalId=contains:Ext', q({ filters: { ExternalId: [{ op: 'contains', args: ['Ext'] }] } })],
  [
    'string startswith',
    'ExternalId=StartsWith:ext',
    q({ filters: { ExternalId: [{ op: 'startswith', args: ['ext'] }] } }),
  ],
  ['string endswith', 'ExternalId=endswith:01', q({ filters: { ExternalId: [{ op: 'endswith', args: ['01'] }] } })],
  ['string null', 'ExternalId=null', q({ filters: { ExternalId: [{ op: 'null', args: [] }] } })],
  ['string notnull', 'ExternalId=notnull', q({ filters: { ExternalId: [{ op: 'notnull', args: [] }] } })],
  ['string between', 'ExternalId=between:A:M', q({ filters: { ExternalId: [{ op: 'between', args: ['A', 'M'] }] } })],
  [
    'quoted operator name is a value',
    "ExternalId='null'",
    q({ filters: { ExternalId: [{ op: 'eq', args: ['null'] }] } }),
  ],
  [
    'quoted value holding ; and :',
    "ExternalId='ext:colon;semi'",
    q({ filters: { ExternalId: [{ op: 'eq', args: ['ext:colon;semi'] }] } }),
  ],
  [
    "'' is a quote inside quotes",
    "ExternalId=eq:'O''Brien'",
    q({ filters: { ExternalId: [{ op: 'eq', args: ["O'Brien"] }] } }),
  ],
  [
    'a quote inside a word is ordinary',
    "ExternalId=O'Brien",
    q({ filters: { ExternalId: [{ op: 'eq', args: ["O'Brien"] }] } }),
  ],
  ['empty string, quoted', "ExternalId=''", q({ filters: { ExternalId: [{ op: 'eq', args: [''] }] } })],
  ['empty string after eq:', 'ExternalId=eq:', q({ filters: { ExternalId: [{ op: 'eq', args: [''] }] } })],
  ['whitespace is significant', 'ExternalId=%20a%20', q({ filters: { ExternalId: [{ op: 'eq', args: [' a '] }] } })],
  [
    'unicode and %00 are plain text',
    'ExternalId=contains:%C5%BElt%C3%BD%00',
    q({ filters: { ExternalId: [{ op: 'contains', args: ['žltý\u0000'] }] } }),
  ],
  [
    'CardSerialNumber startswith',
    'CardSerialNumber=startswith:CARD',
    q({ filters: { CardSerialNumber: [{ op: 'startswith', args: ['CARD'] }] } }),
  ],
  ['CardSerialNumber null', 'CardSerialNumber=null', q({ filters: { CardSerialNumber: [{ op: 'null', args: [] }] } })],
  // names, repeats
  [
    'parameter names are case-insensitive',
    'discountrate=gt:1&ISACTIVE=true',
    q({ filters: { DiscountRate: [{ op: 'gt', args: [1] }], IsActive: [{ op: 'eq', args: [true] }] } }),
  ],
  [
    'a repeated filter parameter adds operations',
    'DiscountRate=gt:0&discountRate=lt:50',
    q({
      filters: {
        DiscountRate: [
          { op: 'gt', args: [0] },
          { op: 'lt', args: [50] },
        ],
      },
    }),
  ],
  ['a repeated single parameter: the first counts', '$skip=1&$SKIP=2&Search=a&search=b', q({ skip: 1, search: 'a' })],
  ['unknown parameters are ignored', 'foo=bar&$include=x', DEFAULTS],
  // paging, count, IsExpired, Search
  ['$skip and $take', '$skip=10&$take=5', q({ skip: 10, take: 5 })],
  ['$take bounds', '$skip=0&$take=2147483647', q({ take: 2147483647 })],
  ['sign and leading zeros', '$skip=%2B7&$take=007', q({ skip: 7, take: 7 })],
  ['$count=true', '$count=true', q({ count: true })],
  ['$count in any case', '$Count=FALSE', q({ count: false })],
  ['IsExpired', 'IsExpired=True', q({ isExpired: true })],
  ['IsExpired=false', 'isexpired=false', q({ isExpired: false })],
  ['Search as given', 'Search=%20Nov%C3%A1k', q({ search: ' Novák' })],
  ['empty Search filters nothing', 'Search=', DEFAULTS],
  // $sort
  [
    '$sort keys and :desc',
    '$sort=lastName,discountRate:desc',
    q({
      sort: [
        { key: 'lastName', descending: false },
        { key: 'discountRate', descending: true },
      ],
    }),
  ],
  ['$sort leading -', '$sort=-discountRate', q({ sort: [{ key: 'discountRate', descending: true }] })],
  [
    '$sort keys and directions in any case',
    '$sort=LASTNAME:DESC,FirstName:Asc',
    q({
      sort: [
        { key: 'lastName', descending: true },
        { key: 'firstName', descending: false },
      ],
    }),
  ],
  [
    '$sort repeated key counts once',
    '$sort=lastName:desc,lastname,firstName,-LASTNAME',
    q({
      sort: [
        { key: 'lastName', descending: true },
        { key: 'firstName', descending: false },
      ],
    }),
  ],
  [
    '$sort dotted paths',
    '$sort=company.name,-Credit.Amount,address.coordinates.latitude',
    q({
      sort: [
        { key: 'company.name', descending: false },
        { key: 'credit.amount', descending: true },
        { key: 'address.coordinates.latitude', descending: false },
      ],
    }),
  ],
  [
    '$sort derived members',
    '$sort=fullName,-status',
    q({
      sort: [
        { key: 'fullName', descending: false },
        { key: 'status', descending: true },
      ],
    }),
  ],
  ['$sort -key:desc', '$sort=-_v:desc', q({ sort: [{ key: '_v', descending: true }] })],
];

for (const [name, qs, expected] of PARSES) {
  test(`parses: ${name}`, () => {
    assert.deepEqual(parse(qs), { ok: true, query: expected });
  });
}

for (const [name, qs, expected, options] of REJECTIONS) {
  test(`rejects: ${name}`, () => {
    const result = parse(qs, options);
    assert.equal(result.ok, false, 'expected issues');
    if (result.ok) return;
    assert.deepEqual(
      result.issues.map((i) => [i.kind, i.member]),
      expected,
    );
  });
}

test('a repeated filter parameter keeps its operations apart from other members', () => {
  const result = parse('DiscountRate=gt:1&DiscountRate=lt:9;neq:5');
  assert.deepEqual(result, {
    ok: true,
    query: q({
      filters: {
        DiscountRate: [
          { op: 'gt', args: [1] },
          { op: 'lt', args: [9] },
          { op: 'neq', args: [5] },
        ],
      },
    }),
  });
});

test('issues carry where: operation number (across repeats) and the operation text', () => {
  const result = parse('DiscountRate=gt:1&DiscountRate=lt:5;foo:2');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.issues, [
    {
      kind: 'query.unknown_operator',
      member: 'DiscountRate',
      params: {
        operation: 3,
        text: 'foo:2',
        operator: 'foo',
        allowed: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between'],
      },
    },
  ]);
});

test('issue parameters: type and nullability, arity, sort position', () => {
  const result = parse('IsActive=gt:true&ExternalId=null:x&$sort=id,foo');
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.issues.map((i) => i.params),
    [
      {
        operation: 1,
        text: 'gt:true',
        operator: 'gt',
        type: 'bool',
        nullable: false,
        allowed: ['eq', 'neq', 'in', 'nin'],
      },
      { operation: 1, text: 'null:x', operator: 'null', expected: 'none', actual: 1 },
      {
        position: 2,
        key: 'foo',
        allowed: result.issues[2]?.kind === 'query.sort_unknown_key' ? result.issues[2].params.allowed : [],
      },
    ],
  );
});

test('long texts are shortened in issues', () => {
  const result = parse(`DiscountRate=${'x'.repeat(10_000)}`);
  assert.equal(result.ok, false);
  if (result.ok) return;
  const [only] = result.issues;
  assert.ok(only !== undefined && only.kind === 'query.invalid_argument');
  assert.ok(only.params.text.length <= 60 && only.params.value.length <= 60);
});

test('thousands of operations parse in linear time', () => {
  const started = performance.now();
  const result = parse(`DiscountRate=${Array.from({ length: 5000 }, (_, i) => `gte:${i % 50}`).join(';')}`);
  assert.equal(result.ok && result.query.filters.DiscountRate?.length, 5000);
  assert.ok(performance.now() - started < 1000);
});

test('every issue reads in both languages and says where', () => {
  const result = parse(
    "DiscountRate=;foo:1;gt;in:;IsActive&DiscountRate=&ExternalId='x&IsActive=gt:1&IsExpired=x&$count=x&$skip=-1&$take=a&$sort=,x,cards,id:up,-id:asc&a=1&$skip=2",
    STRICT,
  );
  assert.equal(result.ok, false);
  if (result.ok) return;
  const kinds = new Set(result.issues.map((i) => i.kind));
  assert.ok(kinds.size >= 15, `only ${[...kinds].join(', ')}`);
  for (const item of result.issues) {
    for (const locale of ['sk-SK', 'en-GB'] as const) {
      const message = issueMessage(item, locale);
      assert.ok(message.length > 10, `${item.kind} ${locale}`);
      if ('operation' in item.params)
        assert.match(message, new RegExp(`${item.params.operation}`), `${item.kind} ${locale}: ${message}`);
      if ('position' in item.params)
        assert.match(message, new RegExp(`${item.params.position}`), `${item.kind} ${locale}: ${message}`);
    }
  }
});

test('messages: the documented example sentence', () => {
  const result = parse('DiscountRate=gt:1;foo:1');
  assert.equal(result.ok, false);
  if (result.ok) return;
  const [only] = result.issues;
  assert.ok(only !== undefined);
  assert.equal(
    issueMessage(only, 'en-GB'),
    "Operation 2 ('foo:1'): unknown operator 'foo'; allowed: eq, neq, gt, gte, lt, lte, in, nin, between.",
  );
  assert.equal(
    issueMessage(only, 'sk-SK'),
    "Operácia 2 ('foo:1'): neznámy operátor 'foo'; povolené: eq, neq, gt, gte, lt, lte, in, nin, between.",
  );
});
