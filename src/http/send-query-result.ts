import type { ServerResponse } from 'node:http';
import { sendJsonText } from './customer-json.js';
import { streamList } from './stream-list.js';

/** Lists up to this many items go out as one string with a `Content-Length`; longer ones stream. */
export const STREAM_ABOVE_ITEMS = 1000;

/**
 * A list answer and how its items become JSON: `text` (text or UTF-8 bytes, e.g. from a cache) for a page,
 * `freshText` (not cached) for a stream.
 */
export interface ListText<T> {
  items: readonly T[] | undefined;
  count: number;
  totalCount: number;
  text: (item: T) => string | Uint8Array;
  freshText: (item: T) => string;
}

const COMMA = Buffer.from(',');

/** `{"items":[a,b,…],<tail>` as one buffer: the items' bytes copied together (text is encoded first). */
function pageBytes(head: string, items: readonly (string | Uint8Array)[], tail: string): Buffer {
  const parts: Uint8Array[] = [Buffer.from(head)];
  items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(typeof item === 'string' ? Buffer.from(item) : item);
  });
  parts.push(Buffer.from(tail));
  return Buffer.concat(parts);
}

/**
 * Sends a `QueryResult<T>` of any row: a page in one piece with its `Content-Length`, a longer list streamed in
 * chunks (clarification of docs/decisions.md#ndata: long answers stream). The bytes are the same either way; a
 * streamed item's text is made afresh and not kept, so sending the whole store does not fill a cache with a million
 * items.
 */
export async function sendQueryResult<T>(
  res: ServerResponse,
  answer: ListText<T>,
  streamAbove = STREAM_ABOVE_ITEMS,
): Promise<void> {
  const { items, count, totalCount } = answer;
  const tail = `"count":${count},"totalCount":${totalCount}}`;
  if (items === undefined) {
    sendJsonText(res, 200, `{${tail}`);
    return;
  }
  if (items.length <= streamAbove) {
    sendJsonText(res, 200, pageBytes('{"items":[', items.map(answer.text), `],${tail}`));
    return;
  }
  // `i` is always below `items.length`.
  const texts = { length: items.length, text: (i: number) => answer.freshText(items[i] as T) };
  await streamList(res, texts, `,${tail}`);
}
