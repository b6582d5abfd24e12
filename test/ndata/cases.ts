/* Case tables shared by the parser, evaluator and HTTP tests of NData (GET /customers). */
import { readFileSync } from 'node:fs';
import type { StoredCustomer } from '../../src/domain/customer.js';
import type { IssueKind } from '../../src/errors/issue.js';
import type { ParseOptions } from '../../src/ndata/index.js';

export const LENIENT: ParseOptions = { strict: false, repeatedSingleParameter: 'first' };
export const STRICT: ParseOptions = { strict: true, repeatedSingleParameter: 'first' };

/*
 * fixtures/customers.small.json at 2025-06-01T12:00:00Z:
 * id  externalId        active status       name             discount credit cards                 expirationTime
 * c1  EXT-001           true   Valid        Ján Novák        10       0      CARD-100, CARD-101    null
 * c2  EXT-002           false  Expired      Eva Nováková     5.5      2      (null serial)         2024-12-31T23:59:59Z
 * c3  null              true   NotYetValid  (Žltý Kôň s.r.o.) 30      1.25   CARD-300              2030-01-01
 * c4  ext:colon;semi    true   Expired      Peter Horváth    0        0      none                  = now
 * c5  O'Brien           true   Valid        Mária Šťastná    15       0.5    card-500              now + 1 ms
 * c6  EXT-006           false  NotYetValid  Zoltán Ábel      10       0      CARD-600, X-601       null
 * c7  ext-007           true   Valid        anna Kováčová    100      5      none                  2099-12-31
 * c8  ''                true   Valid        Ivan Novák       10       0      CARD-800              null
 */
export const FIXTURE = JSON.parse(
  readFileSync(new URL('../../fixtures/customers.small.json', import.meta.url), 'utf8'),
) as StoredCustomer[];
export const NOW = Date.parse('2025-06-01T12:00:00.000Z');
export const ALL = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
const except = (...ids: string[]) => ALL.filter((id) => !ids.includes(id));

