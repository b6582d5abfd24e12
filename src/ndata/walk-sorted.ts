import type { Ranking } from './rank.js';
import { topK, type RowOrder } from './top-k.js';

const SMALL_GROUP = 64;

/** The first walk position whose row fails `before` (which holds for a prefix of the walk). */
function firstAfter(n: number, at: (p: number) => number, before: (row: number) => boolean): number {
  let [lo, hi] = [0, n];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(at(mid))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first `end` rows passing `isMatch`, in `$sort` order, read off the first key's presorted rows
 * (backwards when descending): group by group of equal rank, each group ordered by the other keys.
 * Costs about `end × all / matching` steps instead of ordering every match; `before`, a test holding for a prefix
 * of the walk that cannot match (rows below a filtered range of the first key), lets it start after that prefix.
 */
export function walkSorted(
  ranking: Ranking,
  descending: boolean,
  rest: RowOrder,
  isMatch: (row: number) => boolean,
  end: number,
  before?: (row: number) => boolean,
): Int32Array {
  const { rank, sorted } = ranking;
  const n = sorted.length;
  const at = (p: number) => sorted[descending ? n - 1 - p : p] ?? 0;
  const out = new Int32Array(end);
  const group: number[] = [];
  let size = 0;
  let p = before === undefined ? 0 : firstAfter(n, at, before);
  while (p < n && size < end) {
    const first = at(p);
    const groupRank = rank[first];
    p += 1;
    // A group of one (every row of a whole `$sort` order, most rows of a key with many values): no group to order.
    if (p >= n || rank[at(p)] !== groupRank) {
      if (isMatch(first)) out[size++] = first;
      continue;
    }
    group.length = 0;
    if (isMatch(first)) group.push(first);
    for (; p < n && rank[at(p)] === groupRank; p++) if (isMatch(at(p))) group.push(at(p));
    const wanted = end - size;
    // Groups of equal first keys are mostly small: sorting them outright beats building a heap for each.
    const ordered =
      group.length <= 1
        ? group
        : group.length <= SMALL_GROUP
          ? group.sort(rest)
          : topK(Int32Array.from(group), wanted, rest);
    for (let k = 0; k < ordered.length && size < end; k++) out[size++] = ordered[k] ?? 0;
  }
  return out.subarray(0, size);
}
