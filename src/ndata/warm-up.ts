import type { CustomerStore } from '../store/customer-store.js';
import { viewOf } from './store-view.js';

/** Below this many customers, what queries build on first use costs them a few milliseconds: nothing is built ahead. */
export const WARM_UP_FROM = 10_000;

/** A warm-up under way: `done` settles when every piece is built or it was stopped. */
export interface WarmUp {
  done: Promise<void>;
  stop(): void;
}

/**
 * What queries would otherwise build on first use: the Search trigram index. Sort rankings are not built ahead:
 * every write edits each ranking held (O(rows) apiece), so holding all ~20 would make every write ~20 times dearer.
 */
function pieces(): ((store: CustomerStore) => void)[] {
  return [(store) => viewOf(store).search().prepare(3)];
}

/**
 * Builds what the store view's first queries would build (see `pieces`) ahead of them, one piece per turn of the
 * event loop, after a first turn (requests that arrive meanwhile are answered between pieces). Answers are the
 * same either way: an index only replaces scanning.
 */
export function warmUp(store: CustomerStore, from = WARM_UP_FROM): WarmUp {
  const todo = store.size >= from ? pieces() : [];
  let stopped = false;
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const step = () => {
    const piece = todo.shift();
    if (stopped || piece === undefined) return finish();
    piece(store);
    setImmediate(step);
  };
  setImmediate(step);
  return {
    done,
    stop: () => {
      stopped = true;
      finish();
    },
  };
}
