import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepBetween, keepRows, nextDown, nextUp } from '../../src/ndata/row-pass.js';

const NEXT: [x: number, up: number, down: number][] = [
  [0, Number.MIN_VALUE, -Number.MIN_VALUE],
  [1, 1 + Number.EPSILON, 1 - Number.EPSILON / 2],
  [-1, -1 + Number.EPSILON / 2, -1 - Number.EPSILON],
  [5.5, 5.5 + 4 * Number.EPSILON, 5.5 - 4 * Number.EPSILON],
  [Infinity, Infinity, Number.MAX_VALUE],
  [-Infinity, -Number.MAX_VALUE, -Infinity],
];

for (const [x, up, down] of NEXT) {
  test(`next doubles around ${x}`, () => {
    assert.equal(nextUp(x), up);
    assert.equal(nextDown(x), down);
    assert.ok(nextUp(x) > x || x === Infinity);
    assert.ok(nextDown(x) < x || x === -Infinity);
  });
}

test('an open bound is the next closed one: v > x ⇔ v ≥ nextUp(x)', () => {
  for (const x of [0, 0.1, 1.25, -3, 1e300, Date.parse('2025-06-01T12:00:00Z')]) {
    for (const v of [x, nextUp(x), nextDown(x), x + 1, x - 1]) {
      assert.equal(v > x, v >= nextUp(x), `${v} > ${x}`);
      assert.equal(v < x, v <= nextDown(x), `${v} < ${x}`);
    }
  }
});

test('passes keep the passing rows in order, in place', () => {
  const column = Float64Array.from([5, Number.NaN, 10, 30, 31, 4.9, 5]);
  const rows = Int32Array.from([0, 1, 2, 3, 4, 5, 6]);
  const kept = keepBetween(column, 5, 30)(rows, rows.length);
  assert.deepEqual([...rows.subarray(0, kept)], [0, 2, 3, 6]);
  const again = keepRows((i) => i !== 2)(rows, kept);
  assert.deepEqual([...rows.subarray(0, again)], [0, 3, 6]);
});
