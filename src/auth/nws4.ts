import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';
import {
  NWS4_REQUIRED_HEADERS,
  NWS4_SCHEME,
  computeNws4Signature,
  formDecode,
  formatNws4Authorization,
  orderSignedHeaders,
  parseNws4Timestamp,
  sha256Hex,
} from './nws4-canonical.js';

/** Why an NWS4 request is rejected (the auth layer maps each to `nws4-<reason>`). */
export const NWS4_FAILURES = [
  'malformed',
  'unknown-client',
  'missing-signed-header',
  'date-mismatch',
  'outside-window',
  'content-hash-mismatch',
  'bad-signature',
] as const;

export type Nws4Failure = (typeof NWS4_FAILURES)[number];

/** A request as the client is about to send it. */
export interface Nws4Request {
  method: string;
  /** Absolute URL incl. scheme, host, port, path and query. */
  url: string;
  headers: Record<string, string>;
  /** Raw body as sent; '' if none. */
  body: string | Uint8Array;
}

/** An API key's public and private halves. */
export interface Nws4Credentials {
  clientId: string;
  clientSecret: string;
}

/** The decoded parameters of an NWS4 `Authorization` header. */
export interface Nws4Authorization {
  clientId: string;
  /** Lower-cased, in the order the client listed them. */
  signedHeaders: string[];
  timestamp: string;
  signature: string;
}

/** A request as the server received it. */
export interface Nws4IncomingRequest {
  method: string;
  /** Path and query as received, e.g. Express's `req.originalUrl`. */
  path: string;
  /** Lower-cased names as Node gives them; repeated headers may come as arrays. */
  headers: Record<string, string | string[] | undefined>;
  /** Raw body bytes. */
  body: Uint8Array;
}

export type Nws4ParseResult = { ok: true; value: Nws4Authorization } | { ok: false; reason: Nws4Failure };
export type Nws4VerifyResult = { ok: true; clientId: string } | { ok: false; reason: Nws4Failure };

const DEFAULT_WINDOW_SECONDS = 150;
const GENERATED = new Set<string>(['x-nd-date', 'x-nd-content-sha256', 'authorization']);
const fail = (reason: Nws4Failure): { ok: false; reason: Nws4Failure } => ({ ok: false, reason });

/** Client side: returns the headers to add (x-nd-date, x-nd-content-sha256, host unless present, authorization). */
export function signNws4(
  req: Nws4Request,
  creds: Nws4Credentials,
  now: Date,
  options: { signedHeaders?: 'all' | readonly string[] } = {},
): Record<string, string> {
  const url = new URL(req.url);
  const timestamp = now.toISOString();
  const bodyHash = sha256Hex(typeof req.body === 'string' ? Buffer.from(req.body, 'utf8') : req.body);
  const all = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    const key = name.toLowerCase();
    if (GENERATED.has(key)) continue;
    const previous = all.get(key);
    all.set(key, previous === undefined ? value : `${previous},${value}`);
  }
  const added: Record<string, string> = { 'x-nd-date': timestamp, 'x-nd-content-sha256': bodyHash };
  if (!all.has('host')) added['host'] = url.host;
  for (const [name, value] of Object.entries(added)) all.set(name, value);

  const wanted = options.signedHeaders ?? 'all';
  const names = wanted === 'all' ? [...all.keys()] : wanted.map((n) => n.toLowerCase());
  const signed = new Map<string, string>();
  for (const name of names) {
    const value = all.get(name);
    if (value === undefined) throw new RangeError(`signNws4: no header '${name}' to sign`);
    signed.set(name, value);
  }
  const input = { method: req.method, path: url.pathname, query: url.search.slice(1), headers: signed, bodyHash };
  const signature = computeNws4Signature(input, creds.clientId, creds.clientSecret, timestamp);
  const signedHeaders = orderSignedHeaders(signed.keys());
  const authorization = formatNws4Authorization({ clientId: creds.clientId, signedHeaders, timestamp, signature });
  return { ...added, authorization };
}

