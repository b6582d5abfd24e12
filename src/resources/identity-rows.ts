import { loadIdentities, type Identities } from '../auth/identities.js';
import { apiKeyRow, apiKeySeed } from './apikeys/api-key-row.js';
import { deviceRow, deviceSeed } from './devices/device-row.js';
import type { ResourceRow } from './engine/resource-row.js';

/** `/devices` and `/apikeys` seeded from `identities` (docs/decisions.md#identity-resources). */
export function identityRows(identities: () => Identities): { devices: ResourceRow; apikeys: ResourceRow } {
  return {
    devices: deviceRow(() => deviceSeed(identities().devices)),
    apikeys: apiKeyRow(
      () => apiKeySeed(identities().apiKeys),
      () => identities().users,
    ),
  };
}

let fixtures: Identities | undefined;

/** The built-in identities, read once when a row first needs them. */
function fixtureIdentities(): Identities {
  fixtures ??= loadIdentities();
  return fixtures;
}

/** The rows of the table, seeded from the built-in identities (fixtures/identities.json). */
export const FIXTURE_IDENTITY_ROWS = identityRows(fixtureIdentities);

/** The table with `/devices` and `/apikeys` seeded from `identities` instead (`--identities FILE`). */
export function withIdentities(rows: readonly ResourceRow[], identities: Identities): ResourceRow[] {
  const own = identityRows(() => identities);
  return rows.map((row) => (row.segment === 'devices' || row.segment === 'apikeys' ? own[row.segment] : row));
}
