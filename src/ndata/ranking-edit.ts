import type { Ranking } from './rank.js';

/**
 * Keeping a key's Ranking current through one write instead of ranking the store again: a binary search and
 * a few passes over integer arrays, no value comparison beyond the search.
 */

/** Where `row` stands in `sorted` (ordered by rank, then row). */
function positionOf({ rank, sorted }: Ranking, row: number): number {
  const k = rank[row] ?? 0;
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid] ?? 0;
    if (((rank[s] ?? 0) - k || s - row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Takes `row` out of the ranking; its rank is closed up when it was the last row holding it. `drop`: the row
 * leaves the store and the rows after it move up by one; else it stays (its rank entry is stale until
 * `insertIntoRanking` puts it back).
 */
export function removeFromRanking(ranking: Ranking, row: number, drop: boolean): void {
  const { rank, sorted } = ranking;
  const n = sorted.length;
  const p = positionOf(ranking, row);
  const k = rank[row] ?? 0;
  const shared = (q: number) => q >= 0 && q < n && rank[sorted[q] ?? 0] === k;
  if (k !== 0 && !shared(p - 1) && !shared(p + 1)) {
    for (let i = 0; i < rank.length; i++) if ((rank[i] ?? 0) > k) rank[i] = (rank[i] ?? 0) - 1;
  }
  const next = new Int32Array(n - 1);
  next.set(sorted.subarray(0, p));
  next.set(sorted.subarray(p + 1), p);
  if (drop) {
    for (let j = 0; j < next.length; j++) if ((next[j] ?? 0) > row) next[j] = (next[j] ?? 0) - 1;
    const nextRank = new Int32Array(rank.length - 1);
    nextRank.set(rank.subarray(0, row));
    nextRank.set(rank.subarray(row + 1), row);
    ranking.rank = nextRank;
  }
  ranking.sorted = next;
}

/**
 * Puts `row` (value `values[row]`) into the ranking: after `removeFromRanking(…, false)` for a replaced row, or
 * as a new last row (`row` = the ranking's length). Equal values share a rank; a new value opens one.
 */
export function insertIntoRanking<T>(
  ranking: Ranking,
  values: ReadonlyArray<T | null>,
  compare: (a: T, b: T) => number,
  row: number,
): void {
  const { sorted } = ranking;
  let rank = ranking.rank;
  if (row >= rank.length) {
    rank = new Int32Array(row + 1);
    rank.set(ranking.rank);
  }
  const n = sorted.length;
  const v = values[row] ?? null;
  const order = (s: number): number => {
    const y = values[s] ?? null;
    const d = v === null || y === null ? (v === y ? 0 : v === null ? -1 : 1) : compare(v, y);
    return d || row - s;
  };
  let [lo, hi] = [0, n];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(sorted[mid] ?? 0) > 0) lo = mid + 1;
    else hi = mid;
  }
  const equal = (q: number): boolean => {
    if (q < 0 || q >= n || v === null) return false;
    const y = values[sorted[q] ?? 0] ?? null;
    return y !== null && compare(v, y) === 0;
  };
  let k = 0;
  if (v !== null) {
    if (equal(lo - 1)) k = rank[sorted[lo - 1] ?? 0] ?? 0;
    else if (equal(lo)) k = rank[sorted[lo] ?? 0] ?? 0;
    else {
      k = (lo > 0 ? (rank[sorted[lo - 1] ?? 0] ?? 0) : 0) + 1;
      for (let i = 0; i < rank.length; i++) if (i !== row && (rank[i] ?? 0) >= k) rank[i] = (rank[i] ?? 0) + 1;
    }
  }
  rank[row] = k;
  const next = new Int32Array(n + 1);
  next.set(sorted.subarray(0, lo));
  next[lo] = row;
  next.set(sorted.subarray(lo), lo + 1);
  ranking.rank = rank;
  ranking.sorted = next;
}
