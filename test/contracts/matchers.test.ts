import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchValue } from '../../src/contracts/match.js';
import { MATCHERS } from '../../src/contracts/matchers.js';

// Every matcher of the table, passing and failing; then the literal rules (subset objects, arrays in order).
type Row = [name: string, expected: unknown, actual: unknown, passes: boolean];

const ROWS: Row[] = [
  ['$type string', { $type: 'string' }, 'x', true],
  ['$type string vs number', { $type: 'string' }, 1, false],
  ['$type integer', { $type: 'integer' }, 3, true],
  ['$type integer vs decimal', { $type: 'integer' }, 3.5, false],
  ['$type number accepts integers', { $type: 'number' }, 3, true],
  ['$type list', { $type: ['string', 'null'] }, null, true],
  ['$type on a missing member', { $type: 'null' }, undefined, false],
  ['$exists true', { $exists: true }, null, true],
  ['$exists true, missing', { $exists: true }, undefined, false],
  ['$exists false, missing', { $exists: false }, undefined, true],
  ['$exists false, present', { $exists: false }, 0, false],
  ['$nonEmpty string', { $nonEmpty: true }, 'a', true],
  ['$nonEmpty empty string', { $nonEmpty: true }, '', false],
  ['$nonEmpty array', { $nonEmpty: true }, [], false],
  ['$id ObjectId', { $id: true }, '635f7ae3072edfeae7c26a1e', true],
  ['$id client id', { $id: true }, 'cust_42-a', true],
  ['$id with a space', { $id: true }, 'a b', false],
  ['$id too long', { $id: true }, 'x'.repeat(65), false],
  ['$date UTC', { $date: true }, '2025-06-01T12:00:00.000Z', true],
  ['$date offset', { $date: true }, '2025-06-01T12:00:00+02:00', true],
  ['$date date only', { $date: true }, '2025-06-01', true],
  ['$date not a date', { $date: true }, 'yesterday', false],
  ['$date impossible', { $date: true }, '2025-13-45T00:00:00Z', false],
  [
    '$date within',
    { $date: { after: '2025-01-01T00:00:00Z', before: '2026-01-01T00:00:00Z' } },
    '2025-06-01T00:00:00Z',
    true,
  ],
  ['$date outside', { $date: { after: '2025-01-01T00:00:00Z' } }, '2024-06-01T00:00:00Z', false],
  ['$regex', { $regex: '^application/(problem\\+)?json' }, 'application/problem+json; charset=utf-8', true],
  ['$regex no match', { $regex: '^a$' }, 'ab', false],
  ['$regex on a number', { $regex: '1' }, 1, false],
  ['$startsWith', { $startsWith: 'application/json' }, 'application/json; charset=utf-8', true],
  ['$endsWith', { $endsWith: '/customers/1' }, 'http://h/customers/1', true],
  ['$endsWith no', { $endsWith: '/customers/1' }, '/customers/12', false],
  ['$min', { $min: 1 }, 1, true],
  ['$min below', { $min: 1 }, 0, false],
  ['$max', { $max: 1 }, 1.5, false],
  ['$gt', { $gt: 10 }, 10.01, true],
  ['$gt equal', { $gt: 10 }, 10, false],
  ['$lt', { $lt: 10 }, 9, true],
  ['range on a string', { $min: 1, $max: 5 }, '3', false],
  ['$in', { $in: ['Valid', 'Expired'] }, 'Expired', true],
  ['$in no', { $in: ['Valid'] }, 'valid', false],
  ['$eq exact object', { $eq: { a: 1 } }, { a: 1 }, true],
  ['$eq is not a subset', { $eq: { a: 1 } }, { a: 1, b: 2 }, false],
  ['$ne', { $ne: 'old-token' }, 'new-token', true],
  ['$ne equal', { $ne: 'x' }, 'x', false],
  ['$ne missing', { $ne: 'x' }, undefined, false],
  ['$length of an array', { $length: 2 }, [1, 2], true],
  ['$length of a string', { $length: { $min: 3 } }, 'ab', false],
  ['$length of a number', { $length: 1 }, 1, false],
  ['$contains substring', { $contains: 'Bearer' }, 'Bearer realm="portos", NWS4-HMAC-SHA256', true],
  [
    '$contains item',
    { $contains: [{ memberName: 'externalId', code: '2' }] },
    [{ memberName: 'x' }, { memberName: 'externalId', code: '2', message: 'm' }],
    true,
  ],
  ['$contains missing item', { $contains: [{ memberName: 'x' }, { memberName: 'y' }] }, [{ memberName: 'x' }], false],
  ['$contains single item', { $contains: 3 }, [1, 2, 3], true],
  ['$each', { $each: { discountRate: { $gt: 10 } } }, [{ discountRate: 11 }, { discountRate: 20 }], true],
  ['$each one fails', { $each: { discountRate: { $gt: 10 } } }, [{ discountRate: 11 }, { discountRate: 5 }], false],
  ['$each empty', { $each: { a: 1 } }, [], true],
  ['$sorted asc', { $sorted: 'asc' }, [1, 2, 2, 3], true],
  ['$sorted desc', { $sorted: 'desc' }, [3, 1, 2], false],
  ['$sorted by key', { $sorted: { by: 'lastName' } }, [{ lastName: null }, { lastName: 'B' }, { lastName: 'a' }], true],
  [
    '$sorted ordinal (upper case first)',
    { $sorted: { by: 'lastName' } },
    [{ lastName: 'a' }, { lastName: 'B' }],
    false,
  ],
  [
    '$sorted descending, nulls last',
    { $sorted: { by: '-lastName' } },
    [{ lastName: 'b' }, { lastName: 'a' }, { lastName: null }],
    true,
  ],
  [
    '$sorted descending, null first fails',
    { $sorted: { by: '-lastName' } },
    [{ lastName: null }, { lastName: 'a' }],
    false,
  ],
  [
    '$sorted two keys, dotted',
    { $sorted: { by: ['credit.amount', '-id'] } },
    [
      { credit: { amount: 1 }, id: 'b' },
      { credit: { amount: 1 }, id: 'a' },
      { credit: { amount: 2 }, id: 'z' },
    ],
    true,
  ],
  ['$sorted nulls last explicitly', { $sorted: { by: 'x', nulls: 'last' } }, [{ x: 1 }, { x: null }], true],
  ['$not', { $not: { $type: 'string' } }, 1, true],
  ['$not fails', { $not: { $type: 'string' } }, 's', false],
  ['$anyOf', { $anyOf: [null, { $type: 'string' }] }, null, true],
  ['$anyOf none', { $anyOf: [null, { $type: 'string' }] }, 1, false],
  ['several matchers: all must hold', { $type: 'string', $nonEmpty: true }, '', false],
  ['literal scalar', 'x', 'x', true],
  ['literal number vs string', 1, '1', false],
  ['literal null vs missing', null, undefined, false],
  ['object subset', { a: 1 }, { a: 1, b: 2 }, true],
  ['object member missing', { a: 1, c: 3 }, { a: 1 }, false],
  ['array same length in order', [{ a: 1 }, { a: 2 }], [{ a: 1, x: 0 }, { a: 2 }], true],
  ['array order matters', [1, 2], [2, 1], false],
  ['array length matters', [1], [1, 2], false],
  ['escaped $ member', { $$count: 1 }, { $count: 1 }, true],
];

