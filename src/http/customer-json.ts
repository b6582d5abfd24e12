import type { CustomerStatus, StoredCustomer } from '../domain/customer.js';
import { statusAt, toCustomer } from '../domain/derive.js';

/**
 * The JSON text of a customer, made once per stored object and status: stored customers are never
 * mutated (a write stores a new object), so the text stays right until the clock changes the status.
 * This keeps serialization off the hot path of reads and list pages.
 */
const cache = new WeakMap<StoredCustomer, Partial<Record<CustomerStatus, string>>>();

export function customerJson(customer: StoredCustomer, now: number): string {
  const status = statusAt(customer, now);
  let texts = cache.get(customer);
  if (texts === undefined) {
    texts = {};
    cache.set(customer, texts);
  }
  return (texts[status] ??= JSON.stringify(toCustomer(customer, now)));
}

/** `QueryResult<Customer>` as JSON text, items from the cache. */
export function queryResultJson(items: readonly StoredCustomer[] | undefined, count: number, totalCount: number, now: number): string {
  const head = items === undefined ? '{' : `{"items":[${items.map((c) => customerJson(c, now)).join(',')}],`;
  return `${head}"count":${count},"totalCount":${totalCount}}`;
}
