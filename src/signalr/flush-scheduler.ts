/** A connection with records queued for its socket. */
export interface Flushable {
  /** Records waiting in its outgoing queue. */
  readonly queued: number;
  /** Sends what is queued (one WebSocket frame) and empties the queue. */
  flush(): void;
}

/** Decides when queued records go out: a connection asks once it has queued something. */
export interface FlushScheduler {
  request(target: Flushable): void;
}

/** Flushes at once: one frame per record (unit tests of one connection). */
export const FLUSH_AT_ONCE: FlushScheduler = { request: (target) => target.flush() };

export interface SlicedFlusherOptions {
  /** Time a slice may take before it yields to the event loop; at least one connection is flushed per slice. */
  budgetMs?: number;
  /**
   * The pause after a slice, as a share of the time it took (default 1: the fan-out has at most about half the
   * event loop while a round lasts; 0: the next slice right after the waiting I/O).
   */
  pauseRatio?: number;
  /** Least time from the start of one round to the start of the next (0: the next turn of the event loop). */
  intervalMs?: number;
  /** Milliseconds, monotonic (default `performance.now`). */
  now?: () => number;
  /** Runs `run` after `ms`, or after the event loop's I/O when 0 (default `setTimeout`, `setImmediate`). */
  defer?: (run: () => void, ms: number) => void;
  /** Where a flush that throws is reported; the others go on. */
  onError?: (error: unknown) => void;
}

function defaultDefer(run: () => void, ms: number): void {
  if (ms <= 0) setImmediate(run);
  else setTimeout(run, ms);
}

/**
 * The hub's fan-out (docs/decisions.md#real-time-notifications): connections that queued records are flushed in
 * rounds, each connection once per round in the order they asked, so that everything queued for a connection
 * since its last flush goes out as one frame. A round runs in slices of at most `budgetMs`, each followed by a
 * pause as long as it took (`pauseRatio`) in which the event loop serves the HTTP requests waiting: a burst of
 * notifications gets at most about half of the event loop, and does not hold up the REST routes.
 * Rounds start at most every `intervalMs`: under load each frame carries more records, and costs less per record.
 */
export class SlicedFlusher implements FlushScheduler {
  /** Asked since the current round began: the next round. */
  #next = new Set<Flushable>();
  /** The round being flushed, or null between rounds. */
  #round: Iterator<Flushable> | null = null;
  #scheduled = false;
  #roundStart = Number.NEGATIVE_INFINITY;
  readonly #budgetMs: number;
  readonly #pauseRatio: number;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #defer: (run: () => void, ms: number) => void;
  readonly #onError: (error: unknown) => void;

  constructor(options: SlicedFlusherOptions = {}) {
    this.#budgetMs = options.budgetMs ?? 4;
    this.#pauseRatio = options.pauseRatio ?? 1;
    this.#intervalMs = options.intervalMs ?? 10;
    this.#now = options.now ?? (() => performance.now());
    this.#defer = options.defer ?? defaultDefer;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Connections waiting for a flush in the next round. */
  get waiting(): number {
    return this.#next.size;
  }

  request(target: Flushable): void {
    this.#next.add(target);
    if (this.#round === null) this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#defer(this.#slice, this.#roundStart + this.#intervalMs - this.#now());
  }

  readonly #slice = (): void => {
    this.#scheduled = false;
    const now = this.#now();
    if (this.#round === null) {
      this.#round = this.#next.values();
      this.#next = new Set();
      this.#roundStart = now;
    }
    const until = now + this.#budgetMs;
    for (let item = this.#round.next(); !item.done; item = this.#round.next()) {
      try {
        item.value.flush();
      } catch (error) {
        this.#onError(error);
      }
      const end = this.#now();
      if (end >= until) {
        this.#scheduled = true;
        this.#defer(this.#slice, Math.floor((end - now) * this.#pauseRatio));
        return;
      }
    }
    this.#round = null;
    if (this.#next.size > 0) this.#schedule();
  };
}
