import type { Lease, LeaseMode, LeaseRequest, LeaseTable } from './lease-table.js';

/** Timers, injectable; the default ones do not keep the process alive. */
export interface LeaseTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const REAL_TIMERS: LeaseTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Waits on a `LeaseTable`: `acquire` resolves when the lease is granted, or with `undefined` after `waitMs`
 * (or when `signal` aborts: the caller went away) with the request withdrawn. No polling: waiters are woken by
 * a release, a withdrawal, or one timer set for the next lease expiry.
 */
export class LeaseGate {
  readonly #table: LeaseTable;
  readonly #now: () => number;
  readonly #timers: LeaseTimers;
  readonly #waiters = new Map<string, (lease: Lease | undefined) => void>();
  #expiryTimer: unknown;

  constructor(table: LeaseTable, now: () => number, timers: LeaseTimers = REAL_TIMERS) {
    this.#table = table;
    this.#now = now;
    this.#timers = timers;
  }

  acquire(mode: LeaseMode, ttlMs: number, waitMs: number, signal?: AbortSignal): Promise<Lease | undefined> {
    const id = this.#table.request(mode, ttlMs);
    this.#settle();
    const granted = this.#table.lease(id);
    if (granted !== undefined) return Promise.resolve(granted);
    if (waitMs === 0 || signal?.aborted === true) {
      this.#withdraw(id);
      return Promise.resolve(undefined);
    }
    return new Promise((resolve) => {
      const done = (lease: Lease | undefined) => {
        this.#timers.clear(timer);
        signal?.removeEventListener('abort', giveUp);
        this.#waiters.delete(id);
        this.#arm();
        resolve(lease);
      };
      const giveUp = () => {
        this.#withdraw(id);
        done(undefined);
      };
      const timer = this.#timers.set(giveUp, waitMs);
      signal?.addEventListener('abort', giveUp, { once: true });
      this.#waiters.set(id, done);
      this.#arm();
    });
  }

  release(id: string): boolean {
    const released = this.#table.release(id);
    this.#settle();
    return released;
  }

  renew(id: string, ttlMs?: number): Lease | undefined {
    const lease = this.#table.renew(id, ttlMs);
    this.#settle();
    return lease;
  }

  list(): { leases: Lease[]; waiting: LeaseRequest[] } {
    return this.#table.list();
  }

  /** Answers every waiter with `undefined` and stops the timer (the mock is closing). */
  close(): void {
    for (const [id, done] of [...this.#waiters]) {
      this.#table.cancel(id);
      done(undefined);
    }
    this.#timers.clear(this.#expiryTimer);
  }

  #withdraw(id: string): void {
    this.#table.cancel(id);
    this.#settle();
  }

  #settle(): void {
    for (const lease of this.#table.settle()) this.#waiters.get(lease.id)?.(lease);
    this.#arm();
  }

  /** While anyone waits, wakes up when the next lease expires (it may free the way). */
  #arm(): void {
    this.#timers.clear(this.#expiryTimer);
    this.#expiryTimer = undefined;
    const at = this.#table.nextExpiry();
    if (this.#waiters.size === 0 || at === undefined) return;
    this.#expiryTimer = this.#timers.set(() => this.#settle(), Math.max(0, at - this.#now()) + 1);
  }
}
