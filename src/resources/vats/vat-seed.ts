import type { Item } from '../engine/resource-row.js';

/** The date the documented planned changes take effect. */
const NEW_YEAR_2025 = '2024-12-31T23:00:00.000Z';

function vat(category: number, rate: number | null, planned: number | null = null): Item {
  return {
    category,
    rate,
    plannedRateChange: planned === null ? null : { effectiveFrom: NEW_YEAR_2025, rate: planned },
    lastModifiedAt: null,
    _v: 1,
  };
}

/**
 * The documented ten VAT categories, verbatim (docs/portos/resources.md#vats, docs/decisions.md#catalogue-seed):
 * 1, 2 and 6 with their planned changes, 10 not taxable (rate null).
 */
export const VAT_SEED: readonly Item[] = [
  vat(1, 20, 23),
  vat(2, 10, 5),
  vat(3, 0),
  vat(4, 0),
  vat(5, 0),
  vat(6, 10, 19),
  vat(7, 0),
  vat(8, 0),
  vat(9, 0),
  vat(10, null),
];
