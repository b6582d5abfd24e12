import type { Ranking } from './rank.js';

/**
 * Keeping a key's Ranking current through one write instead of ranking the store again: a binary search and
 * a few passes over integer arrays, no value comparison beyond the search. The arrays are edited in place, with room
 * to grow: allocating two new arrays as long as the store on every write (8 MB at a million customers) made V8
 * count that much more external memory each time, and collect the whole heap for it.
 */

/** `array`'s first `length` values (the rest of its buffer is spare room), in place when its buffer has the room. */
function withLength(array: Int32Array, length: number): Int32Array {
  const room = array.buffer.byteLength / Int32Array.BYTES_PER_ELEMENT - array.byteOffset / Int32Array.BYTES_PER_ELEMENT;
  if (length <= room) return new Int32Array(array.buffer, array.byteOffset, length);
  const grown = new Int32Array(Math.ceil(length * 1.5) + 16);
  grown.set(array.subarray(0, Math.min(array.length, length)));
  return grown.subarray(0, length);
}

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
  sorted.copyWithin(p, p + 1, n);
  const next = sorted.subarray(0, n - 1);
  if (drop) {
    for (let j = 0; j < next.length; j++) if ((next[j] ?? 0) > row) next[j] = (next[j] ?? 0) - 1;
    rank.copyWithin(row, row + 1);
    ranking.rank = rank.subarray(0, rank.length - 1);
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
  const rank = row >= ranking.rank.length ? withLength(ranking.rank, row + 1) : ranking.rank;
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
  const next = withLength(sorted, n + 1);
  next.copyWithin(lo + 1, lo, n);
  next[lo] = row;
  ranking.rank = rank;
  ranking.sorted = next;
}
