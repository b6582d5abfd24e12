import type { CustomerQuery } from './ast.js';
import { FILTER_MEMBER_NAMES, FILTER_MEMBERS, type FilterMember } from './members.js';
import { numericRange, valueTest } from './member-pass.js';
import type { Domain } from './operators.js';
import { keyRanking } from './rank.js';
import type { SortKeyName } from './sort-keys.js';
import type { StoreView } from './store-view.js';
import type { Value } from './value-types.js';

/** Numeric filter members and the sort key holding the same numbers (whose ranking orders rows by them). */
const RANKED_AS: Partial<Record<FilterMember, SortKeyName>> = {
  CreditRate: 'creditRate',
  DiscountRate: 'discountRate',
  ExpirationTime: 'expirationTime',
};

/** The matches of a filter known without visiting every row. */
export interface IndexedFilter {
  count: number;
  isMatch: (row: number) => boolean;
  /** The first `end` matching rows in insertion order. */
  first: (end: number) => Int32Array;
  /** Every matching row: ascending when `ascending`, else in any order (for a page a `$sort` orders anyway). */
  rows: (ascending: boolean) => Int32Array;
  /**
   * For an order whose first key is `key` (descending or not): a test holding for the rows ordered before every
   * match (a prefix of that order: values below a range's low bound, or above its high bound when descending), or
   * undefined when no prefix can be skipped.
   */
  before: (key: SortKeyName, descending: boolean) => ((row: number) => boolean) | undefined;
}

interface Range {
  member: FilterMember;
  key: SortKeyName;
  low: number;
  high: number;
}

interface Flag {
  member: FilterMember;
  /** Whether a row holding true, and one holding false, passes. */
  yes: boolean;
  no: boolean;
}

/** The first position in `sorted[from, to)` whose row fails `before` (which holds for a prefix of them). */
function partition(sorted: Int32Array, from: number, to: number, before: (row: number) => boolean): number {
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid] ?? 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A query's filters as at most one numeric range (through its sort key's ranking) and the bool member, or undefined. */
function shape(
  query: CustomerQuery,
  domain: Domain<Value>,
): { range: Range | undefined; flag: Flag | undefined } | undefined {
  if (query.search !== undefined || query.isExpired !== undefined) return undefined;
  let range: Range | undefined;
  let flag: Flag | undefined;
  for (const member of FILTER_MEMBER_NAMES) {
    const conditions = query.filters[member];
    if (conditions === undefined) continue;
    const spec = FILTER_MEMBERS[member];
    if (spec.many) return undefined;
    if (spec.type === 'bool') {
      const tests = conditions.map((c) => valueTest(c, domain));
      flag = { member, yes: tests.every((t) => t(true)), no: tests.every((t) => t(false)) };
      continue;
    }
    const key = RANKED_AS[member];
    const bounds = key === undefined ? undefined : numericRange(conditions);
    if (key === undefined || bounds === undefined || range !== undefined) return undefined;
    range = { member, key, ...bounds };
  }
  return range === undefined && flag === undefined ? undefined : { range, flag };
}

/**
 * The rows passing a query's filters when these are a range of one numeric member and/or conditions on the bool
 * member (the common list screens): counted by binary search in the member's ranking and counts of true along it,
 * so that neither `totalCount` nor a page visits every row. Undefined for any other filter.
 */
export function indexedFilter(query: CustomerQuery, view: StoreView, domain: Domain<Value>): IndexedFilter | undefined {
  const found = shape(query, domain);
  if (found === undefined) return undefined;
  const { range, flag } = found;
  const n = view.items.length;
  const flags = flag === undefined ? undefined : view.numbers(flag.member);
  const flagOk = (row: number): boolean =>
    flag === undefined || flags === undefined || (flags[row] === 1 ? flag.yes : flag.no);
  const countFlags = (counts: Int32Array, a: number, b: number): number => {
    if (flag === undefined || (flag.yes && flag.no)) return b - a;
    const trues = (counts[b] ?? 0) - (counts[a] ?? 0);
    return flag.yes ? trues : flag.no ? b - a - trues : 0;
  };
  let count: number;
  let isMatch: (row: number) => boolean;
  let rows: IndexedFilter['rows'];
  let before: IndexedFilter['before'];
  if (range === undefined) {
    const counts = flag === undefined ? new Int32Array(0) : view.trueCounts(flag.member, undefined);
    count = countFlags(counts, 0, n);
    isMatch = flagOk;
    rows = () => Int32Array.from({ length: n }, (_, i) => i).filter(flagOk);
    before = () => undefined;
  } else {
    const ranking = keyRanking(range.key, view, 'ordinal', 0);
    if (ranking === undefined) return undefined;
    const { rank, sorted } = ranking;
    const values = view.numbers(range.member);
    const { low, high } = range;
    const nulls = partition(sorted, 0, n, (row) => rank[row] === 0);
    const a = partition(sorted, nulls, n, (row) => (values[row] ?? 0) < low);
    const b = Math.max(
      a,
      partition(sorted, a, n, (row) => (values[row] ?? 0) <= high),
    );
    const counts =
      flag === undefined ? new Int32Array(0) : view.trueCounts(flag.member, { name: range.key, rows: sorted });
    count = countFlags(counts, a, b);
    isMatch = (row) => {
      const v = values[row] ?? Number.NaN;
      return v >= low && v <= high && flagOk(row);
    };
    rows = (ascending) => {
      const matching = sorted.slice(a, b).filter(flagOk);
      return ascending ? matching.sort() : matching;
    };
    // Nulls (NaN) come first ascending and last descending: before the range only when ascending.
    const below = (row: number) => rank[row] === 0 || (values[row] ?? 0) < low;
    const above = (row: number) => (values[row] ?? Number.NaN) > high;
    before = (key, descending) => (key !== range.key ? undefined : descending ? above : below);
  }
  const first = (end: number): Int32Array => {
    const out = new Int32Array(end);
    let size = 0;
    for (let row = 0; row < n && size < end; row++) if (isMatch(row)) out[size++] = row;
    return out.subarray(0, size);
  };
  return { count, isMatch, first, rows, before };
}
