import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Paths (under the URL's origin) drawn at random per request; default: the URL itself every time. */
  paths?: readonly string[];
}

/** Drives `url` with `connections` keep-alive connections for `seconds`, after a short warm-up. */
export async function load(url: string, headers: Record<string, string>, options: LoadOptions): Promise<LoadResult> {
  const { paths } = options;
  const requests =
    paths === undefined
      ? undefined
      : [
          {
            setupRequest: (req: autocannon.Request) => ({
              ...req,
              path: paths[Math.floor(Math.random() * paths.length)] ?? '/',
            }),
          },
        ];
  const run = (duration: number) =>
    autocannon({
      url,
      headers,
      connections: options.connections,
      duration,
      ...(requests === undefined ? {} : { requests }),
    });
  await run(1);
  const result = await run(options.seconds);
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
