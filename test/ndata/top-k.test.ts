import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { compoundOrder } from '../../src/ndata/compound-order.js';
import { denseRank } from '../../src/ndata/rank.js';
import { selectPage } from '../../src/ndata/select-page.js';
import type { SortPlan } from '../../src/ndata/sort-plan.js';
import { topK } from '../../src/ndata/top-k.js';

/** Orders rows by a key with many ties, ties by row index: a total order, like `$sort`'s. */
const byKey = (keys: readonly number[]) => (a: number, b: number) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b;

test('topK equals the first k of a full sort', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 300 }), fc.nat(320), (keys, k) => {
      const rows = Int32Array.from(keys.keys());
      const order = byKey(keys);
      assert.deepEqual([...topK(rows, k, order)], [...rows].sort(order).slice(0, k));
    }),
    { numRuns: 500 },
  );
});

test('selectPage: skip and take over unsorted, sorted (top-k, full sort, presorted walk) and filtered rows', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }),
      fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 200 }),
      fc.nat(210),
      fc.option(fc.nat(210), { nil: undefined }),
      fc.constantFrom('none', 'compare', 'ranked asc', 'ranked desc'),
      fc.integer({ min: 1, max: 5 }),
      (keys, second, skip, take, how, every) => {
        const total = keys.length;
        const rows = Int32Array.from([...keys.keys()].filter((i) => i % every === 0));
        const descending = how === 'ranked desc';
        const first = (a: number, b: number) => ((keys[a] ?? 0) - (keys[b] ?? 0)) * (descending ? -1 : 1);
        const rest = (a: number, b: number) => (second[a] ?? 0) - (second[b] ?? 0) || a - b;
        const order = (a: number, b: number) => first(a, b) || rest(a, b);
        const ranking = denseRank(keys, (a, b) => a - b);
        const plan: SortPlan | undefined =
          how === 'none' ? undefined : { order, rest, first: how === 'compare' ? undefined : { ranking, descending } };
        const all = plan === undefined ? [...rows] : [...rows].sort(order);
        const expected = all.slice(skip, take === undefined ? undefined : skip + take);
        const isMatch = () => (row: number) => rows.includes(row);
        assert.deepEqual([...selectPage(rows, total, skip, take, plan, isMatch)], expected);
      },
    ),
    { numRuns: 1000 },
  );
});

test('compoundOrder equals a full sort by every key in turn, ties in row order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { maxLength: 200 }),
      fc.boolean(),
      fc.boolean(),
      (pairs, firstDescending, secondDescending) => {
        const first = denseRank(
          pairs.map(([a]) => (a === 0 ? null : a)),
          (x, y) => x - y,
        );
        const second = denseRank(
          pairs.map(([, b]) => b),
          (x, y) => x - y,
        );
        const whole = compoundOrder(
          [
            { rank: first.rank, descending: firstDescending },
            { rank: second.rank, descending: secondDescending },
          ],
          pairs.length,
        );
        const by = (rank: Int32Array, descending: boolean) => (a: number, b: number) =>
          ((rank[a] ?? 0) - (rank[b] ?? 0)) * (descending ? -1 : 1);
        const expected = [...pairs.keys()].sort(
          (a, b) => by(first.rank, firstDescending)(a, b) || by(second.rank, secondDescending)(a, b) || a - b,
        );
        assert.deepEqual([...whole.sorted], expected);
        assert.deepEqual(
          expected.map((row) => whole.rank[row]),
          [...expected.keys()],
        );
      },
    ),
    { numRuns: 300 },
  );
});
