import { CUSTOMER_STATUSES, type CustomerStatus } from '../domain/customer.js';
import { STRING_ORDERS, valueDomain, type StringOrder } from './domain.js';
import { SORT_KEYS, type SortKeyName } from './sort-keys.js';
import type { StoreView } from './store-view.js';

/** Ascending order of two rows under one key: nulls first, equal values 0. */
export type KeyOrder = (a: number, b: number) => number;

/** Sorts of one store version by a key before its ranks are built (a build costs ~100 value-compared sorts). */
const SORTS_BEFORE_RANKS = 16;

/**
 * Dense ranks of `values` (0 = null, then 1, 2, … in ascending order; equal values share a rank), so
 * that sorting compares small integers instead of strings.
 */
export function denseRank<T>(values: ReadonlyArray<T | null>, compare: (a: T, b: T) => number): Int32Array {
  const present: { i: number; value: T }[] = [];
  values.forEach((value, i) => {
    if (value !== null) present.push({ i, value });
  });
  present.sort((a, b) => compare(a.value, b.value));
  const rank = new Int32Array(values.length);
  let current = 0;
  let previous: T | undefined;
  for (const { i, value } of present) {
    if (previous === undefined || compare(previous, value) !== 0) current += 1;
    rank[i] = current;
    previous = value;
  }
  return rank;
}

function byRank(rank: Int32Array): KeyOrder {
  return (a, b) => (rank[a] ?? 0) - (rank[b] ?? 0);
}

function byValue<T>(values: ReadonlyArray<T | null>, compare: (a: T, b: T) => number): KeyOrder {
  return (a, b) => {
    const x = values[a] ?? null;
    const y = values[b] ?? null;
    if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
    return compare(x, y);
  };
}

function statusRank(view: StoreView, order: StringOrder, now: number): Int32Array {
  const sorted = [...CUSTOMER_STATUSES].sort(STRING_ORDERS[order]);
  const rankOfStatus = (status: CustomerStatus) => sorted.indexOf(status) + 1;
  const [expired, notYetValid, valid] = [rankOfStatus('Expired'), rankOfStatus('NotYetValid'), rankOfStatus('Valid')];
  const { activation, expiration } = view.times();
  // statusAt() on the precomputed times: Expired if expiration ≤ now, else NotYetValid if activation > now.
  return Int32Array.from(activation, (act, i) => ((expiration[i] ?? Number.NaN) <= now ? expired : act > now ? notYetValid : valid));
}

/**
 * How rows order under a sort key. Values are compared directly until the key has been sorted by often
 * enough in this store version; then ranks are built once and compared as integers. `status` depends on
 * the clock and is ranked per query.
 */
export function keyOrder(key: SortKeyName, view: StoreView, order: StringOrder, now: number): KeyOrder {
  if (SORT_KEYS[key].kind === 'status') return byRank(statusRank(view, order, now));
  const values = view.sortValues(key);
  const { compare } = valueDomain(order);
  const rank = view.rank(`${key}/${order}`, SORTS_BEFORE_RANKS, () => denseRank(values, compare));
  return rank === undefined ? byValue(values, compare) : byRank(rank);
}
