import type { ServerResponse } from 'node:http';
import type { CustomerStatus, StoredCustomer } from '../domain/customer.js';
import { parsedTime, statusBetween, toCustomer } from '../domain/derive.js';

/**
 * The JSON of a customer as UTF-8 bytes, made once per stored object and status: stored customers are never
 * mutated (a write stores a new object), so the bytes stay right until the clock changes the status. This keeps
 * serialization and encoding off the hot path of reads and list pages (a page is its customers' bytes copied
 * together), and bytes take half the memory of text with diacritics (two bytes per character in V8).
 */
interface Cached {
  activationMs: number | null;
  expirationMs: number | null;
  bytes: Partial<Record<CustomerStatus, Uint8Array>>;
}

const cache = new WeakMap<StoredCustomer, Cached>();
const encoder = new TextEncoder();

/** A customer's JSON text at `now` (derived `fullName` and `status`), made afresh. */
export function customerText(customer: StoredCustomer, now: number): string {
  return JSON.stringify(toCustomer(customer, now));
}

/** The same as UTF-8 bytes, from the cache (each its own buffer, so a replaced customer's bytes are freed with it). */
export function customerJson(customer: StoredCustomer, now: number): Uint8Array {
  let cached = cache.get(customer);
  if (cached === undefined) {
    cached = {
      activationMs: parsedTime(customer.activationTime),
      expirationMs: parsedTime(customer.expirationTime),
      bytes: {},
    };
    cache.set(customer, cached);
  }
  const status = statusBetween(cached.activationMs, cached.expirationMs, now);
  return (cached.bytes[status] ??= encoder.encode(customerText(customer, now)));
}

/** `QueryResult<Customer>` as JSON text. */
export function queryResultJson(
  items: readonly StoredCustomer[] | undefined,
  count: number,
  totalCount: number,
  now: number,
): string {
  const head = items === undefined ? '{' : `{"items":[${items.map((c) => customerText(c, now)).join(',')}],`;
  return `${head}"count":${count},"totalCount":${totalCount}}`;
}

/** Sends JSON text, or its UTF-8 bytes, as it is (no second serialization), with its length. */
export function sendJsonText(res: ServerResponse, status: number, body: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.end(body);
}
