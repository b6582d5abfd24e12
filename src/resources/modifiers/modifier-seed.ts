import type { Item } from '../engine/resource-row.js';

interface Option {
  id: string;
  name: string;
  unitPrice?: { amount: number; currencyLabel: string };
  pluId?: { code: number; stockName: string };
  defaultSelectedQuantity?: number;
}

function option(o: Option) {
  return {
    id: o.id,
    name: o.name,
    unitPrice: o.unitPrice ?? null,
    isUnitPriceIncludingVat: true,
    pluId: o.pluId ?? null,
    defaultSelectedQuantity: o.defaultSelectedQuantity ?? 0,
    maximumSelectedQuantity: null,
  };
}

const DONENESS = ['Rare', 'Medium rare', 'Medium', 'Medium well', 'Well done'];

/**
 * The two documented modifiers with their ids (docs/portos/resources.md#modifiers); the side dishes get their
 * cut-off third option "Grilled vegetables" (4.90 EUR, S01/3) (docs/decisions.md#catalogue-seed).
 */
export const MODIFIER_SEED: readonly Item[] = [
  {
    id: '657b20bbde0bfde5af0f59dd',
    name: 'Steak doneness',
    displayName: 'How do you like your steak cooked?',
    minimumSelectedOptionsCount: 1,
    maximumSelectedOptionsCount: 1,
    maximumSelectedOptionsTotalQuantity: 1,
    options: DONENESS.map((name, i) =>
      option({
        id: `0f8b6f4e-5d0e-4c55-9a53-3f2f1b4f7a0${i + 1}`,
        name,
        ...(name === 'Medium rare' ? { defaultSelectedQuantity: 1 } : {}),
      }),
    ),
    _v: 1,
  },
  {
    id: '65847589d77a632b9674c99c',
    name: 'side dishes for meat',
    displayName: 'Add a side',
    minimumSelectedOptionsCount: 1,
    maximumSelectedOptionsCount: 2,
    maximumSelectedOptionsTotalQuantity: 2,
    options: [
      option({
        id: '6a1d2c3e-7b8f-4e1a-9c0d-2b3e4f5a6b7c',
        name: 'Mashed Potatoes',
        unitPrice: { amount: 4.9, currencyLabel: 'EUR' },
        pluId: { code: 2, stockName: 'S01' },
      }),
      option({
        id: '6a1d2c3e-7b8f-4e1a-9c0d-2b3e4f5a6b7d',
        name: 'Grilled vegetables',
        unitPrice: { amount: 4.9, currencyLabel: 'EUR' },
        pluId: { code: 3, stockName: 'S01' },
      }),
    ],
    _v: 1,
  },
];
