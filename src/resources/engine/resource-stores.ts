import type { Segment } from '../names.js';
import { ItemStore } from './item-store.js';
import { keyOfItem, type Catalogue, type Item, type ResourceRow } from './resource-row.js';

/** The key text of an item of `row` (`1`, `EUR`, `65a0…`). */
export const itemKey = (row: ResourceRow, item: Item): string => keyOfItem(row, item);

/**
 * Every row's store, seeded on creation and on `reset` (docs/decisions.md#catalogue-seed): what rules and
 * references look things up in, and what the control API saves, loads and resets.
 */
export class ResourceStores implements Catalogue {
  readonly #stores = new Map<Segment, ItemStore>();
  readonly rows: readonly ResourceRow[];

  constructor(rows: readonly ResourceRow[]) {
    this.rows = rows;
    for (const row of rows) this.#stores.set(row.segment, new ItemStore(row.seed(), (item) => itemKey(row, item)));
  }

  store(segment: Segment): ItemStore {
    const store = this.#stores.get(segment);
    if (store === undefined) throw new RangeError(`no resource ${segment}`);
    return store;
  }

  has(segment: Segment): boolean {
    return this.#stores.has(segment);
  }

  row(segment: Segment): ResourceRow {
    const row = this.rows.find((r) => r.segment === segment);
    if (row === undefined) throw new RangeError(`no resource ${segment}`);
    return row;
  }

  items(segment: Segment): readonly Item[] {
    return this.#stores.get(segment)?.list() ?? [];
  }

  get(segment: Segment, key: string): Item | undefined {
    return this.#stores.get(segment)?.get(key);
  }

  /** Every row back to its seed. */
  reset(): void {
    for (const row of this.rows) this.store(row.segment).replaceAll(row.seed());
  }

  /** Item counts per segment, in table order. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.rows.map((row) => [row.segment, this.store(row.segment).size]));
  }

  /** Every row's items, per segment (the state document and snapshots). */
  dump(): Record<string, readonly Item[]> {
    return Object.fromEntries(this.rows.map((row) => [row.segment, this.store(row.segment).list()]));
  }
}
