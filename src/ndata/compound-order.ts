import type { Ranking } from './rank.js';

/** One `$sort` key by its ranks (0 = null, ascending), and its direction. */
export interface RankedKey {
  rank: Int32Array;
  descending: boolean;
}

/**
 * The whole `$sort` order of `n` rows (key by key, ties in row order) as a Ranking whose ranks are the rows'
 * positions: one stable counting sort per key, from the last key to the first (O(n) each, no comparison).
 */
export function compoundOrder(keys: readonly RankedKey[], n: number): Ranking {
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k];
    if (key === undefined) continue;
    const { rank, descending } = key;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, rank[i] ?? 0);
    const slot = (row: number) => (descending ? max - (rank[row] ?? 0) : (rank[row] ?? 0));
    const starts = new Int32Array(max + 2);
    for (let p = 0; p < n; p++) {
      const s = slot(order[p] ?? 0) + 1;
      starts[s] = (starts[s] ?? 0) + 1;
    }
    for (let s = 1; s < starts.length; s++) starts[s] = (starts[s] ?? 0) + (starts[s - 1] ?? 0);
    for (let p = 0; p < n; p++) {
      const row = order[p] ?? 0;
      const s = slot(row);
      next[starts[s] ?? 0] = row;
      starts[s] = (starts[s] ?? 0) + 1;
    }
    [order, next] = [next, order];
  }
  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p] ?? 0] = p;
  return { rank: position, sorted: order };
}
