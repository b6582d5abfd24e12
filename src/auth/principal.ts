/** A device a user logged in to (PORTOS `Device`, the members the mock knows). */
export interface Device {
  name: string;
  envName: string;
  description: string;
}

/** The user as `AuthResult.user` and `GET /api/auth` show it. */
export interface UserProfile {
  id: string;
  name: string;
  userName: string;
  rights: string[];
  device: Device | null;
}

/** Who is calling: a logged-in user (JWT) or an API key (NWS4) acting as a user. */
export interface Principal {
  scheme: 'bearer' | 'nws4' | 'anonymous';
  user: UserProfile;
  /** The rights checked on this request (a user's rights, or an API key's permissions). */
  rights: readonly string[];
  /** The access token's id (`jti`) for a bearer principal, so logout can revoke it. */
  tokenId?: string;
}

/** Acts for every request when `auth.required` is off. */
export const ANONYMOUS_ADMIN: Principal = {
  scheme: 'anonymous',
  user: { id: 'anonymous', name: 'Anonymous (auth off)', userName: 'anonymous', rights: ['admin'], device: null },
  rights: ['admin'],
};
