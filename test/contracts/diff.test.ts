import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffLines, expectedView, project, renderDiff } from '../../src/contracts/diff.js';

test('diffLines: LCS with - for expected and + for actual', () => {
  assert.deepEqual(diffLines(['a', 'b', 'c'], ['a', 'x', 'c']), ['  a', '- b', '+ x', '  c']);
  assert.deepEqual(diffLines([], ['x']), ['+ x']);
  assert.deepEqual(diffLines(['x'], []), ['- x']);
});

test('project keeps only what the expectation names', () => {
  assert.deepEqual(project({ a: 1, c: { d: 1 } }, { a: 2, b: 3, c: { d: 1, e: 5 } }), { a: 2, c: { d: 1 } });
  assert.deepEqual(
    project(
      [{ a: 1 }],
      [
        { a: 1, b: 2 },
        { a: 3, b: 4 },
      ],
    ),
    [{ a: 1 }, { a: 3, b: 4 }],
  );
  assert.deepEqual(project({ a: { $type: 'string' } }, { a: { deep: 1 } }), { a: { deep: 1 } });
});

test('expectedView shows holding matchers as the actual value, failing ones as themselves', () => {
  assert.deepEqual(expectedView({ id: { $id: true }, n: { $min: 5 } }, { id: 'abc', n: 1 }), {
    id: 'abc',
    n: { $min: 5 },
  });
});

test('renderDiff: a reversed list shows what moved', () => {
  const lines = renderDiff(
    { items: [{ lastName: 'A' }, { lastName: 'B' }] },
    {
      items: [
        { lastName: 'B', x: 1 },
        { lastName: 'A', x: 2 },
      ],
    },
  );
  assert.ok(
    lines.includes('-       "lastName": "A"') || lines.some((l) => l.startsWith('-') && l.includes('"A"')),
    lines.join('\n'),
  );
  assert.ok(lines.some((l) => l.startsWith('+') && l.includes('"B"')));
  assert.ok(!lines.some((l) => l.includes('"x"')), 'members the expectation does not name are left out');
});

test('renderDiff: a missing member is a - line only', () => {
  assert.deepEqual(renderDiff({ count: 1, totalCount: 5 }, { count: 1 }), [
    '  {',
    '    "count": 1',
    '-   "totalCount": 5',
    '  }',
  ]);
});

test('renderDiff: nothing for scalars (the finding sentence says it)', () => {
  assert.deepEqual(renderDiff(1, 2), []);
  assert.deepEqual(renderDiff({ $regex: 'x' }, 'y'), []);
});

test('renderDiff: long unchanged runs collapse', () => {
  const expected = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
  const actual = { ...expected, k15: -1 };
  const lines = renderDiff(expected, actual);
  assert.ok(lines.length < 12, lines.join('\n'));
  assert.ok(lines.includes('  ...'));
  assert.ok(lines.includes('-   "k15": 15') && lines.includes('+   "k15": -1'));
});
