import { topK, type RowOrder } from './top-k.js';

/**
 * The page `skip`…`skip + take` of `rows` (undefined `take` = all the rest), ordered by `order` when
 * given (else kept in row order). Small pages of large sets use top-k selection instead of a full sort.
 */
export function selectPage(rows: Int32Array, skip: number, take: number | undefined, order: RowOrder | undefined): Int32Array {
  const end = take === undefined ? rows.length : Math.min(rows.length, skip + take);
  if (skip >= end) return new Int32Array(0);
  if (order === undefined) return rows.subarray(skip, end);
  const sorted = end * 4 < rows.length ? topK(rows, end, order) : Int32Array.from(rows).sort(order);
  return sorted.subarray(skip, end);
}
