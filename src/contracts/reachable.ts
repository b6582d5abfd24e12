import { send, type HttpOptions } from './replay.js';

/** The route every PORTOS server answers without credentials (docs/portos/health.md#health-check). */
export const HEALTH_PATH = '/api/v2/health';

/**
 * One request before a run: does anything answer `GET {base}/api/v2/health`? Any HTTP status counts as an answer
 * (a server may want credentials, or lack the route); only a transport failure (refused, reset, timeout, TLS, DNS)
 * does not. Without an answer every scenario could not run, so the run is not started.
 */
export async function checkReachable(
  baseUrl: string,
  http: HttpOptions,
): Promise<{ ok: true; status: number } | { ok: false; url: string; error: string }> {
  const url = baseUrl.replace(/\/+$/, '') + HEALTH_PATH;
  const sent = await send({ method: 'GET', url, headers: { accept: 'application/json' } }, http);
  return sent.ok ? { ok: true, status: sent.observation.status } : { ok: false, url, error: sent.error };
}

/** The one line the CLI prints when nothing answered. */
export function unreachableLine(failed: { url: string; error: string }): string {
  return `portos-contracts: no answer from ${failed.url} (${failed.error}); is the server running?`;
}