const PARAMS = ['Credential=', ',SignedHeaders=', ',Timestamp=', ',Signature='] as const;

/** Parse an Authorization header value; returns a typed failure instead of throwing. */
export function parseNws4Authorization(value: string): Nws4ParseResult {
  const prefix = `${NWS4_SCHEME} `;
  if (!value.startsWith(prefix)) return fail('malformed');
  const list = formDecode(value.slice(prefix.length));
  // Each marker is taken at its first occurrence after the previous one, as the reference's lazy regex does.
  const parts: string[] = [];
  let cursor = 0;
  for (const marker of PARAMS) {
    const at = list.indexOf(marker, cursor);
    if (at < 0 || (marker === PARAMS[0] && at !== 0)) return fail('malformed');
    if (marker !== PARAMS[0]) parts.push(list.slice(cursor, at));
    cursor = at + marker.length;
  }
  parts.push(list.slice(cursor));
  const [clientId = '', rawSignedHeaders = '', rawTimestamp = '', signature = ''] = parts;
  const signedHeaders = formDecode(rawSignedHeaders)
    .split(';')
    .map((n) => n.toLowerCase());
  const timestamp = formDecode(rawTimestamp);
  const wellFormed =
    clientId !== '' &&
    timestamp !== '' &&
    signature !== '' &&
    signedHeaders.every((n) => n !== '') &&
    new Set(signedHeaders).size === signedHeaders.length;
  return wellFormed ? { ok: true, value: { clientId, signedHeaders, timestamp, signature } } : fail('malformed');
}

function headerMap(headers: Nws4IncomingRequest['headers']): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name.toLowerCase(), Array.isArray(value) ? value.join(',') : value);
  }
  return map;
}

/** Server side: verify a request; lookupSecret(clientId) returns the secret or undefined. */
export function verifyNws4(
  req: Nws4IncomingRequest,
  lookupSecret: (clientId: string) => string | undefined,
  nowMs: number,
  options: { windowSeconds?: number } = {},
): Nws4VerifyResult {
  const headers = headerMap(req.headers);
  const parsed = parseNws4Authorization(headers.get('authorization') ?? '');
  if (!parsed.ok) return parsed;
  const { clientId, signedHeaders, timestamp, signature } = parsed.value;

  const secret = lookupSecret(clientId);
  if (secret === undefined) return fail('unknown-client');
  if (!NWS4_REQUIRED_HEADERS.every((n) => signedHeaders.includes(n))) return fail('missing-signed-header');
  const signed = new Map<string, string>();
  for (const name of signedHeaders) {
    const value = headers.get(name);
    if (value === undefined) return fail('missing-signed-header');
    signed.set(name, value);
  }

  if (signed.get('x-nd-date') !== timestamp) return fail('date-mismatch');
  const sentAt = parseNws4Timestamp(timestamp);
  if (sentAt === undefined) return fail('malformed');
  const windowMs = (options.windowSeconds ?? DEFAULT_WINDOW_SECONDS) * 1000;
  if (!(Math.abs(sentAt - nowMs) <= windowMs)) return fail('outside-window');

  const bodyHash = sha256Hex(req.body);
  if (signed.get('x-nd-content-sha256') !== bodyHash) return fail('content-hash-mismatch');

  const queryAt = req.path.indexOf('?');
  const path = queryAt < 0 ? req.path : req.path.slice(0, queryAt);
  const query = queryAt < 0 ? '' : req.path.slice(queryAt + 1);
  const input = { method: req.method, path, query, headers: signed, bodyHash };
  const expected = Buffer.from(computeNws4Signature(input, clientId, secret, timestamp), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  const matches = expected.length === given.length && timingSafeEqual(expected, given);
  return matches ? { ok: true, clientId } : fail('bad-signature');
}
