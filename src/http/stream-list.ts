import type { ServerResponse } from 'node:http';

/** The items of a list answer, each made into JSON text only when it is about to be written. */
export interface ItemTexts {
  readonly length: number;
  text(index: number): string;
}

/**
 * Items per `write`: what the writer holds at most at once. For customers (about 1 KB each) a chunk is some 32 KB,
 * well below V8's large-object size (128 KB): such strings die young, whereas 128 customers a chunk went to the
 * large-object space, which only a full collection frees (RSS +204 MB sending 1,000,000 customers, against
 * +5 to +33 MB at 32 a chunk sending 100,000 and 300,000; `npm run bench`).
 */
export const CHUNK_ITEMS = 32;

export interface StreamOutcome {
  /** Items written before the answer ended or the client went away. */
  written: number;
  /** The whole answer went out (false: the client closed the connection or a fault cut it). */
  complete: boolean;
}

/**
 * Streams `{"items":[…],<tail>` with chunked encoding: `chunkItems` items per `write`, waiting for 'drain' when the
 * socket's buffer is full and stopping as soon as the connection closes, so memory stays bounded by one chunk and
 * a client that goes away stops the work. Nothing is sent before the first chunk is made, so an error there is an
 * ordinary error answer; an error after the headers are sent destroys the socket (the client sees a cut answer).
 */
export async function streamList(
  res: ServerResponse,
  items: ItemTexts,
  tail: string,
  chunkItems = CHUNK_ITEMS,
): Promise<StreamOutcome> {
  let closed = false;
  let wake: (() => void) | null = null;
  const onClose = () => {
    closed = true;
    wake?.();
  };
  const onDrain = () => wake?.();
  const chunk = (from: number): string => {
    const to = Math.min(items.length, from + chunkItems);
    const texts: string[] = [];
    for (let i = from; i < to; i++) texts.push(items.text(i));
    return texts.join(',');
  };
  let next = Math.min(items.length, chunkItems);
  const first = `{"items":[${chunk(0)}`;
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.on('close', onClose);
  res.on('drain', onDrain);
  try {
    let ready = res.write(first);
    while (next < items.length) {
      // Yield between chunks either way (other requests go on); after a full buffer, wait until it drains.
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (ready) setImmediate(resolve);
      });
      wake = null;
      if (closed || res.destroyed) return { written: next, complete: false };
      ready = res.write(`,${chunk(next)}`);
      next = Math.min(items.length, next + chunkItems);
    }
    if (closed || res.destroyed) return { written: next, complete: false };
    res.end(`]${tail}`);
    return { written: next, complete: !res.destroyed };
  } catch (error) {
    res.destroy();
    throw error;
  } finally {
    res.off('close', onClose);
    res.off('drain', onDrain);
  }
}
