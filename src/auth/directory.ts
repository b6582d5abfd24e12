import type { Catalogue, Item } from '../resources/engine/resource-row.js';
import type { ApiKeyIdentity, DeviceIdentity, Identities, UserIdentity } from './identities.js';
import type { Device, UserProfile } from './principal.js';

/**
 * Lookups by the names clients send (exact, case-sensitive matches): users from the identities, devices and API
 * keys from the `/devices` and `/apikeys` stores, read at the moment of the request
 * (docs/decisions.md#identity-resources).
 */
export interface Directory {
  user(userName: string): UserIdentity | undefined;
  /** Every user, in the identities' order. */
  users(): readonly UserIdentity[];
  /** A device, active or not: the same object until its `/devices` item is written. */
  device(name: string): DeviceIdentity | undefined;
  /** Every device, in the store's order. */
  devices(): DeviceIdentity[];
  /** An API key that may be used; an inactive key is treated as unknown. */
  activeKey(clientId: string): ApiKeyIdentity | undefined;
  /**
   * The device a token is issued for when none is named: the first active sale device (CashRegister or PDA,
   * `P01` in the fixtures), else the first active one.
   */
  defaultDevice(): DeviceIdentity | undefined;
}

const SALE_ENVIRONMENTS: readonly string[] = ['CashRegister', 'PDA'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** A `/devices` item as the identity a login and a signed request act on. */
function deviceOfItem(item: Item): DeviceIdentity {
  const settings = Object.entries(record(item['settings'])).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return {
    name: text(item['name']),
    envName: text(item['envName']),
    description: text(item['description']),
    isActive: item['isActive'] === true,
    roles: texts(item['roles']),
    preferences: record(item['preferences']),
    settings: Object.fromEntries(settings),
  };
}

/** An `/apikeys` item as the credentials and identity of a signed request. */
function keyOfItem(item: Item): ApiKeyIdentity {
  return {
    clientId: text(item['clientId']),
    clientSecret: text(item['clientSecret']),
    userName: text(item['userName']),
    deviceName: text(item['deviceName']),
    permissions: texts(item['permissions']),
    isActive: item['isActive'] === true,
  };
}

export function createDirectory(identities: Identities, stores: Catalogue): Directory {
  const users = new Map(identities.users.map((u) => [u.userName, u]));
  const devices = () => stores.items('devices').map(deviceOfItem);
  // Each stored item is replaced, never changed, by a write: its identity is made once per item (every bearer
  // request asks for its device).
  const made = new Map<string, { item: Item; device: DeviceIdentity }>();
  return {
    user: (userName) => users.get(userName),
    users: () => identities.users,
    device: (name) => {
      const item = stores.get('devices', name);
      if (item === undefined) return undefined;
      const known = made.get(name);
      if (known?.item === item) return known.device;
      const device = deviceOfItem(item);
      made.set(name, { item, device });
      return device;
    },
    devices,
    activeKey: (clientId) => {
      const item = stores.items('apikeys').find((k) => k['clientId'] === clientId && k['isActive'] === true);
      return item === undefined ? undefined : keyOfItem(item);
    },
    defaultDevice: () => {
      const active = devices().filter((d) => d.isActive);
      return active.find((d) => SALE_ENVIRONMENTS.includes(d.envName)) ?? active[0];
    },
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
