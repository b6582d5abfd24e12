import { readFileSync } from 'node:fs';
import { Agent, request, type Dispatcher } from 'undici';

/** A request as it goes on the wire. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What came back: status, headers (lower-case names), the body as text and, when it is JSON, parsed. */
export interface Observation {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body when it is JSON; undefined otherwise (empty or not JSON). */
  body: unknown;
  durationMs: number;
}

/**
 * How a request failed without a (whole) response: refused, timed out, `dropped` (the connection closed before the
 * status line), `truncated` (the status and headers came, the body ended early), or `other`.
 */
export type TransportFailureKind = 'refused' | 'timeout' | 'dropped' | 'truncated' | 'other';

export type SendResult =
  | { ok: true; observation: Observation }
  | { ok: false; error: string; durationMs: number; failure: TransportFailureKind; status?: number };

export interface HttpOptions {
  timeoutMs: number;
  /** Extra attempts after a transport failure (see `retryable`). */
  retries: number;
  dispatcher?: Dispatcher;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** An agent for `--insecure` (no certificate check) or `--ca FILE` (trust that CA); undefined: the default. */
export function createDispatcher(options: { insecure?: boolean; ca?: string }): Dispatcher | undefined {
  if (options.insecure !== true && options.ca === undefined) return undefined;
  const ca = options.ca === undefined ? undefined : readFileSync(options.ca);
  return new Agent({ connect: { rejectUnauthorized: options.insecure !== true, ...(ca === undefined ? {} : { ca }) } });
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function parseJson(text: string, contentType: string | undefined): unknown {
  if (text === '' || !/json/i.test(contentType ?? 'json')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorText(
  error: unknown,
  responded: boolean,
  timeoutMs: number,
): { text: string; failure: TransportFailureKind } {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code;
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return { text: `timed out after ${timeoutMs} ms`, failure: 'timeout' };
  const message = e.message ?? String(error);
  // `connect ECONNREFUSED 127.0.0.1:9` names its code already; `other side closed` does not.
  const text = code === undefined || message.includes(code) ? message : `${code}: ${message}`;
  if (code === 'ECONNREFUSED') return { text, failure: 'refused' };
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return responded
      ? { text: `the response ended early (${text})`, failure: 'truncated' }
      : { text: `no response (${text})`, failure: 'dropped' };
  }
  return { text, failure: 'other' };
}

async function attempt(req: HttpRequest, options: HttpOptions): Promise<SendResult> {
  const started = performance.now();
  let status: number | undefined;
  try {
    const response = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      ...(req.body === undefined ? {} : { body: req.body }),
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    });
    status = response.statusCode;
    const text = Buffer.from(await response.body.arrayBuffer()).toString('utf8');
    const headers = flatten(response.headers);
    const durationMs = Math.round(performance.now() - started);
    return {
      ok: true,
      observation: {
        status: response.statusCode,
        headers,
        text,
        body: parseJson(text, headers['content-type']),
        durationMs,
      },
    };
  } catch (error) {
    const { text, failure } = errorText(error, status !== undefined, options.timeoutMs);
    return {
      ok: false,
      error: text,
      durationMs: Math.round(performance.now() - started),
      failure,
      ...(status === undefined ? {} : { status }),
    };
  }
}

/**
 * Sends one request. A transport failure is retried up to `retries` times: for idempotent methods always, for
 * POST and PATCH only when the connection was refused (so nothing can have been created twice).
 */
export async function send(req: HttpRequest, options: HttpOptions): Promise<SendResult> {
  let result = await attempt(req, options);
  for (let n = 1; n <= options.retries && !result.ok; n++) {
    if (!IDEMPOTENT.has(req.method) && result.failure !== 'refused') break;
    await new Promise((resolve) => setTimeout(resolve, 100 * n));
    result = await attempt(req, options);
  }
  return result;
}
