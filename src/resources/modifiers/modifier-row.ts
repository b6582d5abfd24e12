import { issue, type Issue } from '../../errors/issue.js';
import { domesticCurrency } from '../currencies/domestic-currency.js';
import { idKey } from '../engine/keys.js';
import type { BuildInput, Item, Reference, ResourceRow } from '../engine/resource-row.js';
import { filterOn, flag, list, nullableNumber, nullableText } from '../engine/members.js';
import { currencyReferences, pluIdOf, pluReference, priceOf, type PluId } from '../plus/plu-parts.js';
import { MODIFIER_SEED } from './modifier-seed.js';

/** 32 hex characters as a version 4 UUID (`8-4-4-4-12`, version nibble 4, variant 8–b). */
export function uuidOf(hex: string): string {
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function buildModifier({ body, key, version, catalogue, newHex }: BuildInput): Item {
  const domestic = domesticCurrency(catalogue);
  return {
    id: key,
    name: body['name'],
    displayName: nullableText(body['displayName']),
    minimumSelectedOptionsCount: nullableNumber(body['minimumSelectedOptionsCount']) ?? 0,
    maximumSelectedOptionsCount: nullableNumber(body['maximumSelectedOptionsCount']),
    maximumSelectedOptionsTotalQuantity: nullableNumber(body['maximumSelectedOptionsTotalQuantity']),
    options: list<Record<string, unknown>>(body['options']).map((option) => ({
      id: nullableText(option['id']) ?? uuidOf(newHex(32)),
      name: nullableText(option['name']),
      unitPrice: priceOf(option['unitPrice'], domestic),
      isUnitPriceIncludingVat: flag(option['isUnitPriceIncludingVat'], true),
      pluId: pluIdOf(option['pluId']),
      defaultSelectedQuantity: nullableNumber(option['defaultSelectedQuantity']) ?? 0,
      maximumSelectedQuantity: nullableNumber(option['maximumSelectedQuantity']),
    })),
    _v: version,
  };
}

/** The minimum count may not exceed the maximum (when there is one). */
function modifierRules({ item }: { item: Item }): Issue[] {
  const min = nullableNumber(item['minimumSelectedOptionsCount']) ?? 0;
  const max = nullableNumber(item['maximumSelectedOptionsCount']);
  return max !== null && min > max
    ? [issue('body.rule', 'minimumSelectedOptionsCount', { rule: 'minimumAboveMaximum' })]
    : [];
}

/** What a modifier names: its options' PLUs and the currencies of their prices. */
function modifierReferences(item: Item): Reference[] {
  return list<{ pluId: PluId | null; unitPrice: unknown }>(item['options']).flatMap((option, i) => [
    ...(option.pluId === null ? [] : [pluReference(`options[${i}].pluId`, option.pluId)]),
    ...currencyReferences(`options[${i}].unitPrice.currencyLabel`, option.unitPrice),
  ]);
}

/**
 * `/modifiers`: key `id`; `name` required; counts default to 0 and no limit; options get a UUID when they bring
 * no id (docs/decisions.md#catalogue-models).
 */
export const MODIFIER_ROW: ResourceRow = {
  segment: 'modifiers',
  name: 'modifier',
  key: idKey(),
  schemas: { model: 'Modifier', write: 'ModifierWrite' },
  members: { Id: filterOn.text('id'), Name: filterOn.text('name') },
  sortable: [
    'id',
    'name',
    'displayName',
    'minimumSelectedOptionsCount',
    'maximumSelectedOptionsCount',
    'maximumSelectedOptionsTotalQuantity',
    '_v',
  ],
  build: buildModifier,
  rules: modifierRules,
  references: modifierReferences,
  seed: () => MODIFIER_SEED,
};
