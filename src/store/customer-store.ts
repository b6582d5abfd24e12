import type { StoredCustomer } from '../domain/customer.js';

/** A member value already taken by another customer: `member` is the JSON path in the candidate. */
export interface UniqueClash {
  member: string;
  value: string;
}

/**
 * One write, by row (the position in insertion order): a customer replaced in place, one appended at the end,
 * or one removed (the rows after it move up by one).
 */
export type StoreChange =
  | { kind: 'replace'; row: number; before: StoredCustomer; after: StoredCustomer }
  | { kind: 'append'; row: number; after: StoredCustomer }
  | { kind: 'remove'; row: number; before: StoredCustomer };

/** Changes remembered for derived views that catch up; a view further behind rebuilds. */
const LOG_LIMIT = 1024;

/** Removals after which the row positions are numbered afresh (until then a lookup steps back at most this far). */
const RENUMBER_AFTER = 1024;

/**
 * Customers in memory, in insertion order (an update keeps the position; NData's "no $sort" order).
 * Keeps unique indexes for `externalId` and card `serialNumber`; `version` changes on every write, and the
 * recent writes are kept as row changes, so derived views (NData indexes, caches) update instead of rebuilding.
 */
export class CustomerStore {
  readonly #byId = new Map<string, StoredCustomer>();
  readonly #byExternalId = new Map<string, string>();
  readonly #bySerial = new Map<string, string>();
  #rows: StoredCustomer[] = [];
  /**
   * The row of each id, as of when it was stored: a removal moves the rows after it up by one without editing
   * this, so the row is at most `#removed` before the one stored (see `#rowOf`).
   */
  readonly #position = new Map<string, number>();
  #removed = 0;
  /** Whether two customers' cards may share a serial number (loaded that way, e.g. by a library caller). */
  #serialsShared = false;
  #version = 0;
  #list: readonly StoredCustomer[] | null = null;
  /** `#log[k]` made version `#logStart + k + 1`. */
  #log: StoreChange[] = [];
  #logStart = 0;

