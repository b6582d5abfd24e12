import type { ApiKeyIdentity, DeviceIdentity, Identities, UserIdentity } from './identities.js';
import type { Device, UserProfile } from './principal.js';

/** Lookups over the identities by the names clients send (exact, case-sensitive matches). */
export interface Directory {
  user(userName: string): UserIdentity | undefined;
  /** A device, active or not. */
  device(name: string): DeviceIdentity | undefined;
  /** An API key that may be used; an inactive key is treated as unknown. */
  activeKey(clientId: string): ApiKeyIdentity | undefined;
  /**
   * The device a token is issued for when none is named: the first active sale device (CashRegister or PDA,
   * `P01` in the fixtures), else the first active one.
   */
  readonly defaultDevice: DeviceIdentity | undefined;
}

const SALE_ENVIRONMENTS: readonly string[] = ['CashRegister', 'PDA'];

export function createDirectory(identities: Identities): Directory {
  const users = new Map(identities.users.map((u) => [u.userName, u]));
  const devices = new Map(identities.devices.map((d) => [d.name, d]));
  const keys = new Map(identities.apiKeys.filter((k) => k.isActive).map((k) => [k.clientId, k]));
  const active = identities.devices.filter((d) => d.isActive);
  return {
    user: (userName) => users.get(userName),
    device: (name) => devices.get(name),
    activeKey: (clientId) => keys.get(clientId),
    defaultDevice: active.find((d) => SALE_ENVIRONMENTS.includes(d.envName)) ?? active[0],
  };
}

/** A device as a session shows it (copies: a client never holds the directory's objects). */
export function deviceOf(device: DeviceIdentity): Device {
  return {
    name: device.name,
    envName: device.envName,
    description: device.description,
    preferences: structuredClone(device.preferences),
    settings: { ...device.settings },
  };
}

/** The user as `AuthResult.user` and `GET /api/auth` show it, in the order of the JWT page's example. */
export function profileOf(
  user: Pick<UserIdentity, 'id' | 'name' | 'userName' | 'rights'>,
  device: DeviceIdentity | null,
): UserProfile {
  return {
    id: user.id,
    isVirtual: false,
    name: user.name,
    userName: user.userName,
    featureName: null,
    rights: [...user.rights],
    device: device === null ? null : deviceOf(device),
  };
}
