import type { QueryResult } from './ast.js';
import type { StoredCustomer } from '../domain/customer.js';
import type { CustomerStore, StoreChange } from '../store/customer-store.js';
import { readWrittenDate } from '../dates/read-date.js';
import { fold, valueDomain, type StringOrder } from './domain.js';
import { LruCache } from './lru-cache.js';
import type { Ranking } from './rank.js';
import { insertIntoRanking, removeFromRanking } from './ranking-edit.js';
import { FILTER_MEMBERS, type FilterMember } from './members.js';
import { SORT_KEYS, type SortKeyName } from './sort-keys.js';
import { buildSearchIndex, searchedText, type SearchIndex } from './search-index.js';
import type { Value } from './value-types.js';

type Column = Array<Value | null>;
type ListColumn = Array<ReadonlyArray<Value | null>>;
type SortColumn = Array<string | number | null>;

const foldValue = (v: Value | null): Value | null => (typeof v === 'string' ? fold(v) : v);

/** No values: one list shared by every customer without any (a quarter of them have no card). */
const NO_VALUES: ReadonlyArray<Value | null> = Object.freeze([]);

/** A customer's values of a many-valued member, case-folded when `folded`. */
function listOf(values: ReadonlyArray<Value | null>, folded: boolean): ReadonlyArray<Value | null> {
  if (values.length === 0) return NO_VALUES;
  return folded ? values.map(foldValue) : values;
}

/** Whole `$sort` orders kept (each two integers per customer). */
const ORDERS_KEPT = 8;

/** More writes than this since the last query: dropping what was derived beats updating it write by write. */
const CHANGES_APPLIED = 64;

function memo<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/** A column kept current through one write: `value` reads the written customer. */
function edit<T>(column: T[], change: StoreChange, value: (c: StoredCustomer) => T): void {
  if (change.kind === 'replace') column[change.row] = value(change.after);
  else if (change.kind === 'append') column.push(value(change.after));
  else column.splice(change.row, 1);
}

interface RankEntry {
  key: SortKeyName;
  order: StringOrder;
  ranking: Ranking;
}

/**
 * What queries need from the store, computed on first use and then kept current through every write (the
 * store's row changes): member columns (plain, case-folded, numeric), activation/expiration times (NaN =
 * none), the search index, sort ranks, and recent answers (dropped on every write).
 */
export class StoreView {
  readonly #store: CustomerStore;
  #version: number;
  /** The customers in insertion order: the store's live rows. */
  items: readonly StoredCustomer[];
  readonly #columns = new Map<string, { name: FilterMember; folded: boolean; column: Column }>();
  readonly #lists = new Map<string, { name: FilterMember; folded: boolean; lists: ListColumn }>();
  readonly #numbers = new Map<FilterMember, Float64Array>();
  readonly #sortValues = new Map<SortKeyName, SortColumn>();
  readonly #rankings = new Map<string, RankEntry>();
  readonly #rankUses = new Map<string, number>();
  /** Whole `$sort` orders by their text (see `compoundOrder`), the last few used, dropped on every write. */
  readonly #orders = new Map<string, Ranking>();
  /** Counts of true booleans along a ranking (see `trueCounts`), dropped on every write. */
  readonly #trueCounts = new Map<string, Int32Array>();
  #allRows: Int32Array | undefined;
  readonly #scratch = new Map<'rows' | 'status' | 'marks', Int32Array>();
  #stamp = 0;
  #times: { activation: Float64Array; expiration: Float64Array } | undefined;
  #search: SearchIndex | undefined;
  /** Recent answers of this version, keyed by the normalized query (see run-query.ts). */
  readonly results = new LruCache<QueryResult>(64);

  constructor(store: CustomerStore) {
    this.#store = store;
    this.#version = store.version;
    this.items = store.rows();
  }

  get version(): number {
    return this.#version;
  }

