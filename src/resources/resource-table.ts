import { ARTICLE_CATEGORY_ROW } from './articlecategories/article-category-row.js';
import { CURRENCY_ROW } from './currencies/currency-row.js';
import type { ResourceRow } from './engine/resource-row.js';
import { FIXTURE_IDENTITY_ROWS } from './identity-rows.js';
import { MODIFIER_ROW } from './modifiers/modifier-row.js';
import { PAYMENT_TYPE_ROW } from './paymenttypes/payment-type-row.js';
import { PLU_ROW } from './plus/plu-row.js';
import { ROLE_ROW } from './roles/role-row.js';
import { STOCK_ROW } from './stocks/stock-row.js';
import { VAT_ROW } from './vats/vat-row.js';
import { ZONE_ROW } from './zones/zone-row.js';

/**
 * THE resource table (docs/decisions.md#resource-engine): one row per stored resource besides customers, in the
 * order the control API, the panel and the state document list them. Adding a resource is a row here, its
 * schemas in spec/openapi.yaml, its seed and its scenarios. `/devices` and `/apikeys` are seeded from the
 * identities (`withIdentities` in src/mock.ts).
 */
export const RESOURCE_ROWS: readonly ResourceRow[] = [
  VAT_ROW,
  ARTICLE_CATEGORY_ROW,
  CURRENCY_ROW,
  PLU_ROW,
  STOCK_ROW,
  PAYMENT_TYPE_ROW,
  ZONE_ROW,
  MODIFIER_ROW,
  ROLE_ROW,
  FIXTURE_IDENTITY_ROWS.devices,
  FIXTURE_IDENTITY_ROWS.apikeys,
];
