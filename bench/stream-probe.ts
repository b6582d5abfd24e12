import { request } from 'node:http';
import type { BenchServer } from './servers.js';

export interface StreamProbe {
  status: number | null;
  /** From sending the request to the first byte of the body. */
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  /** The answer's `count`, read from its end (NaN when the answer was cut). */
  items: number;
  /** The server's peak RSS while it sent the answer, less its RSS just before (null without /proc). */
  rssGrowthBytes: number | null;
  error: string | null;
}

/**
 * Reads one (streamed) list answer to its end, dropping the bytes as they come, while sampling the server's RSS
 * every 50 ms.
 */
export function probeStream(server: BenchServer, path: string, headers: Record<string, string>): Promise<StreamProbe> {
  const before = server.rssBytes();
  let peak = before ?? 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, server.rssBytes() ?? 0);
  }, 50);
  const started = performance.now();
  return new Promise((resolve) => {
    let firstByteMs = Number.NaN;
    let bytes = 0;
    let tail = '';
    const done = (status: number | null, error: string | null) => {
      clearInterval(sample);
      peak = Math.max(peak, server.rssBytes() ?? 0);
      resolve({
        status,
        firstByteMs,
        totalMs: performance.now() - started,
        bytes,
        items: Number(/"count":(\d+),"totalCount":\d+}$/.exec(tail)?.[1] ?? Number.NaN),
        rssGrowthBytes: before === null ? null : peak - before,
        error,
      });
    };
    const req = request(`${server.url}${path}`, { headers, agent: false }, (res) => {
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
        tail = (tail + chunk.toString('latin1')).slice(-100);
      });
      res.on('end', () => done(res.statusCode ?? null, null));
      res.on('error', (error) => done(res.statusCode ?? null, error.message));
    });
    req.on('error', (error) => done(null, error.message));
    req.end();
  });
}