  constructor(initial: readonly StoredCustomer[] = []) {
    this.replaceAll(initial);
  }

  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): StoredCustomer | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** All customers in insertion order; the same array until the next write. */
  list(): readonly StoredCustomer[] {
    this.#list ??= this.#rows.slice();
    return this.#list;
  }

  /** All customers in insertion order, live: the next write changes this very array (for derived views). */
  rows(): readonly StoredCustomer[] {
    return this.#rows;
  }

  /** The writes after `version`, oldest first; undefined when they are no longer known (`replaceAll`, or too many). */
  changesSince(version: number): readonly StoreChange[] | undefined {
    if (version < this.#logStart || version > this.#version) return undefined;
    return this.#log.slice(version - this.#logStart);
  }

  /**
   * The row of the one customer holding a card with `serial`: null when none does; undefined when the serial
   * numbers are not known to be unique (then only a scan answers).
   */
  rowOfSerial(serial: string): number | null | undefined {
    if (this.#serialsShared) return undefined;
    const id = this.#bySerial.get(serial);
    const customer = id === undefined ? undefined : this.#byId.get(id);
    return customer === undefined ? null : this.#rowOf(customer);
  }

  /** Unique members of `candidate` that another customer (not `selfId`) or an earlier card already uses. */
  clashes(candidate: StoredCustomer, selfId: string | null): UniqueClash[] {
    const found: UniqueClash[] = [];
    if (selfId === null && this.#byId.has(candidate.id)) found.push({ member: 'id', value: candidate.id });
    const owner = (index: Map<string, string>, value: string) => {
      const id = index.get(value);
      return id !== undefined && id !== selfId ? id : undefined;
    };
    if (candidate.externalId !== null && owner(this.#byExternalId, candidate.externalId) !== undefined) {
      found.push({ member: 'externalId', value: candidate.externalId });
    }
    const seen = new Set<string>();
    candidate.cards.forEach((card, i) => {
      const serial = card.serialNumber;
      if (serial === null) return;
      if (seen.has(serial) || owner(this.#bySerial, serial) !== undefined) {
        found.push({ member: `cards[${i}].serialNumber`, value: serial });
      }
      seen.add(serial);
    });
    return found;
  }

  /** Inserts or replaces (keeping the position) a customer; the caller has checked `clashes`. */
  put(customer: StoredCustomer): void {
    const previous = this.#byId.get(customer.id);
    if (previous !== undefined) this.#unindex(previous);
    this.#byId.set(customer.id, customer);
    this.#index(customer);
    if (previous === undefined) {
      this.#position.set(customer.id, this.#rows.push(customer) - 1);
      this.#touch({ kind: 'append', row: this.#rows.length - 1, after: customer });
    } else {
      const row = this.#rowOf(previous);
      this.#rows[row] = customer;
      this.#touch({ kind: 'replace', row, before: previous, after: customer });
    }
  }

  remove(id: string): StoredCustomer | undefined {
    const previous = this.#byId.get(id);
    if (previous === undefined) return undefined;
    this.#unindex(previous);
    this.#byId.delete(id);
    const row = this.#rowOf(previous);
    this.#rows.splice(row, 1);
    this.#position.delete(id);
    this.#removed += 1;
    if (this.#removed >= RENUMBER_AFTER) this.#renumber();
    this.#touch({ kind: 'remove', row, before: previous });
    return previous;
  }

  /** Drops everything and loads `customers` (later duplicates of an id replace earlier ones). */
  replaceAll(customers: readonly StoredCustomer[]): void {
    this.#byId.clear();
    this.#byExternalId.clear();
    this.#bySerial.clear();
    this.#serialsShared = false;
    for (const customer of customers) {
      const previous = this.#byId.get(customer.id);
      if (previous !== undefined) this.#unindex(previous);
      this.#byId.set(customer.id, customer);
      this.#index(customer);
    }
    this.#rows = [...this.#byId.values()];
    this.#renumber();
    this.#touch(undefined);
  }

  /** The row of a stored customer: O(removals since the last renumbering), not O(rows). */
  #rowOf(customer: StoredCustomer): number {
    const stored = this.#position.get(customer.id) ?? 0;
    for (let row = stored; row >= 0 && row >= stored - this.#removed; row--) {
      if (this.#rows[row] === customer) {
        this.#position.set(customer.id, row);
        return row;
      }
    }
    return this.#rows.indexOf(customer);
  }

  #renumber(): void {
    this.#position.clear();
    this.#rows.forEach((c, row) => this.#position.set(c.id, row));
    this.#removed = 0;
  }

  #index(c: StoredCustomer): void {
    if (c.externalId !== null) this.#byExternalId.set(c.externalId, c.id);
    for (const card of c.cards) {
      if (card.serialNumber === null) continue;
      const owner = this.#bySerial.get(card.serialNumber);
      if (owner !== undefined && owner !== c.id) this.#serialsShared = true;
      this.#bySerial.set(card.serialNumber, c.id);
    }
  }

  #unindex(c: StoredCustomer): void {
    if (c.externalId !== null && this.#byExternalId.get(c.externalId) === c.id) this.#byExternalId.delete(c.externalId);
    for (const card of c.cards) {
      if (card.serialNumber !== null && this.#bySerial.get(card.serialNumber) === c.id)
        this.#bySerial.delete(card.serialNumber);
    }
  }

  /** A new version; `change` undefined = not a row change (derived views rebuild). */
  #touch(change: StoreChange | undefined): void {
    this.#version += 1;
    this.#list = null;
    if (change === undefined) {
      this.#log = [];
      this.#logStart = this.#version;
      return;
    }
    if (this.#log.length >= LOG_LIMIT) {
      this.#log = this.#log.slice(LOG_LIMIT / 2);
      this.#logStart += LOG_LIMIT / 2;
    }
    this.#log.push(change);
  }
}
