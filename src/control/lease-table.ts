/** How a lease shares the mock: many `shared` leases at once, or one `exclusive` lease alone. */
export const LEASE_MODES = ['shared', 'exclusive'] as const;
export type LeaseMode = (typeof LEASE_MODES)[number];

/** A granted lease; times are epoch ms of the real clock (never the controllable mock clock). */
export interface Lease {
  id: string;
  mode: LeaseMode;
  ttlMs: number;
  grantedAt: number;
  expiresAt: number;
}

/** A request that is not granted yet. */
export interface LeaseRequest {
  id: string;
  mode: LeaseMode;
  ttlMs: number;
}

/**
 * The mock's readers–writer lock for test runners sharing it (src/control/CONTROL-API.md#leases): granted leases
 * and a queue of requests, served first come, first served. A shared request is granted while no exclusive lease
 * is held, an exclusive one when no lease is held; a request waits behind every earlier one, so a stream of
 * shared requests cannot starve a waiting exclusive one. A lease ends when released or `ttlMs` after it was
 * granted or last renewed. Pure: `now` is the real clock, injected; waiting is the caller's business
 * (`LeaseGate`), which calls `settle()` after every change and at the next expiry.
 */
export class LeaseTable {
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #leases = new Map<string, Lease>();
  #queue: LeaseRequest[] = [];

  constructor(now: () => number, newId: () => string) {
    this.#now = now;
    this.#newId = newId;
  }

  /** Queues a request and returns its id (the lease's id once granted); `settle()` grants it when it can. */
  request(mode: LeaseMode, ttlMs: number): string {
    const id = this.#newId();
    this.#queue.push({ id, mode, ttlMs });
    return id;
  }

  /** Drops expired leases, then grants queued requests in order while they fit; returns the leases granted. */
  settle(): Lease[] {
    this.#expire();
    const granted: Lease[] = [];
    for (let head = this.#queue[0]; head !== undefined && this.#fits(head.mode); head = this.#queue[0]) {
      this.#queue.shift();
      const now = this.#now();
      const lease: Lease = { ...head, grantedAt: now, expiresAt: now + head.ttlMs };
      this.#leases.set(lease.id, lease);
      granted.push(lease);
    }
    return granted;
  }

  /** The granted lease with this id, unless it expired. */
  lease(id: string): Lease | undefined {
    this.#expire();
    return this.#leases.get(id);
  }

  /** Withdraws a request that is still waiting; false when there is none with this id. */
  cancel(id: string): boolean {
    const before = this.#queue.length;
    this.#queue = this.#queue.filter((r) => r.id !== id);
    return this.#queue.length < before;
  }

  /** Ends a lease; false when there is none (never granted, released, or expired). */
  release(id: string): boolean {
    this.#expire();
    return this.#leases.delete(id);
  }

  /** Extends a lease to `ttlMs` (default: its own) from now; undefined when there is none. */
  renew(id: string, ttlMs?: number): Lease | undefined {
    const lease = this.lease(id);
    if (lease === undefined) return undefined;
    const ttl = ttlMs ?? lease.ttlMs;
    const renewed = { ...lease, ttlMs: ttl, expiresAt: this.#now() + ttl };
    this.#leases.set(id, renewed);
    return renewed;
  }

  /** When the next lease expires (epoch ms), if any is held. */
  nextExpiry(): number | undefined {
    const times = [...this.#leases.values()].map((l) => l.expiresAt);
    return times.length === 0 ? undefined : Math.min(...times);
  }

  /** The granted leases (oldest first) and the waiting requests (in order). */
  list(): { leases: Lease[]; waiting: LeaseRequest[] } {
    this.#expire();
    return { leases: [...this.#leases.values()], waiting: [...this.#queue] };
  }

  #fits(mode: LeaseMode): boolean {
    const held = [...this.#leases.values()];
    return mode === 'shared' ? held.every((l) => l.mode === 'shared') : held.length === 0;
  }

  #expire(): void {
    const now = this.#now();
    for (const [id, lease] of this.#leases) if (lease.expiresAt <= now) this.#leases.delete(id);
  }
}
