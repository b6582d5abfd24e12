import type { Catalogue } from '../engine/resource-row.js';

/** The label of the domestic currency (the default of every price), or null while none is stored. */
export function domesticCurrency(catalogue: Catalogue): string | null {
  const found = catalogue.items('currencies').find((currency) => currency['isDomestic'] === true);
  return typeof found?.['label'] === 'string' ? found['label'] : null;
}
