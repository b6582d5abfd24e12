import type { ServerResponse } from 'node:http';
import type { StoredCustomer } from '../domain/customer.js';
import { toCustomer } from '../domain/derive.js';
import type { QueryResult } from '../ndata/index.js';
import { queryResultJson, sendJsonText } from './customer-json.js';
import { streamList } from './stream-list.js';

/** Lists up to this many items go out as one string with a `Content-Length`; longer ones stream. */
export const STREAM_ABOVE_ITEMS = 1000;

/**
 * Sends a `QueryResult<Customer>`: a page as one string (texts from the customer cache), a longer list streamed in
 * chunks. The bytes are the same either way; a streamed item's text is made afresh and not kept, so sending the
 * whole store does not fill the cache with a million strings.
 */
export async function sendQueryResult(
  res: ServerResponse,
  result: QueryResult,
  now: number,
  streamAbove = STREAM_ABOVE_ITEMS,
): Promise<void> {
  const { items, count, totalCount } = result;
  if (items === undefined || items.length <= streamAbove) {
    sendJsonText(res, 200, queryResultJson(items, count, totalCount, now));
    return;
  }
  // `i` is always below `items.length`.
  const text = (i: number) => JSON.stringify(toCustomer(items[i] as StoredCustomer, now));
  const texts = { length: items.length, text };
  await streamList(res, texts, `,"count":${count},"totalCount":${totalCount}}`);
}
