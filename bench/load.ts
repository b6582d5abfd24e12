import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Drives `url` with `connections` keep-alive connections for `seconds`, after a short warm-up. */
export async function load(url: string, headers: Record<string, string>, options: { connections: number; seconds: number }): Promise<LoadResult> {
  await autocannon({ url, headers, connections: options.connections, duration: 1 });
  const result = await autocannon({ url, headers, connections: options.connections, duration: options.seconds });
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
