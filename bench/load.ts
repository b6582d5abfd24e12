import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p99Ms: number;
  /** Errors and timeouts (`timeoutSeconds`, default 10 s). */
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Paths (under the URL's origin) drawn at random per request; default: the URL itself every time. */
  paths?: readonly string[];
  /** A request unanswered after this long counts as an error (default 10 s). */
  timeoutSeconds?: number;
}

/**
 * Waits until the server has worked off what a finished run left queued (requests still being answered after their
 * connections closed): one request to the health route is answered after them.
 */
export async function settle(url: string, headers: Record<string, string>): Promise<void> {
  const { origin } = new URL(url);
  await fetch(`${origin}/api/v2/health`, { headers }).then(
    (res) => res.arrayBuffer(),
    () => undefined,
  );
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
      timeout: options.timeoutSeconds ?? 10,
      ...(requests === undefined ? {} : { requests }),
    });
  await run(1);
  await settle(url, headers);
  const result = await run(options.seconds);
  await settle(url, headers);
  return {
    rps: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
