import type { ServerResponse } from 'node:http';
import type { CustomerStatus, StoredCustomer } from '../domain/customer.js';
import { parsedTime, statusBetween, toCustomer } from '../domain/derive.js';

/**
 * The JSON text of a customer, made once per stored object and status: stored customers are never
 * mutated (a write stores a new object), so the text stays right until the clock changes the status.
 * This keeps serialization off the hot path of reads and list pages.
 */
interface Cached {
  activationMs: number | null;
  expirationMs: number | null;
  texts: Partial<Record<CustomerStatus, string>>;
}

const cache = new WeakMap<StoredCustomer, Cached>();

export function customerJson(customer: StoredCustomer, now: number): string {
  let cached = cache.get(customer);
  if (cached === undefined) {
    cached = {
      activationMs: parsedTime(customer.activationTime),
      expirationMs: parsedTime(customer.expirationTime),
      texts: {},
    };
    cache.set(customer, cached);
  }
  const status = statusBetween(cached.activationMs, cached.expirationMs, now);
  return (cached.texts[status] ??= JSON.stringify(toCustomer(customer, now)));
}

/** `QueryResult<Customer>` as JSON text, items from the cache. */
export function queryResultJson(
  items: readonly StoredCustomer[] | undefined,
  count: number,
  totalCount: number,
  now: number,
): string {
  const head = items === undefined ? '{' : `{"items":[${items.map((c) => customerJson(c, now)).join(',')}],`;
  return `${head}"count":${count},"totalCount":${totalCount}}`;
}

/** Sends JSON text as it is (no second serialization), with its length. */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
