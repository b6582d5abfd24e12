import type { DataSet } from './data-set.js';

/** A named copy of the data (customers and every row), taken at `takenAt` (epoch ms on the mock's clock). */
export interface Snapshot {
  name: string;
  takenAt: number;
  data: DataSet;
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
  save(name: string, data: DataSet, takenAt: number): { snapshot: Snapshot; replaced: boolean } {
    const replaced = this.#byName.has(name);
    const snapshot = { name, takenAt, data: structuredClone(data) };
    this.#byName.set(name, snapshot);
    return { snapshot, replaced };
  }

  get(name: string): Snapshot | undefined {
    return this.#byName.get(name);
  }

  /** A fresh copy of the snapshot's data, to load into the stores. */
  copyOf(name: string): DataSet | undefined {
    const snapshot = this.#byName.get(name);
    return snapshot === undefined ? undefined : structuredClone(snapshot.data);
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
