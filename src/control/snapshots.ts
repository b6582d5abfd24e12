import type { StoredCustomer } from '../domain/customer.js';

/** A named copy of the data, taken at `takenAt` (epoch ms on the mock's clock). */
export interface Snapshot {
  name: string;
  takenAt: number;
  customers: readonly StoredCustomer[];
}

/**
 * Snapshot names, safe in URLs and file names, as the panel's HTML `pattern` too: browsers compile that with the `v`
 * flag, where a `-` in a class must be escaped (a literal, so no formatter drops the escape).
 */
export const SNAPSHOT_NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9._\\-]{0,63}';

/** Snapshot names: safe in URLs and file names. */
export const SNAPSHOT_NAME = new RegExp(`^${SNAPSHOT_NAME_PATTERN}$`);

/** Named snapshots, in memory; each holds its own deep copy, so later writes never reach it. */
export class Snapshots {
  readonly #byName = new Map<string, Snapshot>();

  /** Takes (or replaces) `name`; true when it replaced one. */
  save(name: string, customers: readonly StoredCustomer[], takenAt: number): { snapshot: Snapshot; replaced: boolean } {
    const replaced = this.#byName.has(name);
    const snapshot = { name, takenAt, customers: structuredClone(customers) };
    this.#byName.set(name, snapshot);
    return { snapshot, replaced };
  }

  get(name: string): Snapshot | undefined {
    return this.#byName.get(name);
  }

  /** A fresh copy of the snapshot's customers, to load into the store. */
  copyOf(name: string): StoredCustomer[] | undefined {
    const snapshot = this.#byName.get(name);
    return snapshot === undefined ? undefined : (structuredClone(snapshot.customers) as StoredCustomer[]);
  }

  list(): Snapshot[] {
    return [...this.#byName.values()];
  }

  get size(): number {
    return this.#byName.size;
  }

  delete(name: string): boolean {
    return this.#byName.delete(name);
  }
}
