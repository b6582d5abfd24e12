/** A login's refresh token, bound to the access token it was issued with. */
export interface Session {
  refreshToken: string;
  /** The `jti` of the access token issued together with this refresh token: the session's id. */
  accessTokenId: string;
  userName: string;
  deviceName: string;
  /** When the login (or the refresh that replaced it) happened, on the mock clock. */
  createdAtMs: number;
  /** When the access token expires (a deleted session revokes it until then). */
  accessExpiresAtMs: number;
  /** When the refresh token expires: the session's `expiresAt`. */
  expiresAtMs: number;
}

/** Most refresh tokens kept at once; beyond it the oldest are dropped (a mock must not grow without end). */
export const MAX_SESSIONS = 10_000;

/**
 * Live refresh tokens, in memory, in the order they were issued; expired ones are dropped whenever a new one is
 * added. They are also the `/sessions` a client lists (docs/decisions.md#identity-resources).
 */
export class Sessions {
  readonly #byRefreshToken = new Map<string, Session>();
  readonly #refreshTokenByJti = new Map<string, string>();

  add(session: Session, nowMs: number): void {
    for (const [token, s] of this.#byRefreshToken) if (s.expiresAtMs <= nowMs) this.remove(token);
    while (this.#byRefreshToken.size >= MAX_SESSIONS) {
      const oldest = this.#byRefreshToken.keys().next();
      if (oldest.done === true) break;
      this.remove(oldest.value);
    }
    this.#byRefreshToken.set(session.refreshToken, session);
    this.#refreshTokenByJti.set(session.accessTokenId, session.refreshToken);
  }

  /** The live session of `refreshToken`, or undefined when unknown, used up or expired. */
  find(refreshToken: string, nowMs: number): Session | undefined {
    const session = this.#byRefreshToken.get(refreshToken);
    return session !== undefined && session.expiresAtMs > nowMs ? session : undefined;
  }

  /** The live session whose access token has the id `jti`. */
  byId(jti: string, nowMs: number): Session | undefined {
    const refreshToken = this.#refreshTokenByJti.get(jti);
    return refreshToken === undefined ? undefined : this.find(refreshToken, nowMs);
  }

  /** Every live session, oldest first. */
  list(nowMs: number): Session[] {
    return [...this.#byRefreshToken.values()].filter((s) => s.expiresAtMs > nowMs);
  }

  remove(refreshToken: string): void {
    const session = this.#byRefreshToken.get(refreshToken);
    if (session === undefined) return;
    this.#byRefreshToken.delete(refreshToken);
    this.#refreshTokenByJti.delete(session.accessTokenId);
  }

  /** Ends the session of an access token (logout). */
  removeByAccessTokenId(jti: string): void {
    const refreshToken = this.#refreshTokenByJti.get(jti);
    if (refreshToken !== undefined) this.remove(refreshToken);
  }

  get size(): number {
    return this.#byRefreshToken.size;
  }
}
