import type { Response } from 'express';

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

const hasData = (chunk: unknown) => chunk !== undefined && chunk !== null && typeof chunk !== 'function';

/**
 * Lets the route answer as usual, then sends only the first `bytes` of the body (default: half, always at least one
 * byte short) and cuts the connection. An answer sent in one piece goes out with its full `Content-Length`. A
 * streamed list (written before it ends) keeps its chunked encoding and is cut after `bytes` as it streams, holding
 * back one chunk so that the cut always falls short of the end; without `bytes` its half is only known at its end,
 * so such a stream is gathered first.
 */
export function truncateResponse(res: Response, bytes: number | null): void {
  const write = res.write.bind(res);
  const chunks: Buffer[] = [];
  let held: Buffer | null = null;
  let sent = 0;
  let cut = false;

  /** Writes `data` up to the limit; at the limit, cuts the connection once the kept bytes are out. */
  const pass = (data: Buffer, limit: number): boolean => {
    const room = limit - sent;
    if (data.length < room) {
      sent += data.length;
      return write(data);
    }
    cut = true;
    sent = limit;
    if (room === 0) {
      res.flushHeaders();
      res.socket?.end();
    } else write(data.subarray(0, room), () => res.socket?.destroy());
    return false;
  };

  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    if (cut || !hasData(chunk)) return !cut;
    const data = toBuffer(chunk, encoding);
    if (bytes === null) {
      chunks.push(data);
      return true;
    }
    const previous = held;
    held = data;
    return previous === null ? true : pass(previous, bytes);
  }) as typeof res.write;

  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (cut) return res;
    const last = hasData(chunk) ? [toBuffer(chunk, encoding)] : [];
    const rest = Buffer.concat([...(held === null ? chunks : [held]), ...last]);
    const streamed = held !== null || chunks.length > 0;
    if (!streamed) {
      res.removeHeader('Transfer-Encoding');
      res.setHeader('Content-Length', String(rest.length));
    }
    const whole = sent + rest.length;
    const keep = Math.min(bytes ?? Math.floor(whole / 2), Math.max(0, whole - 1));
    // Always a cut: `keep` is short of the whole (unless empty writes came last; then it cuts where it stands).
    pass(rest, Math.max(keep, sent));
    return res;
  }) as typeof res.end;
}
