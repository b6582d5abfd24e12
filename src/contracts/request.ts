import type { Mismatch } from './finding.js';
import { interpolateDeep, type Scope } from './interpolate.js';
import type { HttpRequest } from './replay.js';
import type { QueryScalar, StepRequest } from './scenario.js';

/** A step's request made concrete: what goes on the wire (before credentials), and what the runner needs to know. */
export interface BuiltRequest {
  request: HttpRequest;
  /** The path below the base URL without the query, for the spec lookup and cleanup. */
  path: string;
  /** Header names the step set to null: removed after credentials are added. */
  removed: string[];
  /** The step sets `authorization` itself: the identity adds nothing. */
  explicitAuth: boolean;
}

export const USER_AGENT = 'portos-contracts/0.1';

/** Percent-encodes a query key or value, leaving the NData punctuation `: , $` readable. */
export function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%24/g, '$');
}

function queryString(query: unknown): string {
  if (query === undefined) return '';
  if (typeof query === 'string') return query;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query as Record<string, QueryScalar | QueryScalar[]>)) {
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(`${encodeQueryPart(key)}=${encodeQueryPart(String(item))}`);
  }
  return parts.join('&');
}

/** Interpolates a step's request and builds it; interpolation problems come back as mismatches. */
export function buildRequest(
  step: StepRequest,
  scope: Scope,
  baseUrl: string,
  lang: string,
): { ok: true; built: BuiltRequest } | { ok: false; problems: Mismatch[] } {
  const { value, errors } = interpolateDeep(step, scope, 'request');
  if (errors.length > 0) return { ok: false, problems: errors.map((e) => ({ path: e.path, message: e.error })) };
  const req = value as StepRequest;
  const path = String(req.path);
  const query = queryString(req.query);
  const separator = path.includes('?') ? '&' : '?';
  const url = baseUrl.replace(/\/+$/, '') + path + (query === '' ? '' : separator + query);

  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT };
  if (lang !== '') headers['accept-language'] = lang;
  let body: Buffer | undefined;
  if (req.rawBody !== undefined) body = Buffer.from(String(req.rawBody), 'utf8');
  else if (req.body !== undefined) body = Buffer.from(JSON.stringify(req.body), 'utf8');
  if (body !== undefined) headers['content-type'] = req.contentType ?? 'application/json';
  const removed: string[] = [];
  for (const [name, v] of Object.entries(req.headers ?? {})) {
    const key = name.toLowerCase();
    if (v === null) removed.push(key);
    else headers[key] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const explicitAuth = Object.keys(req.headers ?? {}).some((n) => n.toLowerCase() === 'authorization');
  return {
    ok: true,
    built: {
      request: { method: req.method, url, headers, ...(body === undefined ? {} : { body }) },
      path: path.split('?')[0] ?? path,
      removed,
      explicitAuth,
    },
  };
}

/** Drops the headers a step removed (after credentials were added, so a signed header can be left out too). */
export function withoutRemoved(request: HttpRequest, removed: readonly string[]): HttpRequest {
  if (removed.length === 0) return request;
  return {
    ...request,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([n]) => !removed.includes(n))),
  };
}
