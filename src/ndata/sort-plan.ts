import type { SortKey } from './ast.js';
import type { StringOrder } from './domain.js';
import { keyPlan, type KeyOrder, type Ranking } from './rank.js';
import { compoundOrder } from './compound-order.js';
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
  const ranked = plans.flatMap(({ ranking, descending }) =>
    ranking === undefined ? [] : [{ ...ranking, descending }],
  );
  if (ranked.length === plans.length) {
    // Every key ranked: the whole order once (until the next write), walked like a single key without ties.
    const name = `${order}/${sort.map((s) => `${s.descending ? '-' : ''}${s.key}`).join(',')}`;
    const whole = view.order(name, () => compoundOrder(ranked, view.items.length));
    const position = whole.rank;
    return {
      order: (a, b) => (position[a] ?? 0) - (position[b] ?? 0),
      first: { ranking: whole, descending: false },
      rest: () => 0,
    };
  }
  const keys = plans.map(({ compare, descending }) => (descending ? (a: number, b: number) => compare(b, a) : compare));
  const [head] = plans;
  const first = head?.ranking === undefined ? undefined : { ranking: head.ranking, descending: head.descending };
  return { order: chain(keys), first, rest: chain(keys.slice(1)) };
}
