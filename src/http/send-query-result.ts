import type { ServerResponse } from 'node:http';
import { sendJsonText } from './customer-json.js';
import { streamList } from './stream-list.js';

/** Lists up to this many items go out as one string with a `Content-Length`; longer ones stream. */
export const STREAM_ABOVE_ITEMS = 1000;

/** A list answer and how its items become JSON text: `text` for a page, `freshText` (not cached) for a stream. */
export interface ListText<T> {
  items: readonly T[] | undefined;
  count: number;
  totalCount: number;
  text: (item: T) => string;
  freshText: (item: T) => string;
}

/**
 * Sends a `QueryResult<T>` of any row: a page as one string, a longer list streamed in chunks (clarification of
 * docs/decisions.md#ndata: long answers stream). The bytes are the same either way; a streamed item's text is made
 * afresh and not kept, so sending the whole store does not fill a cache with a million strings.
 */
export async function sendQueryResult<T>(
  res: ServerResponse,
  answer: ListText<T>,
  streamAbove = STREAM_ABOVE_ITEMS,
): Promise<void> {
  const { items, count, totalCount } = answer;
  const tail = `"count":${count},"totalCount":${totalCount}}`;
  if (items === undefined || items.length <= streamAbove) {
    const head = items === undefined ? '{' : `{"items":[${items.map(answer.text).join(',')}],`;
    sendJsonText(res, 200, `${head}${tail}`);
    return;
  }
  // `i` is always below `items.length`.
  const texts = { length: items.length, text: (i: number) => answer.freshText(items[i] as T) };
  await streamList(res, texts, `,${tail}`);
}
