import type { CustomerStore } from '../store/customer-store.js';
import type { CustomerQuery, QueryResult } from './ast.js';
import { valueDomain, type StringOrder } from './domain.js';
import { filterRows } from './filter-rows.js';
import { indexedFilter, type IndexedFilter } from './indexed-filter.js';
import { selectPage } from './select-page.js';
import { sortPlan } from './sort-plan.js';
import { viewOf, type StoreView } from './store-view.js';
import { walkSorted } from './walk-sorted.js';

export interface RunOptions {
  /** How strings compare in gt/lt/between and `$sort` (Config.ndata.stringOrder). */
  stringOrder: StringOrder;
  /** Keep recent answers until the next write (Config.ndata.answerCache); default true. */
  answerCache?: boolean;
}

/** Cached answers hold at most this many items (a page, not a dump of the store). */
const CACHEABLE_ITEMS = 1000;
const CACHEABLE_KEY_LENGTH = 4096;

/** A query whose filters an index counts: the page is walked off an order, or picked from the matches. */
function evaluateIndexed(
  query: CustomerQuery,
  view: StoreView,
  now: number,
  options: RunOptions,
  indexed: IndexedFilter,
): QueryResult {
  const totalCount = indexed.count;
  if (query.count) return counted(query, totalCount);
  const n = view.items.length;
  const m = totalCount;
  const end = query.take === undefined ? m : Math.min(m, query.skip + query.take);
  if (query.skip >= end) return { items: [], count: 0, totalCount };
  const plan = sortPlan(query.sort, view, options.stringOrder, now);
  // Walking an order visits about end × n / m rows; picking from the matches costs about m.
  const walk = end * n <= 2 * m * m;
  let page: Int32Array;
  if (walk && plan === undefined) page = indexed.first(end).subarray(query.skip);
  else if (walk && plan?.first !== undefined) {
    const { ranking, descending } = plan.first;
    // The walked order (one key's, or the whole `$sort` order, ascending) leads with the first `$sort` key.
    const [head] = query.sort;
    const before = head === undefined ? undefined : indexed.before(head.key, head.descending);
    page = walkSorted(ranking, descending, plan.rest, indexed.isMatch, end, before).subarray(query.skip);
  } else {
    const rows = indexed.rows(plan === undefined);
    page = selectPage(rows, n, query.skip, query.take, plan, () => view.membership(rows));
  }
  return pageOf(view, page, totalCount);
}

function counted(query: CustomerQuery, totalCount: number): QueryResult {
  const rest = Math.max(0, totalCount - query.skip);
  return { items: undefined, count: query.take === undefined ? rest : Math.min(rest, query.take), totalCount };
}

function pageOf(view: StoreView, page: Int32Array, totalCount: number): QueryResult {
  const items = Array.from(page, (i) => view.items[i]).filter((c) => c !== undefined);
  return { items, count: items.length, totalCount };
}

function evaluate(query: CustomerQuery, view: StoreView, now: number, options: RunOptions): QueryResult {
  const domain = valueDomain(options.stringOrder);
  const indexed = indexedFilter(query, view, domain);
  if (indexed !== undefined) return evaluateIndexed(query, view, now, options, indexed);
  const rows = filterRows(query, view, now, domain) ?? view.allRows();
  const totalCount = rows.length;
  if (query.count) return counted(query, totalCount);
  const plan = sortPlan(query.sort, view, options.stringOrder, now);
  const page = selectPage(rows, view.items.length, query.skip, query.take, plan, () => view.membership(rows));
  return pageOf(view, page, totalCount);
}

/** The clock matters to IsExpired and to sorting by status: such answers are cached for this instant only. */
function dependsOnClock(query: CustomerQuery): boolean {
  return query.isExpired !== undefined || query.sort.some((s) => s.key === 'status');
}

/**
 * Answers a parsed query over the store's current version: filter (AND of every member's operations,
 * IsExpired, Search) → totalCount → order → page. Answers are cached per store version and query unless `answerCache` is false.
 */
export function runCustomerQuery(
  query: CustomerQuery,
  store: CustomerStore,
  now: number,
  options: RunOptions,
): QueryResult {
  const view = viewOf(store);
  if (options.answerCache === false) return evaluate(query, view, now, options);
  const key = JSON.stringify([options.stringOrder, dependsOnClock(query) ? now : null, query]);
  if (key.length > CACHEABLE_KEY_LENGTH) return evaluate(query, view, now, options);
  const hit = view.results.get(key);
  if (hit !== undefined) return hit;
  const result = evaluate(query, view, now, options);
  if ((result.items?.length ?? 0) <= CACHEABLE_ITEMS) view.results.set(key, result);
  return result;
}
