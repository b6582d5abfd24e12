import type { DeviceIdentity } from '../../auth/identities.js';
import { textKey } from '../engine/keys.js';
import { filterOn, flag, list, nullableText } from '../engine/members.js';
import type { Item, ResourceRow } from '../engine/resource-row.js';

/** The `_v` the devices page shows for its documented devices (docs/portos/resources.md#devices). */
const DOCUMENTED_VERSIONS: Readonly<Record<string, number>> = { BackOffice: 1, P01: 10 };

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
}

/** The identities' devices as `/devices` items (docs/decisions.md#catalogue-seed), in the page's member order. */
export function deviceSeed(devices: readonly DeviceIdentity[]): Item[] {
  return devices.map((device) => ({
    name: device.name,
    isActive: device.isActive,
    envName: device.envName,
    description: device.description,
    roles: [...device.roles],
    preferences: structuredClone(device.preferences),
    settings: { ...device.settings },
    _v: DOCUMENTED_VERSIONS[device.name] ?? 1,
  }));
}

/**
 * `/devices`: key `name`; `envName` required (one of the four environments, by the write schema); `isActive`
 * true, `description` "", `roles` [] (free names), `preferences` and `settings` {} when omitted
 * (docs/decisions.md#catalogue-models). Logins read their device here (docs/decisions.md#identity-resources).
 */
export function deviceRow(seed: () => readonly Item[]): ResourceRow {
  return {
    segment: 'devices',
    name: 'device',
    key: textKey('name'),
    schemas: { model: 'Device', write: 'DeviceWrite' },
    members: { name: filterOn.text('name'), isActive: filterOn.bool('isActive'), envName: filterOn.text('envName') },
    sortable: ['name', 'isActive', 'envName', 'description', '_v'],
    build: ({ body, key, version }) => ({
      name: key,
      isActive: flag(body['isActive'], true),
      envName: nullableText(body['envName']),
      description: nullableText(body['description']) ?? '',
      roles: [...list<string>(body['roles'])],
      preferences: objectOf(body['preferences']),
      settings: objectOf(body['settings']),
      _v: version,
    }),
    seed,
  };
}
