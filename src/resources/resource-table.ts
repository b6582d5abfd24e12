import type { ResourceRow } from './engine/resource-row.js';
import { FIXTURE_IDENTITY_ROWS } from './identity-rows.js';
import { ROLE_ROW } from './roles/role-row.js';
import { STOCK_ROW } from './stocks/stock-row.js';

/**
 * THE resource table (docs/decisions.md#resource-engine): one row per stored resource besides customers, in the
 * order the control API, the panel and the state document list them. Adding a resource is a row here, its
 * schemas in spec/openapi.yaml, its seed and its scenarios. `/devices` and `/apikeys` are seeded from the
 * identities (`withIdentities` in src/mock.ts).
 */
export const RESOURCE_ROWS: readonly ResourceRow[] = [
  STOCK_ROW,
  ROLE_ROW,
  FIXTURE_IDENTITY_ROWS.devices,
  FIXTURE_IDENTITY_ROWS.apikeys,
];
