/**
 * Revoked access-token ids (logout, refresh). Each id is kept only until its token would have expired anyway,
 * so the set stays bounded by the tokens still alive.
 */
export class Revocations {
  readonly #expiresAt = new Map<string, number>();

  /** Revokes `jti` (its token expires at `expiresAtMs`) and forgets ids whose tokens are past their expiry. */
  revoke(jti: string, expiresAtMs: number, nowMs: number): void {
    for (const [id, at] of this.#expiresAt) if (at <= nowMs) this.#expiresAt.delete(id);
    if (expiresAtMs > nowMs) this.#expiresAt.set(jti, expiresAtMs);
  }

  isRevoked(jti: string): boolean {
    return this.#expiresAt.has(jti);
  }

  get size(): number {
    return this.#expiresAt.size;
  }
}
