import type { SortPlan } from './sort-plan.js';
import { topK } from './top-k.js';
import { walkSorted } from './walk-sorted.js';

/**
 * The page `skip`…`skip + take` of the `rows` that matched (undefined `take` = all the rest), out of
 * `total` rows in the store, ordered by `plan` when given (else in row order). Chooses the cheapest way:
 * walking the first key's presorted rows when the page is reached soon, top-k selection for a small page,
 * a full sort otherwise.
 */
export function selectPage(
  rows: Int32Array,
  total: number,
  skip: number,
  take: number | undefined,
  plan: SortPlan | undefined,
  isMatch: () => (row: number) => boolean,
): Int32Array {
  const m = rows.length;
  const end = take === undefined ? m : Math.min(m, skip + take);
  if (skip >= end) return new Int32Array(0);
  if (plan === undefined) return rows.subarray(skip, end);
  // Walking visits about end × total / m presorted rows; ordering the matches costs about m comparisons.
  if (plan.first !== undefined && end * total <= 2 * m * m) {
    const test = m === total ? () => true : isMatch();
    return walkSorted(plan.first.ranking, plan.first.descending, plan.rest, test, end).subarray(skip);
  }
  const sorted = end * 4 < m ? topK(rows, end, plan.order) : Int32Array.from(rows).sort(plan.order);
  return sorted.subarray(skip, end);
}
