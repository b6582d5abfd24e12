/** The device of a session as `AuthResult.user.device` shows it (the JWT page's example members). */
export interface Device {
  name: string;
  envName: string;
  description: string;
  preferences: Record<string, unknown>;
  settings: Record<string, string>;
}

/** The user as `AuthResult.user` and `GET /api/auth` show it: every member of the JWT page's example. */
export interface UserProfile {
  id: string;
  /** Always false: the mock has no virtual users. */
  isVirtual: boolean;
  name: string;
  userName: string;
  /** Always null: the mock's users belong to no feature. */
  featureName: string | null;
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
  /** When that access token expires (epoch ms): logout keeps it revoked until then. */
  tokenExpiresAtMs?: number;
}

/** Acts for every request when `auth.required` is off. */
export const ANONYMOUS_ADMIN: Principal = {
  scheme: 'anonymous',
  user: {
    id: 'anonymous',
    isVirtual: false,
    name: 'Anonymous (auth off)',
    userName: 'anonymous',
    featureName: null,
    rights: ['admin'],
    device: null,
  },
  rights: ['admin'],
};
