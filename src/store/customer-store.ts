import type { StoredCustomer } from '../domain/customer.js';

/** A member value already taken by another customer: `member` is the JSON path in the candidate. */
export interface UniqueClash {
  member: string;
  value: string;
}

/**
 * Customers in memory, in insertion order (an update keeps the position; NData's "no $sort" order).
 * Keeps unique indexes for `externalId` and card `serialNumber`; `version` changes on every write so
 * derived views (NData indexes, caches) know when to rebuild.
 */
export class CustomerStore {
  readonly #byId = new Map<string, StoredCustomer>();
  readonly #byExternalId = new Map<string, string>();
  readonly #bySerial = new Map<string, string>();
  #version = 0;
  #list: readonly StoredCustomer[] | null = null;

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
    this.#list ??= [...this.#byId.values()];
    return this.#list;
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
    this.#touch();
  }

  remove(id: string): StoredCustomer | undefined {
    const previous = this.#byId.get(id);
    if (previous === undefined) return undefined;
    this.#unindex(previous);
    this.#byId.delete(id);
    this.#touch();
    return previous;
  }

  /** Drops everything and loads `customers` (later duplicates of an id replace earlier ones). */
  replaceAll(customers: readonly StoredCustomer[]): void {
    this.#byId.clear();
    this.#byExternalId.clear();
    this.#bySerial.clear();
    for (const customer of customers) {
      const previous = this.#byId.get(customer.id);
      if (previous !== undefined) this.#unindex(previous);
      this.#byId.set(customer.id, customer);
      this.#index(customer);
    }
    this.#touch();
  }

  #index(c: StoredCustomer): void {
    if (c.externalId !== null) this.#byExternalId.set(c.externalId, c.id);
    for (const card of c.cards) if (card.serialNumber !== null) this.#bySerial.set(card.serialNumber, c.id);
  }

  #unindex(c: StoredCustomer): void {
    if (c.externalId !== null && this.#byExternalId.get(c.externalId) === c.id) this.#byExternalId.delete(c.externalId);
    for (const card of c.cards) {
      if (card.serialNumber !== null && this.#bySerial.get(card.serialNumber) === c.id)
        this.#bySerial.delete(card.serialNumber);
    }
  }

  #touch(): void {
    this.#version += 1;
    this.#list = null;
  }
}