test('every matcher of the table has rows here', () => {
  const tested = new Set(
    ROWS.flatMap(([, expected]) => (typeof expected === 'object' && expected !== null ? Object.keys(expected) : [])),
  );
  for (const name of Object.keys(MATCHERS)) assert.ok(tested.has(name), `no row tests ${name}`);
});

for (const [name, expected, actual, passes] of ROWS) {
  test(`matcher: ${name}`, () => {
    const problems = matchValue(expected, actual, 'body');
    assert.equal(problems.length === 0, passes, JSON.stringify(problems));
  });
}

test('mismatches carry the path, expected and actual', () => {
  const problems = matchValue(
    { items: [{ lastName: 'A' }, { lastName: { $regex: '^Z' } }], count: 2 },
    { items: [{ lastName: 'A' }, { lastName: 'B' }], count: '2' },
    'body',
  );
  assert.deepEqual(
    problems.map((p) => [p.path, p.actual]),
    [
      ['body.items[1].lastName', 'B'],
      ['body.count', '2'],
    ],
  );
  assert.match(problems[1]?.message ?? '', /string instead of integer/);
});

test('a missing member is reported as missing', () => {
  const [problem] = matchValue({ totalCount: { $min: 0 } }, {}, 'body');
  assert.equal(problem?.path, 'body.totalCount');
  assert.match(problem?.message ?? '', /nothing \(member missing\)/);
});

test('$sorted reports where the order breaks', () => {
  const [problem] = matchValue({ $sorted: { by: 'n' } }, [{ n: 1 }, { n: 3 }, { n: 2 }], 'body.items');
  assert.match(problem?.message ?? '', /element 1 comes before element 2/);
  assert.deepEqual(problem?.actual, [[1], [3], [2]]);
});
