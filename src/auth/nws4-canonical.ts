import { Buffer } from 'node:buffer';
import { createHash, createHmac } from 'node:crypto';

// NWS4 canonicalization (docs/portos/auth.md#nws4-hmac), shared by the signer and the verifier. Pure: strings and
// bytes in, strings out; the rules follow the C# reference (ninedigit/NWS4 `Signer.cs`, `HttpHelper.cs`).

/** The scheme name that prefixes an NWS4 `Authorization` header and heads the string to sign. */
export const NWS4_SCHEME = 'NWS4-HMAC-SHA256';

/** The headers every NWS4 signature must cover (the mock's rule, docs/decisions.md#authentication). */
export const NWS4_REQUIRED_HEADERS = ['host', 'x-nd-date', 'x-nd-content-sha256'] as const;

/** One request reduced to what the signature covers; header names lower-cased, values as sent. */
export interface Nws4CanonicalInput {
  method: string;
  /** Path as it goes on the wire (already percent-encoded by the client), without the query. */
  path: string;
  /** Query as it goes on the wire, without the leading `?`; '' when there is none. */
  query: string;
  headers: ReadonlyMap<string, string>;
  /** Lower-case hex SHA-256 of the body. */
  bodyHash: string;
}

/** The four parameters carried by an NWS4 `Authorization` header. */
export interface Nws4AuthParams {
  clientId: string;
  /** Lower-cased names in signed-header order. */
  signedHeaders: readonly string[];
  timestamp: string;
  signature: string;
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const UNRESERVED = new Set(Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~'));
const PATH_KEPT = new Set(Buffer.from('/:'));

/** Percent-encodes every UTF-8 byte outside `A-Z a-z 0-9 - _ . ~` (and `/` `:` for a path) with upper-case hex. */
export function nws4Encode(value: string, isPath = false): string {
  let out = '';
  for (const b of Buffer.from(value, 'utf8')) {
    if (UNRESERVED.has(b) || (isPath && PATH_KEPT.has(b))) out += String.fromCharCode(b);
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** Form-decodes (`+` is a space, `%XX` runs are UTF-8); a stray `%` stays literal and bad bytes become U+FFFD. */
export function formDecode(value: string): string {
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes = [];
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    const pair = value.slice(i + 1, i + 3);
    if (ch === '%' && HEX_PAIR.test(pair)) {
      bytes.push(Number.parseInt(pair, 16));
      i += 2;
      continue;
    }
    flush();
    out += ch === '+' ? ' ' : ch;
  }
  flush();
  return out;
}

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const upperAscii = (s: string): string => s.replace(/[a-z]/g, (c) => c.toUpperCase());

/** Lower-cases header names and orders them by upper-cased ordinal (so `__tenant` sorts after `x-nd-date`). */
export function orderSignedHeaders(names: Iterable<string>): string[] {
  return [...names].map((n) => n.toLowerCase()).sort((a, b) => ordinal(upperAscii(a), upperAscii(b)));
}

/** `name:value` lines sorted ordinally on the lower-cased name, values whitespace-collapsed and trimmed. */
export function canonicalHeaders(headers: ReadonlyMap<string, string>): string {
  return [...headers]
    .map(([name, value]): [string, string] => [name.toLowerCase(), value.replace(/\s+/g, ' ').trim()])
    .sort(([a], [b]) => ordinal(a, b))
    .map(([name, value]) => `${name}:${value}`)
    .join('\n');
}

/** Splits on `&` then `=` (first two pieces only), sorts pairs ordinally by key, encodes both sides. */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .map((part): [string, string] => {
      const pieces = part.split('=');
      return [pieces[0] ?? '', pieces[1] ?? ''];
    })
    .sort(([a], [b]) => ordinal(a, b))
    .map(([key, value]) => `${nws4Encode(key)}=${nws4Encode(value)}`)
    .join('&');
}

/** The wire path encoded once more, keeping `/` and `:`; `/` when empty. */
export function canonicalPath(path: string): string {
  return path === '' ? '/' : nws4Encode(path, true);
}

/** The canonical request: method, path, query, header lines, signed-header names, body hash. */
export function canonicalRequest(input: Nws4CanonicalInput): string {
  return [
    input.method,
    canonicalPath(input.path),
    canonicalQuery(input.query),
    canonicalHeaders(input.headers),
    orderSignedHeaders(input.headers.keys()).join(';'),
    input.bodyHash,
  ].join('\n');
}

/** Lower-case hex signature of a canonical input for `timestamp` (`yyyy-MM-ddTHH:mm:ss.fffZ`). */
export function computeNws4Signature(
  input: Nws4CanonicalInput,
  clientId: string,
  clientSecret: string,
  timestamp: string,
): string {
  const stringToSign = [NWS4_SCHEME, timestamp, clientId, sha256Hex(canonicalRequest(input))].join('\n');
  const signingKey = createHmac('sha256', `NWS4${clientSecret}`).update(timestamp.slice(0, 10)).digest();
  return createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

/** The `Authorization` value: SignedHeaders and Timestamp encoded, then the whole parameter list encoded again. */
export function formatNws4Authorization(params: Nws4AuthParams): string {
  const list =
    `Credential=${params.clientId},SignedHeaders=${nws4Encode(params.signedHeaders.join(';'))},` +
    `Timestamp=${nws4Encode(params.timestamp)},Signature=${params.signature}`;
  return `${NWS4_SCHEME} ${nws4Encode(list)}`;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Epoch ms of an exact `yyyy-MM-ddTHH:mm:ss.fffZ` timestamp naming a real instant, else undefined. */
export function parseNws4Timestamp(value: string): number | undefined {
  if (!TIMESTAMP.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && new Date(ms).toISOString() === value ? ms : undefined;
}
