import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';

// HS256 JSON Web Tokens over node:crypto (RFC 7515/7519). Pure and synchronous: the secret and "now" are passed
// in, so expiry follows the injected clock and `authenticate` needs no promise.

/** The claims of a mock access token. */
export interface AccessClaims {
  /** The user's id. */
  sub: string;
  /** The user's display name. */
  name: string;
  /** The user's login name (ASP.NET's `unique_name`). */
  unique_name: string;
  /** The device the user logged in to. */
  device: string;
  rights: string[];
  /** The token's id, what logout and refresh revoke. */
  jti: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
  /** Not valid before, seconds since the epoch (optional: the mock's own tokens carry none). */
  nbf?: number;
}

/** Why a token is refused: not a JWT of ours at all, signed with another key or algorithm, past `exp`, before `nbf`. */
export const TOKEN_FAILURES = ['malformed', 'bad-signature', 'expired', 'not-yet-valid'] as const;

export type TokenFailure = (typeof TOKEN_FAILURES)[number];

export type TokenResult = { ok: true; claims: AccessClaims } | { ok: false; reason: TokenFailure };

const HEADER = { alg: 'HS256', typ: 'JWT' } as const;
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeJson(segment: string): unknown {
  if (!SEGMENT.test(segment)) return undefined;
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function mac(signingInput: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(signingInput).digest();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The payload as `AccessClaims`, or undefined when a claim is missing or of the wrong type. */
export function claimsFrom(payload: unknown): AccessClaims | undefined {
  if (!isRecord(payload)) return undefined;
  const { sub, name, unique_name, device, rights, jti, iat, exp, nbf } = payload;
  const valid =
    isString(sub) &&
    isString(name) &&
    isString(unique_name) &&
    isString(device) &&
    Array.isArray(rights) &&
    rights.every(isString) &&
    isString(jti) &&
    isSeconds(iat) &&
    isSeconds(exp) &&
    (nbf === undefined || isSeconds(nbf));
  if (!valid) return undefined;
  const claims: AccessClaims = { sub, name, unique_name, device, rights: [...rights], jti, iat, exp };
  return nbf === undefined ? claims : { ...claims, nbf };
}

/**
 * Whether the token's lifetime covers `nowMs` (the mock clock): `expired` from `exp` on, `not-yet-valid` before
 * `nbf`; `allowExpired` (refresh) lifts only the first.
 */
export function lifetimeFailure(
  claims: AccessClaims,
  nowMs: number,
  options: { allowExpired?: boolean } = {},
): 'expired' | 'not-yet-valid' | null {
  if (claims.nbf !== undefined && nowMs < claims.nbf * 1000) return 'not-yet-valid';
  if (!options.allowExpired && nowMs >= claims.exp * 1000) return 'expired';
  return null;
}

/** A compact HS256 JWT carrying `claims`. */
export function signJwt(claims: AccessClaims, secret: string): string {
  const signingInput = `${encodeJson(HEADER)}.${encodeJson(claims)}`;
  return `${signingInput}.${mac(signingInput, secret).toString('base64url')}`;
}

/**
 * Checks a compact JWT: three base64url segments, header `alg` HS256 (anything else, `none` included, is
 * `bad-signature`), the HMAC, the claims, then `nbf` and `exp` against `nowMs`. Never throws.
 * `allowExpired` lets refresh accept a token whose lifetime is over.
 */
export function verifyJwt(
  token: string,
  secret: string,
  nowMs: number,
  options: { allowExpired?: boolean } = {},
): TokenResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [headerPart = '', payloadPart = '', signaturePart = ''] = parts;
  const header = decodeJson(headerPart);
  if (!isRecord(header) || !isString(header['alg'])) return { ok: false, reason: 'malformed' };
  if (header['alg'] !== HEADER.alg || 'crit' in header) return { ok: false, reason: 'bad-signature' };

  // Compared as canonical base64url text, so no second spelling of the same bytes passes.
  const expected = Buffer.from(mac(`${headerPart}.${payloadPart}`, secret).toString('base64url'), 'utf8');
  const given = Buffer.from(signaturePart, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const claims = claimsFrom(decodeJson(payloadPart));
  if (claims === undefined) return { ok: false, reason: 'malformed' };
  const failure = lifetimeFailure(claims, nowMs, options);
  return failure === null ? { ok: true, claims } : { ok: false, reason: failure };
}
