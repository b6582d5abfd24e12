import type { Item } from './resource-row.js';

/**
 * One row's items in memory by key text, in insertion order (an update keeps the position; NData's "no
 * `$sort`" order). `version` changes on every write.
 */
export class ItemStore {
  readonly #byKey = new Map<string, Item>();
  #version = 0;
  #list: readonly Item[] | null = null;

  constructor(
    initial: readonly Item[],
    readonly keyOf: (item: Item) => string,
  ) {
    this.replaceAll(initial);
  }

  get version(): number {
    return this.#version;
  }

  get size(): number {
    return this.#byKey.size;
  }

  get(key: string): Item | undefined {
    return this.#byKey.get(key);
  }

  /** Every item in insertion order; the same array until the next write. */
  list(): readonly Item[] {
    this.#list ??= [...this.#byKey.values()];
    return this.#list;
  }

  put(item: Item): void {
    this.#byKey.set(this.keyOf(item), item);
    this.#touch();
  }

  remove(key: string): Item | undefined {
    const found = this.#byKey.get(key);
    if (found === undefined) return undefined;
    this.#byKey.delete(key);
    this.#touch();
    return found;
  }

  /** Drops everything and loads `items` (a later item with the same key replaces an earlier one). */
  replaceAll(items: readonly Item[]): void {
    this.#byKey.clear();
    for (const item of items) this.#byKey.set(this.keyOf(item), item);
    this.#touch();
  }

  #touch(): void {
    this.#version += 1;
    this.#list = null;
  }
}