/** Query string → the ids the fixture answers with, in order (every operator × member, IsExpired, Search, $sort, paging). */
export const EVALUATIONS: [name: string, querystring: string, expected: string[]][] = [
  ['no query: insertion order', '', ALL],
  // decimal
  ['decimal bare eq', 'DiscountRate=10', ['c1', 'c6', 'c8']],
  ['decimal eq', 'DiscountRate=eq:10', ['c1', 'c6', 'c8']],
  ['decimal neq', 'DiscountRate=neq:10', ['c2', 'c3', 'c4', 'c5', 'c7']],
  ['decimal gt', 'DiscountRate=gt:10', ['c3', 'c5', 'c7']],
  ['decimal gte', 'DiscountRate=gte:10', ['c1', 'c3', 'c5', 'c6', 'c7', 'c8']],
  ['decimal lt', 'DiscountRate=lt:10', ['c2', 'c4']],
  ['decimal lte', 'DiscountRate=lte:5.5', ['c2', 'c4']],
  ['decimal in', 'DiscountRate=in:0,15,100', ['c4', 'c5', 'c7']],
  ['decimal nin', 'DiscountRate=nin:10,0', ['c2', 'c3', 'c5', 'c7']],
  ['decimal between (inclusive)', 'DiscountRate=between:5.5:15', ['c1', 'c2', 'c5', 'c6', 'c8']],
  ['operations are ANDed', 'DiscountRate=gt:0;lt:50', ['c1', 'c2', 'c3', 'c5', 'c6', 'c8']],
  [
    'a repeated parameter is the same list',
    'DiscountRate=gt:0&DiscountRate=lt:50',
    ['c1', 'c2', 'c3', 'c5', 'c6', 'c8'],
  ],
  ['contradictory range', 'DiscountRate=gt:20;lt:10', []],
  ['range and neq together', 'DiscountRate=gte:10;lte:30;neq:15', ['c1', 'c3', 'c6', 'c8']],
  ['CreditRate gt', 'CreditRate=gt:0', ['c2', 'c3', 'c5', 'c7']],
  ['CreditRate eq', 'CreditRate=1.25', ['c3']],
  ['CreditRate neq', 'CreditRate=neq:0', ['c2', 'c3', 'c5', 'c7']],
  ['CreditRate gte', 'CreditRate=gte:1.25', ['c2', 'c3', 'c7']],
  ['CreditRate lt', 'CreditRate=lt:1', ['c1', 'c4', 'c5', 'c6', 'c8']],
  ['CreditRate lte', 'CreditRate=lte:0.5', ['c1', 'c4', 'c5', 'c6', 'c8']],
  ['CreditRate in', 'CreditRate=in:2,5', ['c2', 'c7']],
  ['CreditRate nin', 'CreditRate=nin:0', ['c2', 'c3', 'c5', 'c7']],
  ['CreditRate between', 'CreditRate=between:0.5:2', ['c2', 'c3', 'c5']],
  // bool
  ['bool true', 'IsActive=true', ['c1', 'c3', 'c4', 'c5', 'c7', 'c8']],
  ['bool false', 'IsActive=eq:false', ['c2', 'c6']],
  ['bool neq', 'IsActive=neq:true', ['c2', 'c6']],
  ['bool in', 'IsActive=in:true,false', ALL],
  ['bool nin', 'IsActive=nin:true', ['c2', 'c6']],
  // DateTime (nullable)
  ['DateTime null', 'ExpirationTime=null', ['c1', 'c6', 'c8']],
  ['DateTime notnull', 'ExpirationTime=notnull', ['c2', 'c3', 'c4', 'c5', 'c7']],
  ['DateTime lt (millisecond precision)', 'ExpirationTime=lt:2025-06-01T12:00:00.001Z', ['c2', 'c4']],
  ['DateTime lte', 'ExpirationTime=lte:2025-06-01T12:00:00.001Z', ['c2', 'c4', 'c5']],
  ['DateTime gt', 'ExpirationTime=gt:2025-06-01T12:00:00Z', ['c3', 'c5', 'c7']],
  ['DateTime gte', 'ExpirationTime=gte:2025-06-01T12:00:00Z', ['c3', 'c4', 'c5', 'c7']],
  ['DateTime bare eq with colons', 'ExpirationTime=2025-06-01T12:00:00Z', ['c4']],
  ['DateTime eq with an offset', 'ExpirationTime=eq:2025-06-01T14:00:00%2B02:00', ['c4']],
  ['DateTime neq: nulls match', 'ExpirationTime=neq:2025-06-01T12:00:00Z', except('c4')],
  ['DateTime in', 'ExpirationTime=in:2030-01-01,2099-12-31', ['c3', 'c7']],
  ['DateTime nin: nulls match', 'ExpirationTime=nin:2030-01-01', except('c3')],
  [
    'DateTime between, quoted',
    "ExpirationTime=between:'2025-01-01T00:00:00Z':'2030-01-01T00:00:00Z'",
    ['c3', 'c4', 'c5'],
  ],
  ['DateTime between, dates', 'ExpirationTime=between:2025-01-01:2030-01-01', ['c3', 'c4', 'c5']],
  ['DateTime gt excludes nulls', 'ExpirationTime=gt:1900-01-01', ['c2', 'c3', 'c4', 'c5', 'c7']],
  // string (nullable, case-sensitive except contains/startswith/endswith)
  ['string eq is exact', 'ExternalId=EXT-001', ['c1']],
  ['string eq is case-sensitive', 'ExternalId=ext-001', []],
  ['string quoted value with : and ;', "ExternalId='ext:colon;semi'", ['c4']],
  ['string bare value with a colon', 'ExternalId=ext:colon', []],
  ['string with a quote inside', "ExternalId=O'Brien", ['c5']],
  ['string quoted quote', "ExternalId=eq:'O''Brien'", ['c5']],
  ['string empty', "ExternalId=''", ['c8']],
  ['string null', 'ExternalId=null', ['c3']],
  ['string notnull', 'ExternalId=notnull', except('c3')],
  ['string neq: nulls match', 'ExternalId=neq:EXT-001', except('c1')],
  ['string in', 'ExternalId=in:EXT-001,EXT-002', ['c1', 'c2']],
  ['string nin: nulls match', "ExternalId=nin:EXT-001,''", ['c2', 'c3', 'c4', 'c5', 'c6', 'c7']],
  ['string contains ignores case', 'ExternalId=contains:ext', ['c1', 'c2', 'c4', 'c6', 'c7']],
  ['string startswith ignores case', 'ExternalId=startswith:EXT-', ['c1', 'c2', 'c6', 'c7']],
  ['string endswith', 'ExternalId=endswith:1', ['c1']],
  ['string gt is ordinal', 'ExternalId=gt:ext', ['c4', 'c7']],
  ['string gte', 'ExternalId=gte:O', ['c4', 'c5', 'c7']],
  ['string lt', 'ExternalId=lt:E', ['c8']],
  ['string lte', 'ExternalId=lte:EXT-002', ['c1', 'c2', 'c8']],
  ['string between', 'ExternalId=between:EXT-001:EXT-006', ['c1', 'c2', 'c6']],
  // CardSerialNumber: any card; no cards never match
  ['card eq', 'CardSerialNumber=CARD-101', ['c1']],
  ['card null serial', 'CardSerialNumber=null', ['c2']],
  ['card notnull', 'CardSerialNumber=notnull', ['c1', 'c3', 'c5', 'c6', 'c8']],
  ['card startswith ignores case', 'CardSerialNumber=startswith:card', ['c1', 'c3', 'c5', 'c6', 'c8']],
  [
    'card neq: any other card (customers without cards never match)',
    'CardSerialNumber=neq:CARD-100',
    ['c1', 'c2', 'c3', 'c5', 'c6', 'c8'],
  ],
  ['card: all operations on the same card', 'CardSerialNumber=startswith:X;endswith:00', []],
  ['card: one card satisfies both', 'CardSerialNumber=startswith:C;endswith:01', ['c1']],
  ['card in', 'CardSerialNumber=in:X-601,CARD-300', ['c3', 'c6']],
  ['card nin', 'CardSerialNumber=nin:CARD-100', ['c1', 'c2', 'c3', 'c5', 'c6', 'c8']],
  ['card gt (ordinal: lower case after upper)', 'CardSerialNumber=gt:CARD-600', ['c5', 'c6', 'c8']],
  ['card contains', 'CardSerialNumber=contains:-60', ['c6']],
  ['card gte', 'CardSerialNumber=gte:CARD-800', ['c5', 'c6', 'c8']],
  ['card lt', 'CardSerialNumber=lt:CARD-300', ['c1']],
  ['card lte', 'CardSerialNumber=lte:CARD-300', ['c1', 'c3']],
  ['card endswith', 'CardSerialNumber=endswith:01', ['c1', 'c6']],
  ['card between', 'CardSerialNumber=between:CARD-100:CARD-300', ['c1', 'c3']],
  // IsExpired: status == Expired (expirationTime ≤ now)
  ['IsExpired=true', 'IsExpired=true', ['c2', 'c4']],
  ['IsExpired=false', 'IsExpired=false', ['c1', 'c3', 'c5', 'c6', 'c7', 'c8']],
  // Search: case-insensitive, diacritics significant, one field at a time
  ['Search over names and notes', 'Search=novák', ['c1', 'c2', 'c6', 'c7', 'c8']],
  ['Search: diacritics count', 'Search=NOVAK', []],
  ['Search company name', 'Search=ŽLTÝ', ['c3']],
  ['Search VAT id', 'Search=sk2020', ['c3']],
  ['Search tax id', 'Search=1122334455', ['c7']],
  ['Search first name and company', 'Search=anna', ['c7']],
  ['Search note', 'Search=vip', ['c1']],
  ['Search three letters', 'Search=ová', ['c1', 'c2', 'c6', 'c7', 'c8']],
  ['Search never spans two fields', 'Search=Ján%20Novák', []],
  ['Search punctuation', 'Search=:', ['c4']],
  ['Search %00', 'Search=%00', []],
  ['Search one letter', 'Search=Š', ['c5']],
  // $sort
  ['sort string asc: nulls first, ordinal', '$sort=lastName', ['c3', 'c4', 'c7', 'c1', 'c8', 'c2', 'c6', 'c5']],
  [
    'sort string desc: nulls last, ties in insertion order',
    '$sort=-lastName',
    ['c5', 'c6', 'c2', 'c1', 'c8', 'c7', 'c4', 'c3'],
  ],
  ['sort two keys', '$sort=discountRate,-creditRate', ['c4', 'c2', 'c1', 'c6', 'c8', 'c5', 'c3', 'c7']],
  ['sort desc, ties in insertion order', '$sort=discountRate:desc', ['c7', 'c3', 'c5', 'c1', 'c6', 'c8', 'c2', 'c4']],
  ['sort status', '$sort=status', ['c2', 'c4', 'c3', 'c6', 'c1', 'c5', 'c7', 'c8']],
  ['sort status desc', '$sort=-status', ['c1', 'c5', 'c7', 'c8', 'c3', 'c6', 'c2', 'c4']],
  ['sort nested', '$sort=company.name', ['c1', 'c2', 'c4', 'c5', 'c6', 'c8', 'c7', 'c3']],
  ['sort DateTime desc', '$sort=-expirationTime', ['c7', 'c3', 'c5', 'c4', 'c2', 'c1', 'c6', 'c8']],
  ['sort fullName (derived, never null)', '$sort=fullName', ['c3', 'c2', 'c8', 'c1', 'c5', 'c4', 'c6', 'c7']],
  ['sort credit.amount', '$sort=credit.amount', ['c4', 'c6', 'c7', 'c8', 'c5', 'c2', 'c1', 'c3']],
  ['sort address.city', '$sort=address.city', ['c4', 'c6', 'c8', 'c1', 'c5', 'c2', 'c7', 'c3']],
  ['sort credit.currencyLabel', '$sort=credit.currencyLabel', ['c6', 'c4', 'c1', 'c2', 'c3', 'c5', 'c7', 'c8']],
  ['sort boolean', '$sort=isActive', ['c2', 'c6', 'c1', 'c3', 'c4', 'c5', 'c7', 'c8']],
  ['sort _v then -id', '$sort=_v,-id', ['c8', 'c7', 'c6', 'c4', 'c2', 'c1', 'c5', 'c3']],
  ['sort birthDate', '$sort=birthDate', ['c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c1']],
  ['sort coordinates', '$sort=-address.coordinates.latitude', ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8']],
  // paging
  ['skip and take', '$skip=2&$take=3', ['c3', 'c4', 'c5']],
  ['sort then page', '$sort=-discountRate&$skip=1&$take=2', ['c3', 'c5']],
  ['skip past the end', '$skip=10', []],
  ['take 0', '$take=0', []],
  ['largest skip and take', '$skip=2147483647&$take=2147483647', []],
  ['filter, sort and page', 'IsActive=true&DiscountRate=gte:10&$sort=-discountRate&$take=2', ['c7', 'c3']],
];

/** Query string → count, totalCount, whether items are present. */
export const COUNTS: [querystring: string, count: number, totalCount: number, hasItems: boolean][] = [
  ['$skip=2&$take=3', 3, 8, true],
  ['DiscountRate=10&$take=2', 2, 3, true],
  ['$count=true', 8, 8, false],
  ['$count=true&$skip=6&$take=5', 2, 8, false],
  ['$count=true&$take=3', 3, 8, false],
  ['$count=true&$skip=9', 0, 8, false],
  ['DiscountRate=10&$count=true', 3, 3, false],
  ['$count=false&$take=1', 1, 8, true],
];

/** Query string → the issues (kind, member) in order. */
export type Expected = [kind: IssueKind, member: string][];

export const REJECTIONS: [name: string, querystring: string, expected: Expected, options?: ParseOptions][] = [
  ['empty value', 'DiscountRate=', [['query.empty_value', 'DiscountRate']]],
  ['empty value of a string member', 'ExternalId=', [['query.empty_value', 'ExternalId']]],
  ['empty operation between ;;', 'DiscountRate=gt:1;;lt:5', [['query.empty_operation', 'DiscountRate']]],
  ['trailing ;', 'DiscountRate=gt:1;', [['query.empty_operation', 'DiscountRate']]],
  [
    'only ;',
    'CardSerialNumber=;',
    [
      ['query.empty_operation', 'CardSerialNumber'],
      ['query.empty_operation', 'CardSerialNumber'],
    ],
  ],
  ['unknown operator', 'DiscountRate=foo:1', [['query.unknown_operator', 'DiscountRate']]],
  [
    'unknown operator on a DateTime',
    'ExpirationTime=before:2025-01-01',
    [['query.unknown_operator', 'ExpirationTime']],
  ],
  [':::', 'CreditRate=:::', [['query.invalid_argument', 'CreditRate']]],
  ['ordered operator on a bool', 'IsActive=gt:true', [['query.operator_not_allowed', 'IsActive']]],
  ['null on a non-nullable member', 'IsActive=null', [['query.operator_not_allowed', 'IsActive']]],
  ['notnull on a decimal', 'DiscountRate=notnull', [['query.operator_not_allowed', 'DiscountRate']]],
  ['string operator on a decimal', 'CreditRate=contains:1', [['query.operator_not_allowed', 'CreditRate']]],
  ['between on a bool', 'IsActive=between:false:true', [['query.operator_not_allowed', 'IsActive']]],
  ['missing argument', 'DiscountRate=gt', [['query.argument_count', 'DiscountRate']]],
  ['argument on null', 'ExternalId=null:x', [['query.argument_count', 'ExternalId']]],
  ['empty argument on notnull', 'ExternalId=notnull:', [['query.argument_count', 'ExternalId']]],
  ['between with one argument', 'DiscountRate=between:1', [['query.argument_count', 'DiscountRate']]],
  ['between with three arguments', 'DiscountRate=between:1:2:3', [['query.argument_count', 'DiscountRate']]],
  [
    'between of unquoted date-times',
    'ExpirationTime=between:2025-01-01T00:00:00Z:2025-02-01T00:00:00Z',
    [['query.argument_count', 'ExpirationTime']],
  ],
  ['in without a list', 'DiscountRate=in', [['query.argument_count', 'DiscountRate']]],
  ['in with an empty list', 'DiscountRate=in:', [['query.empty_list', 'DiscountRate']]],
  ['nin with an empty list', 'ExternalId=nin:', [['query.empty_list', 'ExternalId']]],
  ['unclosed quote', "ExternalId='abc", [['query.bad_quote', 'ExternalId']]],
  ['text after a closing quote', "ExternalId='a'b", [['query.bad_quote', 'ExternalId']]],
  ['quoted part of an argument', "ExternalId=eq:'a':b", [['query.bad_quote', 'ExternalId']]],
  ['not a number', 'DiscountRate=abc', [['query.invalid_argument', 'DiscountRate']]],
  ['decimal comma', 'DiscountRate=gt:1,5', [['query.invalid_argument', 'DiscountRate']]],
  ['exponent', 'DiscountRate=1e3', [['query.invalid_argument', 'DiscountRate']]],
  ['space in a number', 'DiscountRate=gt:%201', [['query.invalid_argument', 'DiscountRate']]],
  ['bad list item', 'DiscountRate=in:1,x,2', [['query.invalid_argument', 'DiscountRate']]],
  [
    'two bad between arguments',
    'DiscountRate=between:a:b',
    [
      ['query.invalid_argument', 'DiscountRate'],
      ['query.invalid_argument', 'DiscountRate'],
    ],
  ],
  ['not a boolean', 'IsActive=yes', [['query.invalid_argument', 'IsActive']]],
  ['not a calendar date', 'ExpirationTime=2025-02-30', [['query.invalid_argument', 'ExpirationTime']]],
  ['not a date-time', 'ExpirationTime=lt:yesterday', [['query.invalid_argument', 'ExpirationTime']]],
  [
    "'+' decoded to a space",
    'ExpirationTime=lt:2025-01-01T10:00:00+02:00',
    [['query.invalid_argument', 'ExpirationTime']],
  ],
  ['IsExpired not a boolean', 'IsExpired=1', [['query.invalid_boolean', 'IsExpired']]],
  ['IsExpired empty', 'IsExpired=', [['query.invalid_boolean', 'IsExpired']]],
  ['$count not a boolean', '$count=yes', [['query.invalid_boolean', '$count']]],
  ['negative $skip', '$skip=-1', [['query.integer_out_of_range', '$skip']]],
  ['$skip above int', '$skip=2147483648', [['query.integer_out_of_range', '$skip']]],
  ['$take of 10,000 digits', `$take=${'9'.repeat(10_000)}`, [['query.integer_out_of_range', '$take']]],
  ['non-integer $take', '$take=1.5', [['query.invalid_integer', '$take']]],
  ['empty $take', '$take=', [['query.invalid_integer', '$take']]],
  ['$sort empty', '$sort=', [['query.sort_empty_key', '$sort']]],
  ['$sort empty key', '$sort=lastName,,firstName', [['query.sort_empty_key', '$sort']]],
  ['$sort unknown key', '$sort=nope', [['query.sort_unknown_key', '$sort']]],
  ['$sort space before a key', '$sort=lastName,%20firstName', [['query.sort_unknown_key', '$sort']]],
  ['$sort on an array', '$sort=cards', [['query.sort_not_sortable', '$sort']]],
  ['$sort on an object', '$sort=Company', [['query.sort_not_sortable', '$sort']]],
  ['$sort inside meta', '$sort=meta.tier', [['query.sort_not_sortable', '$sort']]],
  ['$sort bad direction', '$sort=lastName:up', [['query.sort_bad_direction', '$sort']]],
  ['$sort -key:asc', '$sort=-lastName:asc', [['query.sort_conflicting_direction', '$sort']]],
  ['member named as documented, whatever the case', 'discountrate=gt', [['query.argument_count', 'DiscountRate']]],
  [
    'errors in repeated filter parameters',
    'DiscountRate=gt:x&DiscountRate=foo:2',
    [
      ['query.invalid_argument', 'DiscountRate'],
      ['query.unknown_operator', 'DiscountRate'],
    ],
  ],
  [
    'every problem at once, in order',
    'DiscountRate=foo:1;gt&IsActive=maybe&$sort=nope,-status:asc&$skip=-1&$take=x&$count=2&IsExpired=no',
    [
      ['query.unknown_operator', 'DiscountRate'],
      ['query.argument_count', 'DiscountRate'],
      ['query.invalid_argument', 'IsActive'],
      ['query.sort_unknown_key', '$sort'],
      ['query.sort_conflicting_direction', '$sort'],
      ['query.integer_out_of_range', '$skip'],
      ['query.invalid_integer', '$take'],
      ['query.invalid_boolean', '$count'],
      ['query.invalid_boolean', 'IsExpired'],
    ],
  ],
  [
    'strict: unknown parameter, by the client name',
    'Foo=1&DiscountRate=gt:1',
    [['query.unknown_parameter', 'Foo']],
    STRICT,
  ],
  ['strict: the same unknown name once', 'x=1&x=2', [['query.unknown_parameter', 'x']], STRICT],
  ['strict: repeated single parameter', '$skip=1&$skip=2', [['query.repeated_parameter', '$skip']], STRICT],
  ['strict: repeats in another case', 'Search=a&SEARCH=b', [['query.repeated_parameter', 'Search']], STRICT],
  [
    "'error' mode: repeated single parameter",
    '$sort=id&$sort=id',
    [['query.repeated_parameter', '$sort']],
    { strict: false, repeatedSingleParameter: 'error' },
  ],
  [
    'a repeat is reported and its first value still checked',
    '$take=x&$take=1',
    [
      ['query.repeated_parameter', '$take'],
      ['query.invalid_integer', '$take'],
    ],
    STRICT,
  ],
];
