import type { CustomerStore } from '../store/customer-store.js';
import type { StringOrder } from './domain.js';
import { keyRanking } from './rank.js';
import type { SortKeyName } from './sort-keys.js';
import { viewOf } from './store-view.js';

/** Below this many customers, what queries build on first use costs them a few milliseconds: nothing is built ahead. */
export const WARM_UP_FROM = 10_000;

/**
 * The sort keys ranked ahead: what a customer list screen sorts by (names, email, the rates, credit, the dates).
 * Each ranking costs two integers per customer and is kept current through writes (a write that leaves a key's
 * value alone leaves its ranking alone); any other key is ranked on its third use, as before.
 */
export const WARM_SORT_KEYS = [
  'lastName',
  'firstName',
  'email',
  'discountRate',
  'creditRate',
  'credit.amount',
  'birthDate',
  'activationTime',
  'expirationTime',
] as const satisfies readonly SortKeyName[];

/** A warm-up under way: `done` is true when every piece is built, false when it was stopped first. */
export interface WarmUp {
  done: Promise<boolean>;
  stop(): void;
}

/**
 * What queries would otherwise build on first use: the Search trigram index, the card serial numbers case-folded
 * (what `CardSerialNumber=startswith:…`, `contains` and `endswith` read: a card number typed in part), then the
 * rankings above.
 */
function pieces(order: StringOrder): ((store: CustomerStore) => void)[] {
  return [
    (store) => viewOf(store).search().prepare(3),
    (store) => viewOf(store).lists('CardSerialNumber', true),
    ...WARM_SORT_KEYS.map((key) => (store: CustomerStore) => keyRanking(key, viewOf(store), order, 0)),
  ];
}

/**
 * Builds what the store view's first queries would build (see `pieces`) ahead of them, one piece per turn of the
 * event loop, after a first turn (requests that arrive meanwhile are answered between pieces). Answers are the
 * same either way: an index only replaces scanning.
 */
export function warmUp(store: CustomerStore, order: StringOrder, from = WARM_UP_FROM): WarmUp {
  const todo = store.size >= from ? pieces(order) : [];
  let stopped = false;
  let finish = (_built: boolean) => {};
  const done = new Promise<boolean>((resolve) => {
    finish = resolve;
  });
  const step = () => {
    if (stopped) return;
    const piece = todo.shift();
    if (piece === undefined) return finish(true);
    piece(store);
    setImmediate(step);
  };
  setImmediate(step);
  return {
    done,
    stop: () => {
      stopped = true;
      finish(false);
    },
  };
}
