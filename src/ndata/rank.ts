import { CUSTOMER_STATUSES, type CustomerStatus } from '../domain/customer.js';
import { STRING_ORDERS, valueDomain, type StringOrder } from './domain.js';
import { SORT_KEYS, type SortKeyName } from './sort-keys.js';
import type { StoreView } from './store-view.js';

/** Ascending order of two rows under one key: nulls first, equal values 0. */
export type KeyOrder = (a: number, b: number) => number;

/**
 * Every row's dense rank under a key (0 = null, then 1, 2, … ascending; equal values share a rank), and
 * the rows in ascending order of (rank, row): the key's presorted order.
 */
export interface Ranking {
  rank: Int32Array;
  sorted: Int32Array;
}

/** How a sort key orders rows; `ranking` once the key has been ranked for this store version. */
export interface KeyPlan {
  compare: KeyOrder;
  ranking: Ranking | undefined;
}

/** Sorts by a key before its ranks are built (then kept current through writes), so a one-off sort builds nothing. */
const SORTS_BEFORE_RANKS = 2;

/**
 * Ranks every row: the distinct values are sorted (few for most keys), then the rows are placed by a counting
 * sort over their ranks, which keeps equal values in row order.
 */
export function denseRank<T>(
  values: ReadonlyArray<T | null>,
  compare: (a: T, b: T) => number,
  sortDistinct: (distinct: T[]) => T[] = (distinct) => distinct.sort(compare),
): Ranking {
  const rankOf = new Map<T, number>();
  for (const value of values) if (value !== null) rankOf.set(value, 0);
  const distinct = sortDistinct([...rankOf.keys()]);
  let current = 0;
  distinct.forEach((value, k) => {
    const previous = distinct[k - 1];
    if (k === 0 || previous === undefined || compare(previous, value) !== 0) current += 1;
    rankOf.set(value, current);
  });
  const n = values.length;
  const rank = new Int32Array(n);
  const starts = new Int32Array(current + 2);
  for (let i = 0; i < n; i++) {
    const value = values[i] ?? null;
    const r = value === null ? 0 : (rankOf.get(value) ?? 0);
    rank[i] = r;
    starts[r + 1] = (starts[r + 1] ?? 0) + 1;
  }
  for (let r = 1; r < starts.length; r++) starts[r] = (starts[r] ?? 0) + (starts[r - 1] ?? 0);
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rank[i] ?? 0;
    sorted[starts[r] ?? 0] = i;
    starts[r] = (starts[r] ?? 0) + 1;
  }
  return { rank, sorted };
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
  const rank = view.scratch('status');
  for (let i = 0; i < rank.length; i++) {
    const act = activation[i] ?? Number.NaN;
    rank[i] = (expiration[i] ?? Number.NaN) <= now ? expired : act > now ? notYetValid : valid;
  }
  return rank;
}

/**
 * The ranking of a (not clock-derived) sort key, once it has been asked for more than `after` times (numbers rank
 * alike under both string orders, so they share one).
 */
export function keyRanking(key: SortKeyName, view: StoreView, order: StringOrder, after: number): Ranking | undefined {
  const kind = SORT_KEYS[key].kind;
  const rankOrder = kind === 'number' ? 'ordinal' : order;
  const { compare } = valueDomain(rankOrder);
  // Without a comparator, Array#sort orders strings by UTF-16 code unit (ordinal) natively, several times faster.
  const sortDistinct =
    kind === 'string' && rankOrder === 'ordinal' ? (distinct: (string | number)[]) => distinct.sort() : undefined;
  return view.ranking(key, rankOrder, after, () => denseRank(view.sortValues(key), compare, sortDistinct));
}

/**
 * How rows order under a sort key. Values are compared directly until the key has been sorted by often
 * enough in this store version; then it is ranked once and compared as integers. `status` depends on
 * the clock and is ranked per query.
 */
export function keyPlan(key: SortKeyName, view: StoreView, order: StringOrder, now: number): KeyPlan {
  if (SORT_KEYS[key].kind === 'status') return { compare: byRank(statusRank(view, order, now)), ranking: undefined };
  const ranking = keyRanking(key, view, order, SORTS_BEFORE_RANKS);
  const values = view.sortValues(key);
  const { compare } = valueDomain(order);
  return ranking === undefined
    ? { compare: byValue(values, compare), ranking }
    : { compare: byRank(ranking.rank), ranking };
}
