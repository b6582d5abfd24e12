import { textKey } from '../engine/keys.js';
import { filterOn, flag, list, nullableNumber, nullableText } from '../engine/members.js';
import type { Item, ResourceRow } from '../engine/resource-row.js';

/** A table of the seed: a square on a grid of the zone's floor plan, as the documented example lays them out. */
function table(prefix: string, index: number, perRow: number): Readonly<Record<string, unknown>> {
  const column = index % perRow;
  const row = Math.floor(index / perRow);
  return {
    name: `${prefix}${String(index + 1).padStart(2, '0')}`,
    isTable: true,
    meta: {
      position: { x: Number((0.1 + column * 0.2).toFixed(2)), y: Number((0.12 + row * 0.25).toFixed(2)) },
      width: 0.12,
      height: 0.12,
      shape: 'Rectangle',
      rotation: 0,
      color: '#cccccc',
    },
  };
}

const SEED: readonly Item[] = [
  {
    name: 'Bar',
    defaultFiscalName: null,
    items: Array.from({ length: 4 }, (_, i) => table('B', i, 4)),
    sortHint: 1,
    _v: 1,
  },
  {
    name: 'Terasa',
    defaultFiscalName: 'eKasa',
    items: Array.from({ length: 6 }, (_, i) => table('T', i, 3)),
    sortHint: 2,
    _v: 1,
  },
];

/** A place of a zone from a body: `name` required, `isTable` true and `meta` null when omitted. */
function zoneItem(value: unknown): Readonly<Record<string, unknown>> {
  const sent = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const meta = sent['meta'];
  return { name: nullableText(sent['name']), isTable: flag(sent['isTable'], true), meta: meta ?? null };
}

/**
 * `/zones`: key `name`; `defaultFiscalName` and `sortHint` null, `items` [] when omitted
 * (docs/decisions.md#catalogue-models). Seeds `Bar` (B01–B04) and `Terasa` (eKasa, T01–T06)
 * (docs/decisions.md#catalogue-seed).
 */
export const ZONE_ROW: ResourceRow = {
  segment: 'zones',
  name: 'zone',
  key: textKey('name'),
  schemas: { model: 'Zone', write: 'ZoneWrite' },
  members: { Name: filterOn.text('name'), DefaultFiscalName: filterOn.text('defaultFiscalName', true) },
  sortable: ['name', 'defaultFiscalName', 'sortHint', '_v'],
  build: ({ body, key, version }) => ({
    name: key,
    defaultFiscalName: nullableText(body['defaultFiscalName']),
    items: list(body['items']).map(zoneItem),
    sortHint: nullableNumber(body['sortHint']),
    _v: version,
  }),
  seed: () => SEED,
};
