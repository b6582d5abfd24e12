import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/config.js';
import { writeDate } from '../dates/read-date.js';
import type { Clock } from '../domain/clock.js';
import type { AuthFailure } from '../errors/auth-failures.js';
import type { Catalogue } from '../resources/engine/resource-row.js';
import type { LoginRequest, RefreshRequest } from './auth-requests.js';
import { createDirectory, profileOf } from './directory.js';
import type { DeviceIdentity, Identities, UserIdentity } from './identities.js';
import { verifyNws4, type Nws4Failure } from './nws4.js';
import type { Principal, UserProfile } from './principal.js';
import { Revocations } from './revocations.js';
import { Sessions, type Session } from './sessions.js';
import {
  lifetimeFailure,
  signJwt,
  verifyJwt,
  type AccessClaims,
  type TokenFailure,
  type TokenResult,
} from './token.js';

/** A request as `authenticate` needs it: the Authorization header and, for NWS4, what the signature covers. */

/** Device environments that hold one session at a time when `auth.singleSessionPerSaleDevice` is on (docs/portos/resources.md#devices). */
const SALE_ENVIRONMENTS: readonly string[] = ['CashRegister', 'PDA'];
export interface AuthRequest {
  method: string;
  /** Path and query as received (`req.originalUrl`). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** `POST /api/auth` and `POST /api/auth/refresh` answer (PORTOS `AuthResult`). */
export interface AuthResult {
  tokenId: string;
  refreshToken: string;
  user: UserProfile;
}

export type AuthOutcome<T> = { ok: true; value: T } | { ok: false; reason: AuthFailure };

/** A login session as `/sessions` shows it (docs/decisions.md#identity-resources). */
export type SessionView = {
  /** The access token's `jti`. */
  id: string;
  userName: string;
  deviceName: string;
  createdAt: string;
  /** The refresh token's expiry. */
  expiresAt: string;
};

/** A device of a user as `/users` shows it: the device, with the user's roles on it. */
export type UserDeviceView = {
  isActive: boolean;
  envName: string;
  name: string;
  roles: string[];
  description: string;
  preferences: Record<string, unknown>;
};

/** A user as `/users` shows it (PORTOS `UserProfile`), never with a password. */
export type UserView = {
  id: string;
  isActive: boolean;
  isVirtual: boolean;
  userName: string;
  featureName: string | null;
  name: string;
  devices: UserDeviceView[];
};

export interface AuthService {
  /**
   * From a request's Authorization header (and, for NWS4, method, path+query, headers, raw body) to a
   * principal or a typed failure. Missing header → 'missing'. Never throws.
   */
  authenticate(request: AuthRequest): { ok: true; principal: Principal } | { ok: false; reason: AuthFailure };
  /**
   * Unknown user, wrong or missing password (for a user who has one), a password for a user who has none, and
   * an unknown or inactive device all fail alike: 'bad-credentials'.
   */
  login(request: LoginRequest): AuthOutcome<AuthResult>;
  /** A new pair for an access token (expired or not) and its unused refresh token; both old values are revoked. */
  refresh(request: RefreshRequest): AuthOutcome<AuthResult>;
  /** Revokes a bearer principal's token and its refresh token; nothing for an API key or when auth is off. */
  logout(principal: Principal): void;
  /** The caller's user (for an API key: the user it acts as, on the key's device). */
  profile(principal: Principal): UserProfile;
  /** A valid access token for a fixture user (for `portos-mock token` and tests); throws `UnknownIdentityError`. */
  issueToken(userName: string, deviceName?: string): string;
  /** Every user, each on every device of `/devices` with its roles. */
  users(): UserView[];
  /** The live sessions of bearer logins, oldest first. */
  sessions(): SessionView[];
  /** Ends a session: revokes its access token and its refresh token; undefined when there is none. */
  endSession(id: string): SessionView | undefined;
}

/** `issueToken` was asked for a user or device the identities do not have. */
export class UnknownIdentityError extends Error {
  constructor(
    readonly kind: 'user' | 'device',
    readonly identity: string,
  ) {
    super(`unknown ${kind}: ${identity}`);
    this.name = 'UnknownIdentityError';
  }
}

const TOKEN_FAILURES: Record<TokenFailure, AuthFailure> = {
  malformed: 'malformed-token',
  'bad-signature': 'bad-token-signature',
  expired: 'expired-token',
  'not-yet-valid': 'not-yet-valid-token',
};

const NWS4_FAILURES: Record<Nws4Failure, AuthFailure> = {
  malformed: 'nws4-malformed',
  'unknown-client': 'nws4-unknown-client',
  'missing-signed-header': 'nws4-missing-signed-header',
  'date-mismatch': 'nws4-date-mismatch',
  'outside-window': 'nws4-outside-window',
  'content-hash-mismatch': 'nws4-content-hash-mismatch',
  'bad-signature': 'nws4-bad-signature',
};

function sessionView(session: Session): SessionView {
  return {
    id: session.accessTokenId,
    userName: session.userName,
    deviceName: session.deviceName,
    createdAt: writeDate(session.createdAtMs),
    expiresAt: writeDate(session.expiresAtMs),
  };
}

const fail = (reason: AuthFailure): { ok: false; reason: AuthFailure } => ({ ok: false, reason });

/** Compares two secrets in time independent of where they differ (and of their lengths). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

function headerValue(headers: AuthRequest['headers'], name: string): string | undefined {
  // Node gives lower-cased names: look there first, and search only for hand-built header objects.
  const direct = headers[name];
  if (direct !== undefined) return Array.isArray(direct) ? direct[0] : direct;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function createAuthService(options: {
  config: Config['auth'];
  clock: Clock;
  identities: Identities;
  /** The `/devices` and `/apikeys` stores logins and signed requests read (docs/decisions.md#identity-resources). */
  resources: Catalogue;
}): AuthService {
  const { config, clock } = options;
  const directory = createDirectory(options.identities, options.resources);
  const revocations = new Revocations();
  const sessions = new Sessions();

  function accessToken(
    user: UserIdentity,
    device: DeviceIdentity,
    now: number,
  ): { tokenId: string; jti: string; expiresAtMs: number } {
    const jti = randomUUID();
    const iat = Math.floor(now / 1000);
    const exp = Math.ceil((now + config.tokenLifetimeSeconds * 1000) / 1000);
    const claims: AccessClaims = {
      sub: user.id,
      name: user.name,
      unique_name: user.userName,
      device: device.name,
      rights: [...user.rights],
      jti,
      iat,
      exp,
    };
    return { tokenId: signJwt(claims, config.jwtSecret), jti, expiresAtMs: exp * 1000 };
  }

  /** Ends a session: its access token and its refresh token stop working. */
  function end(session: Session, now: number): void {
    revocations.revoke(session.accessTokenId, session.accessExpiresAtMs, now);
    sessions.remove(session.refreshToken);
  }

  function issue(user: UserIdentity, device: DeviceIdentity): AuthResult {
    const now = clock.now();
    const access = accessToken(user, device, now);
    const { tokenId } = access;
    const refreshToken = randomBytes(32).toString('base64');
    const session: Session = {
      refreshToken,
      accessTokenId: access.jti,
      userName: user.userName,
      deviceName: device.name,
      createdAtMs: now,
      accessExpiresAtMs: access.expiresAtMs,
      expiresAtMs: now + config.refreshLifetimeSeconds * 1000,
    };
    if (config.singleSessionPerSaleDevice && SALE_ENVIRONMENTS.includes(device.envName)) {
      for (const earlier of sessions.list(now)) if (earlier.deviceName === device.name) end(earlier, now);
    }
    sessions.add(session, now);
    return { tokenId, refreshToken, user: profileOf(user, device) };
  }

  // Tokens whose signature and claims already checked out: the HMAC runs once per token, not per request.
  // The lifetime (`exp`, `nbf`) is still judged on every request against the clock.
  const verifiedTokens = new Map<string, AccessClaims>();
  const VERIFIED_TOKENS_MAX = 10_000;
  /** The principal made for each verified token, with the device identity it was made with. */
  const principals = new Map<string, { device: DeviceIdentity | undefined; principal: Principal }>();

  function verifyCached(token: string, now: number): TokenResult {
    let claims = verifiedTokens.get(token);
    if (claims === undefined) {
      const result = verifyJwt(token, config.jwtSecret, now, { allowExpired: true });
      if (!result.ok) return result;
      claims = result.claims;
      if (verifiedTokens.size >= VERIFIED_TOKENS_MAX) verifiedTokens.clear();
      verifiedTokens.set(token, claims);
    }
    const failure = lifetimeFailure(claims, now);
    return failure === null ? { ok: true, claims } : { ok: false, reason: failure };
  }

  function bearer(token: string): { ok: true; principal: Principal } | { ok: false; reason: AuthFailure } {
    const verified = verifyCached(token, clock.now());
    if (!verified.ok) return fail(TOKEN_FAILURES[verified.reason]);
    const { claims } = verified;
    if (revocations.isRevoked(claims.jti)) return fail('revoked-token');
    const device = directory.device(claims.device);
    // The principal of a token is made once per device identity (a new one after the device is written).
    const known = principals.get(token);
    if (known !== undefined && known.device === device) return { ok: true, principal: known.principal };
    const user = profileOf(
      { id: claims.sub, name: claims.name, userName: claims.unique_name, rights: claims.rights },
      device ?? null,
    );
    // The expiry travels on the principal: a WeakMap entry per request would outlive the request (V8 keeps an
    // ephemeron table's entries, and what they hold, until a full collection).
    const principal: Principal = {
      scheme: 'bearer',
      user,
      rights: claims.rights,
      tokenId: claims.jti,
      tokenExpiresAtMs: claims.exp * 1000,
    };
    if (principals.size >= VERIFIED_TOKENS_MAX) principals.clear();
    principals.set(token, { device, principal });
    return { ok: true, principal };
  }

  function nws4(request: AuthRequest): { ok: true; principal: Principal } | { ok: false; reason: AuthFailure } {
    const lookup = (clientId: string): string | undefined => directory.activeKey(clientId)?.clientSecret;
    const verified = verifyNws4(request, lookup, clock.now(), { windowSeconds: config.nws4WindowSeconds });
    if (!verified.ok) return fail(NWS4_FAILURES[verified.reason]);
    const key = directory.activeKey(verified.clientId);
    const user = key === undefined ? undefined : directory.user(key.userName);
    if (key === undefined || user === undefined) return fail('nws4-unknown-client');
    const device = directory.device(key.deviceName);
    if (device === undefined || !device.isActive) return fail('nws4-inactive-device');
    const profile = profileOf(user, device);
    return { ok: true, principal: { scheme: 'nws4', user: profile, rights: [...key.permissions] } };
  }

  // Scheme names compare case-insensitively (RFC 9110 §11.1); each gets the request and the header's rest.
  const SCHEMES = new Map<string, (request: AuthRequest, rest: string) => ReturnType<AuthService['authenticate']>>([
    ['bearer', (_request, rest) => bearer(rest)],
    ['nws4-hmac-sha256', (request) => nws4(request)],
  ]);

  return {
    authenticate(request) {
      const header = headerValue(request.headers, 'authorization')?.trim() ?? '';
      if (header === '') return fail('missing');
      const space = header.indexOf(' ');
      const scheme = SCHEMES.get((space < 0 ? header : header.slice(0, space)).toLowerCase());
      return scheme === undefined
        ? fail('unsupported-scheme')
        : scheme(request, space < 0 ? '' : header.slice(space + 1).trim());
    },

    login({ userName, password, deviceName }) {
      const user = directory.user(userName);
      // No password given and no password kept are both '': a user without one logs in without one, and a
      // missing password for a user with one fails like a wrong one. Compared even for an unknown user, so
      // the answer's timing does not tell whether the name exists.
      const passwordMatches = sameSecret(password ?? '', user === undefined ? '\u0000no user' : (user.password ?? ''));
      const device = directory.device(deviceName);
      if (user === undefined || !passwordMatches || device === undefined || !device.isActive) {
        return fail('bad-credentials');
      }
      return { ok: true, value: issue(user, device) };
    },

    refresh({ tokenId, refreshToken }) {
      const now = clock.now();
      const session = sessions.find(refreshToken, now);
      if (session === undefined) return fail('bad-refresh-token');
      const verified = verifyJwt(tokenId, config.jwtSecret, now, { allowExpired: true });
      if (!verified.ok) return fail(TOKEN_FAILURES[verified.reason]);
      if (verified.claims.jti !== session.accessTokenId) return fail('bad-refresh-token');
      const user = directory.user(session.userName);
      const device = directory.device(session.deviceName);
      if (user === undefined || device === undefined || !device.isActive) return fail('bad-refresh-token');
      sessions.remove(refreshToken);
      revocations.revoke(verified.claims.jti, verified.claims.exp * 1000, now);
      return { ok: true, value: issue(user, device) };
    },

    logout(principal) {
      if (principal.scheme !== 'bearer' || principal.tokenId === undefined) return;
      const now = clock.now();
      revocations.revoke(
        principal.tokenId,
        principal.tokenExpiresAtMs ?? now + config.tokenLifetimeSeconds * 1000,
        now,
      );
      sessions.removeByAccessTokenId(principal.tokenId);
    },

    profile(principal) {
      return principal.user;
    },

    issueToken(userName, deviceName) {
      const user = directory.user(userName);
      if (user === undefined) throw new UnknownIdentityError('user', userName);
      const device = deviceName === undefined ? directory.defaultDevice() : directory.device(deviceName);
      if (device === undefined) throw new UnknownIdentityError('device', deviceName ?? '');
      return accessToken(user, device, clock.now()).tokenId;
    },

    users() {
      const devices = directory.devices();
      return directory.users().map((user) => ({
        id: user.id,
        isActive: true,
        isVirtual: false,
        userName: user.userName,
        featureName: null,
        name: user.name,
        devices: devices.map((device) => ({
          isActive: device.isActive,
          envName: device.envName,
          name: device.name,
          roles: [...(user.roles ?? [])],
          description: device.description,
          preferences: structuredClone(device.preferences),
        })),
      }));
    },

    sessions() {
      return sessions.list(clock.now()).map(sessionView);
    },

    endSession(id) {
      const now = clock.now();
      const session = sessions.byId(id, now);
      if (session === undefined) return undefined;
      end(session, now);
      return sessionView(session);
    },
  };
}
