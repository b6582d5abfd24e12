import type { Response } from 'express';

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/**
 * Lets the route answer as usual, then sends the headers with the full `Content-Length` but only the first
 * `bytes` of the body (default: half, always at least one byte short) and destroys the connection.
 */
export function truncateResponse(res: Response, bytes: number | null): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const collect = (chunk: unknown, encoding: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, encoding));
  };
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    collect(chunk, encoding);
    const full = Buffer.concat(chunks);
    const keep = Math.min(bytes ?? Math.floor(full.length / 2), Math.max(0, full.length - 1));
    res.removeHeader('Transfer-Encoding');
    res.setHeader('Content-Length', String(full.length));
    res.flushHeaders();
    if (keep === 0) res.socket?.end();
    else write(full.subarray(0, keep), () => res.socket?.destroy());
    return res;
  }) as typeof res.end;
}
