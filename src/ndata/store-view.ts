import type { QueryResult } from './ast.js';
import type { StoredCustomer } from '../domain/customer.js';
import type { CustomerStore } from '../store/customer-store.js';
import { readWrittenDate } from '../dates/read-date.js';
import { fold } from './domain.js';
import { LruCache } from './lru-cache.js';
import type { Ranking } from './rank.js';
import { FILTER_MEMBERS, type FilterMember } from './members.js';
import { SORT_KEYS, type SortKeyName } from './sort-keys.js';
import { buildSearchIndex, type SearchIndex } from './search-index.js';
import type { Value } from './value-types.js';

type Column = ReadonlyArray<Value | null>;
type ListColumn = ReadonlyArray<ReadonlyArray<Value | null>>;

const foldValue = (v: Value | null): Value | null => (typeof v === 'string' ? fold(v) : v);

function memo<K, V>(cache: Map<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

/**
 * What queries need from one version of the store, computed on first use and kept until the next write:
 * member columns (plain, case-folded, numeric), activation/expiration times (NaN = none), the search
 * index, sort ranks and recent answers.
 */
export class StoreView {
  readonly #columns = new Map<string, Column>();
  readonly #lists = new Map<string, ListColumn>();
  readonly #numbers = new Map<FilterMember, Float64Array>();
  readonly #sortValues = new Map<SortKeyName, ReadonlyArray<string | number | null>>();
  readonly #rankings = new Map<string, Ranking>();
  readonly #rankUses = new Map<string, number>();
  #allRows: Int32Array | undefined;
  readonly #scratch = new Map<'rows' | 'status' | 'marks', Int32Array>();
  #stamp = 0;
  #times: { activation: Float64Array; expiration: Float64Array } | undefined;
  #search: SearchIndex | undefined;
  /** Recent answers of this version, keyed by the normalized query (see run-query.ts). */
  readonly results = new LruCache<QueryResult>(64);

  constructor(
    readonly version: number,
    readonly items: readonly StoredCustomer[],
  ) {}

  /** A single-valued member's values, case-folded when `folded`. */
  values(name: FilterMember, folded: boolean): Column {
    return memo(this.#columns, `${name}/${folded}`, () => {
      const spec = FILTER_MEMBERS[name];
      const values: Column = spec.many ? [] : this.items.map((c) => spec.value(c));
      return folded ? values.map(foldValue) : values;
    });
  }

  /** A many-valued member's values (one list per customer), case-folded when `folded`. */
  lists(name: FilterMember, folded: boolean): ListColumn {
    return memo(this.#lists, `${name}/${folded}`, () => {
      const spec = FILTER_MEMBERS[name];
      const lists: ListColumn = spec.many ? this.items.map((c) => spec.values(c)) : [];
      return folded ? lists.map((list) => list.map(foldValue)) : lists;
    });
  }

  /** A single-valued decimal, DateTime or bool member as doubles (booleans 0/1), NaN for null. */
  numbers(name: FilterMember): Float64Array {
    return memo(this.#numbers, name, () =>
      Float64Array.from(this.values(name, false), (v) =>
        typeof v === 'string' || v === null ? Number.NaN : Number(v),
      ),
    );
  }

  /** Every row index, in insertion order. */
  allRows(): Int32Array {
    this.#allRows ??= Int32Array.from(this.items.keys());
    return this.#allRows;
  }

  /**
   * A row buffer as long as the store, reused by every query of this version (queries run synchronously
   * and copy what they keep), so that a query over 100,000 customers allocates no 400 KB array.
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

  /** The ranking cached under `key` (a sort key and string order), built on its use number `after + 1`. */
  ranking(key: string, after: number, build: () => Ranking): Ranking | undefined {
    const cached = this.#rankings.get(key);
    if (cached !== undefined) return cached;
    const uses = (this.#rankUses.get(key) ?? 0) + 1;
    this.#rankUses.set(key, uses);
    return uses > after ? memo(this.#rankings, key, build) : undefined;
  }

  /** A test of "row is in `rows`" by stamping a reused buffer (no clearing, no allocation). */
  membership(rows: Int32Array): (row: number) => boolean {
    const marks = this.scratch('marks');
    const stamp = ++this.#stamp;
    for (let k = 0; k < rows.length; k++) marks[rows[k] ?? 0] = stamp;
    return (row) => marks[row] === stamp;
  }
}

const views = new WeakMap<CustomerStore, StoreView>();

/** The view of the store's current version (a new one after every write). */
export function viewOf(store: CustomerStore): StoreView {
  const view = views.get(store);
  if (view !== undefined && view.version === store.version) return view;
  const fresh = new StoreView(store.version, store.list());
  views.set(store, fresh);
  return fresh;
}
