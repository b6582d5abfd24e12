import type { StoredCustomer } from '../domain/customer.js';
import type { Item } from '../resources/engine/resource-row.js';
import type { Segment } from '../resources/names.js';

/**
 * The mock's data, or part of it: the customers and the engine rows' items by route segment. What the state
 * document, snapshots, loads and resets carry (sessions and the licence are not data: they are never in it).
 */
export interface DataSet {
  customers: readonly StoredCustomer[];
  resources: Readonly<Partial<Record<Segment, readonly Item[]>>>;
}

/** Part of the data: the customers and rows a load or a document names (the others stay as they are). */
export interface DataPart {
  customers?: readonly StoredCustomer[];
  resources?: Readonly<Partial<Record<Segment, readonly Item[]>>>;
}
