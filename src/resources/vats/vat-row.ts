import { normalizeDate, writeDate } from '../../dates/read-date.js';
import { integerKey } from '../engine/keys.js';
import type { ResourceRow } from '../engine/resource-row.js';
import { filterOn, nullableNumber } from '../engine/members.js';
import { VAT_SEED } from './vat-seed.js';

/** A body's planned rate change as stored: the date in the one form the mock writes, never applied. */
function plannedChange(value: unknown): { effectiveFrom: string | null; rate: number | null } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { effectiveFrom, rate } = value as Record<string, unknown>;
  return {
    effectiveFrom: typeof effectiveFrom === 'string' ? normalizeDate(effectiveFrom) : null,
    rate: nullableNumber(rate),
  };
}

/**
 * `/vats`: key `category` 1–10; `rate` null (not taxable) or 0–100 (the schema's domain); a planned change is
 * stored, never applied; `lastModifiedAt` is the mock clock at each write (docs/decisions.md#catalogue-models).
 */
export const VAT_ROW: ResourceRow = {
  segment: 'vats',
  name: 'vat',
  key: integerKey('category', 1, 10),
  schemas: { model: 'Vat', write: 'VatWrite' },
  members: { category: filterOn.number('category'), rate: filterOn.number('rate', true) },
  sortable: ['category', 'rate', 'plannedRateChange.effectiveFrom', 'plannedRateChange.rate', 'lastModifiedAt', '_v'],
  build: ({ body, key, version, now }) => ({
    category: key,
    rate: nullableNumber(body['rate']),
    plannedRateChange: plannedChange(body['plannedRateChange']),
    lastModifiedAt: writeDate(now),
    _v: version,
  }),
  seed: () => VAT_SEED,
};
