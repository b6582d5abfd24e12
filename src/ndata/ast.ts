import type { StoredCustomer } from '../domain/customer.js';
import type { FilterMember, MemberValue } from './members.js';
import type { Arity, Operator, OPERATORS } from './operators.js';
import type { SortKeyName } from './sort-keys.js';

type ArgsOf<A extends Arity, V> = A extends 'none'
  ? readonly []
  : A extends 'one'
    ? readonly [V]
    : A extends 'two'
      ? readonly [V, V]
      : readonly [V, ...V[]];

/** One parsed operation: the operator and its arguments, already converted to the member's value type. */
export type Condition<V> = {
  [O in Operator]: { op: O; args: ArgsOf<(typeof OPERATORS)[O]['arity'], V> };
}[Operator];

/** The operations on each filter member present (all must hold: AND), in the order given. */
export type Filters = { readonly [M in FilterMember]?: readonly Condition<MemberValue<M>>[] };

export interface SortKey {
  key: SortKeyName;
  descending: boolean;
}

/** A parsed GET /customers query: the only thing the evaluator accepts. */
export interface CustomerQuery {
  filters: Filters;
  /** `IsExpired`: true ⇔ status is Expired; undefined when absent. */
  isExpired: boolean | undefined;
  /** `Search` text; undefined when absent or empty. */
  search: string | undefined;
  /** `$sort` keys, each key once (the first occurrence wins). */
  sort: readonly SortKey[];
  skip: number;
  /** `$take`; undefined = all remaining. */
  take: number | undefined;
  /** `$count=true`: answer counts only, no items. */
  count: boolean;
}

/** What a query answers: the page (undefined for `$count=true`), its size, and all matches before paging. */
export interface QueryResult {
  items: readonly StoredCustomer[] | undefined;
  count: number;
  totalCount: number;
}
