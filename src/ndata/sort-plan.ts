import type { SortKey } from './ast.js';
import type { StringOrder } from './domain.js';
import { keyPlan, type KeyOrder, type Ranking } from './rank.js';
import type { StoreView } from './store-view.js';
import type { RowOrder } from './top-k.js';

/**
 * `$sort` for one query: the total order of rows (key by key; ascending puts nulls first; ties in
 * insertion order), and, when the first key is ranked, its presorted rows and the order of the rest.
 */
export interface SortPlan {
  order: RowOrder;
  first: { ranking: Ranking; descending: boolean } | undefined;
  /** The order among rows tied on the first key. */
  rest: RowOrder;
}

function chain(keys: readonly KeyOrder[]): RowOrder {
  const [first, second] = keys;
  if (first === undefined) return (a, b) => a - b;
  if (keys.length === 1) return (a, b) => first(a, b) || a - b;
  if (keys.length === 2 && second !== undefined) return (a, b) => first(a, b) || second(a, b) || a - b;
  return (a, b) => {
    for (const key of keys) {
      const d = key(a, b);
      if (d !== 0) return d;
    }
    return a - b;
  };
}

export function sortPlan(
  sort: readonly SortKey[],
  view: StoreView,
  order: StringOrder,
  now: number,
): SortPlan | undefined {
  if (sort.length === 0) return undefined;
  const plans = sort.map((s) => ({ ...keyPlan(s.key, view, order, now), descending: s.descending }));
  const keys = plans.map(({ compare, descending }) => (descending ? (a: number, b: number) => compare(b, a) : compare));
  const [head] = plans;
  const first = head?.ranking === undefined ? undefined : { ranking: head.ranking, descending: head.descending };
  return { order: chain(keys), first, rest: chain(keys.slice(1)) };
}
