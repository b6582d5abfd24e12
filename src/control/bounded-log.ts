/** An entry as stored: numbered in order of arrival (from 1). */
export type Numbered<T> = T & { seq: number };

/**
 * The newest `capacity` entries of a log (a ring buffer): the request log, the change log and the webhook
 * deliveries are each one. Older entries are dropped and counted.
 */
export class BoundedLog<T extends object> {
  readonly capacity: number;
  readonly #ring: (Numbered<T> | undefined)[];
  #next = 1;
  #dropped = 0;
  /** The last seq before the latest `clear()`. */
  #cleared = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
    this.#ring = new Array<Numbered<T> | undefined>(this.capacity);
  }

  push(entry: T): Numbered<T> {
    const numbered = { ...entry, seq: this.#next } as Numbered<T>;
    this.#next += 1;
    if (this.capacity === 0) {
      this.#dropped += 1;
      return numbered;
    }
    const slot = (numbered.seq - 1) % this.capacity;
    if (this.#ring[slot] !== undefined) this.#dropped += 1;
    this.#ring[slot] = numbered;
    return numbered;
  }

  /** Entries still kept, oldest first: those after `since` (a seq), the last `limit` of them. */
  items(options: { since?: number; limit?: number } = {}): Numbered<T>[] {
    const first = Math.max(1, this.#next - this.size, (options.since ?? 0) + 1);
    const out: Numbered<T>[] = [];
    for (let seq = first; seq < this.#next; seq++) {
      const entry = this.#ring[(seq - 1) % this.capacity];
      if (entry !== undefined && entry.seq === seq) out.push(entry);
    }
    return options.limit === undefined ? out : out.slice(Math.max(0, out.length - options.limit));
  }

  /** The seq of the newest entry ever pushed (0: none yet), cleared or dropped or not: the next `since`. */
  get last(): number {
    return this.#next - 1;
  }

  get size(): number {
    return Math.min(this.capacity, this.#next - 1 - this.#cleared);
  }

  /** Entries dropped to make room since the start (clearing does not count). */
  get dropped(): number {
    return this.#dropped;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#cleared = this.#next - 1;
  }
}
