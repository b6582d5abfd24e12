import type { ApiKeyIdentity, Identities, UserIdentity } from './identities.js';
import type { Device, UserProfile } from './principal.js';

/** Lookups over the identities by the names clients send (exact, case-sensitive matches). */
export interface Directory {
  user(userName: string): UserIdentity | undefined;
  device(name: string): Device | undefined;
  /** An API key that may be used; an inactive key is treated as unknown. */
  activeKey(clientId: string): ApiKeyIdentity | undefined;
  /** The device a token is issued for when none is named (the first one listed). */
  readonly defaultDevice: Device | undefined;
}

export function createDirectory(identities: Identities): Directory {
  const users = new Map(identities.users.map((u) => [u.userName, u]));
  const devices = new Map(identities.devices.map((d) => [d.name, d]));
  const keys = new Map(identities.apiKeys.filter((k) => k.isActive).map((k) => [k.clientId, k]));
  return {
    user: (userName) => users.get(userName),
    device: (name) => devices.get(name),
    activeKey: (clientId) => keys.get(clientId),
    defaultDevice: identities.devices[0],
  };
}

/** The user as `AuthResult.user` and `GET /api/auth` show it. */
export function profileOf(user: UserIdentity, device: Device | null): UserProfile {
  return {
    id: user.id,
    name: user.name,
    userName: user.userName,
    rights: [...user.rights],
    device: device === null ? null : { ...device },
  };
}
