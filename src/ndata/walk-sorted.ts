import type { Ranking } from './rank.js';
import { topK, type RowOrder } from './top-k.js';

const SMALL_GROUP = 64;

/**
 * The first `end` rows passing `isMatch`, in `$sort` order, read off the first key's presorted rows
 * (backwards when descending): group by group of equal rank, each group ordered by the other keys.
 * Costs about `end × all / matching` steps instead of ordering every match.
 */
export function walkSorted(
  ranking: Ranking,
  descending: boolean,
  rest: RowOrder,
  isMatch: (row: number) => boolean,
  end: number,
): Int32Array {
  const { rank, sorted } = ranking;
  const n = sorted.length;
  const at = (p: number) => sorted[descending ? n - 1 - p : p] ?? 0;
  const out = new Int32Array(end);
  let size = 0;
  let p = 0;
  while (p < n && size < end) {
    const groupRank = rank[at(p)];
    const group: number[] = [];
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
