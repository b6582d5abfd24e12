import { textKey } from '../engine/keys.js';
import type { Item, ResourceRow } from '../engine/resource-row.js';
import { filterOn, nullableText } from '../engine/members.js';

/** The documented stocks, with the `_v` the list example shows (docs/portos/resources.md#stocks). */
const SEED: readonly Item[] = [
  { name: 'S01', description: 'Menu', _v: 2 },
  { name: 'S11', description: 'Suroviny a zásoby', _v: 2 },
];

/** `/stocks`: key `name`; `description` null when omitted (docs/decisions.md#catalogue-models). */
export const STOCK_ROW: ResourceRow = {
  segment: 'stocks',
  name: 'stock',
  key: textKey('name'),
  schemas: { model: 'Stock', write: 'StockWrite' },
  members: { name: filterOn.text('name') },
  sortable: ['name', 'description', '_v'],
  build: ({ body, key, version }) => ({
    name: key,
    description: nullableText(body['description']),
    _v: version,
  }),
  seed: () => SEED,
};