  /** Brings everything derived up to the store's version: the writes since are applied, or all is dropped. */
  sync(): void {
    const store = this.#store;
    if (store.version === this.#version) return;
    const changes = store.changesSince(this.#version);
    this.results.clear();
    this.#trueCounts.clear();
    this.#orders.clear();
    if (changes === undefined || changes.length > CHANGES_APPLIED) this.#dropAll();
    else for (const change of changes) this.#apply(change);
    this.#version = store.version;
    this.items = store.rows();
  }

  #dropAll(): void {
    this.#columns.clear();
    this.#lists.clear();
    this.#sortValues.clear();
    this.#rankings.clear();
    this.#rankUses.clear();
    this.#search = undefined;
    this.#dropSized();
  }

  /** What is as long as the store and cheap to rebuild. */
  #dropSized(): void {
    this.#numbers.clear();
    this.#allRows = undefined;
    this.#scratch.clear();
    this.#times = undefined;
  }

  #apply(change: StoreChange): void {
    for (const { name, folded, column } of this.#columns.values()) {
      const spec = FILTER_MEMBERS[name];
      if (!spec.many) edit(column, change, (c) => (folded ? foldValue(spec.value(c)) : spec.value(c)));
    }
    for (const { name, folded, lists } of this.#lists.values()) {
      const spec = FILTER_MEMBERS[name];
      if (spec.many) edit(lists, change, (c) => listOf(spec.values(c), folded));
    }
    if (change.kind === 'replace') {
      const { row, after } = change;
      for (const [name, column] of this.#numbers) column[row] = numeric(this.values(name, false)[row] ?? null);
      if (this.#times !== undefined) {
        this.#times.activation[row] = readWrittenDate(after.activationTime) ?? Number.NaN;
        this.#times.expiration[row] = readWrittenDate(after.expirationTime) ?? Number.NaN;
      }
    } else this.#dropSized();
    for (const [key, values] of this.#sortValues) this.#editSortKey(key, values, change);
    if (this.#search !== undefined) {
      if (change.kind === 'replace') this.#search.replace(change.row, searchedText(change.after));
      else if (change.kind === 'append') this.#search.append(searchedText(change.after));
      else this.#search.remove(change.row);
    }
  }

  #editSortKey(key: SortKeyName, values: SortColumn, change: StoreChange): void {
    const spec = SORT_KEYS[key];
    if (spec.kind === 'status') return;
    const { row } = change;
    // A replacement that keeps this key's value keeps its rank and place: nothing to edit.
    if (change.kind === 'replace' && spec.value(change.before) === spec.value(change.after)) return;
    const rankings = [...this.#rankings.values()].filter((entry) => entry.key === key);
    if (change.kind !== 'append')
      for (const { ranking } of rankings) removeFromRanking(ranking, row, change.kind === 'remove');
    edit(values, change, spec.value);
    if (change.kind === 'remove') return;
    for (const { order, ranking } of rankings) insertIntoRanking(ranking, values, valueDomain(order).compare, row);
  }

  /** The row of the customer holding card `serial` (null: none) from the store's index; undefined: it cannot tell. */
  rowOfSerial(serial: string): number | null | undefined {
    return this.#store.rowOfSerial(serial);
  }

  /** What is built and kept (for tests and the warm-up): the Search index, rankings and value lists by name. */
  held(): { search: boolean; rankings: string[]; lists: string[] } {
    return { search: this.#search !== undefined, rankings: [...this.#rankings.keys()], lists: [...this.#lists.keys()] };
  }

  /** A single-valued member's values, case-folded when `folded`. */
  values(name: FilterMember, folded: boolean): readonly (Value | null)[] {
    return memo(this.#columns, `${name}/${folded}`, () => {
      const spec = FILTER_MEMBERS[name];
      const values: Column = spec.many ? [] : this.items.map((c) => spec.value(c));
      return { name, folded, column: folded ? values.map(foldValue) : values };
    }).column;
  }

  /** A many-valued member's values (one list per customer), case-folded when `folded`. */
  lists(name: FilterMember, folded: boolean): readonly (readonly (Value | null)[])[] {
    return memo(this.#lists, `${name}/${folded}`, () => {
      const spec = FILTER_MEMBERS[name];
      return { name, folded, lists: spec.many ? this.items.map((c) => listOf(spec.values(c), folded)) : [] };
    }).lists;
  }

  /** A single-valued decimal, DateTime or bool member as doubles (booleans 0/1), NaN for null. */
  numbers(name: FilterMember): Float64Array {
    return memo(this.#numbers, name, () => Float64Array.from(this.values(name, false), numeric));
  }

  /** Every row index, in insertion order. */
  allRows(): Int32Array {
    this.#allRows ??= Int32Array.from(this.items.keys());
    return this.#allRows;
  }

  /**
   * A row buffer as long as the store, reused by every query (queries run synchronously and copy what
   * they keep), so that a query over 100,000 customers allocates no 400 KB array.
   */
  scratch(use: 'rows' | 'status' | 'marks'): Int32Array {
    return memo(this.#scratch, use, () => new Int32Array(this.items.length));
  }

  times(): { activation: Float64Array; expiration: Float64Array } {
    this.#times ??= {
      activation: Float64Array.from(this.items, (c) => readWrittenDate(c.activationTime) ?? Number.NaN),
      expiration: Float64Array.from(this.items, (c) => readWrittenDate(c.expirationTime) ?? Number.NaN),
    };
    return this.#times;
  }

  search(): SearchIndex {
    this.#search ??= buildSearchIndex(this.items);
    return this.#search;
  }

  /** Every customer's value of a sort key (not `status`, which depends on the clock). */
  sortValues(key: SortKeyName): ReadonlyArray<string | number | null> {
    return memo(this.#sortValues, key, () => {
      const spec = SORT_KEYS[key];
      return spec.kind === 'status' ? [] : this.items.map((c) => spec.value(c));
    });
  }

  /** The ranking of a sort key under a string order, built on its use number `after + 1`. */
  ranking(key: SortKeyName, order: StringOrder, after: number, build: () => Ranking): Ranking | undefined {
    const name = `${key}/${order}`;
    const cached = this.#rankings.get(name);
    if (cached !== undefined) return cached.ranking;
    const uses = (this.#rankUses.get(name) ?? 0) + 1;
    this.#rankUses.set(name, uses);
    return uses > after ? memo(this.#rankings, name, () => ({ key, order, ranking: build() })).ranking : undefined;
  }

  /** The whole order of a `$sort` (named by `name`), kept for the last `ORDERS_KEPT` sorts until the next write. */
  order(name: string, build: () => Ranking): Ranking {
    const cached = this.#orders.get(name);
    if (cached !== undefined) {
      this.#orders.delete(name);
      this.#orders.set(name, cached);
      return cached;
    }
    const built = build();
    this.#orders.set(name, built);
    const oldest = this.#orders.keys().next();
    if (this.#orders.size > ORDERS_KEPT && oldest.done !== true) this.#orders.delete(oldest.value);
    return built;
  }

  /**
   * How many rows hold `true` in bool member `member` among the first p rows of `order` (undefined: insertion
   * order), for every p from 0 to the store's size: so any stretch of the order counts them in O(1).
   */
  trueCounts(member: FilterMember, order: { name: string; rows: Int32Array } | undefined): Int32Array {
    return memo(this.#trueCounts, `${member}/${order?.name ?? ''}`, () => {
      const flags = this.numbers(member);
      const n = flags.length;
      const counts = new Int32Array(n + 1);
      for (let p = 0; p < n; p++)
        counts[p + 1] = (counts[p] ?? 0) + +(flags[order === undefined ? p : (order.rows[p] ?? 0)] === 1);
      return counts;
    });
  }

  /** A test of "row is in `rows`" by stamping a reused buffer (no clearing, no allocation). */
  membership(rows: Int32Array): (row: number) => boolean {
    const marks = this.scratch('marks');
    const stamp = ++this.#stamp;
    for (let k = 0; k < rows.length; k++) marks[rows[k] ?? 0] = stamp;
    return (row) => marks[row] === stamp;
  }
}

/** A member value as a double: booleans 0/1, null (and strings, which have no number) NaN. */
function numeric(v: Value | null): number {
  return typeof v === 'string' || v === null ? Number.NaN : Number(v);
}

const views = new WeakMap<CustomerStore, StoreView>();

/** The store's view, brought up to its current version. */
export function viewOf(store: CustomerStore): StoreView {
  let view = views.get(store);
  if (view === undefined) {
    view = new StoreView(store);
    views.set(store, view);
  }
  view.sync();
  return view;
}
