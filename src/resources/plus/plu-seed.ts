import type { Item } from '../engine/resource-row.js';

type PluType = 'StockItem' | 'Recipe' | 'Service' | 'Container';

/** An ingredient: code in S11 and amount (in that PLU's unit). */
type Part = readonly [code: number, amount: number];

/** One seeded PLU: code, name, article category, type, VAT category, price in EUR, unit, receipt. */
type Row = readonly [
  code: number,
  name: string,
  category: string | null,
  type: PluType,
  vat: 1 | 2 | 10,
  price: number,
  unit?: string,
  receipt?: readonly Part[],
];

/** S11 "Suroviny a zásoby": the raw materials the recipes name (StockItems in SUR). */
const RAW: readonly Row[] = [
  [1, 'Beef', 'SUR', 'StockItem', 2, 14.9, 'kg'],
  [2, 'Chicken breast', 'SUR', 'StockItem', 2, 8.9, 'kg'],
  [3, 'Potatoes', 'SUR', 'StockItem', 2, 1.2, 'kg'],
  [4, 'Onions', 'SUR', 'StockItem', 2, 1.1, 'kg'],
  [5, 'Zucchini', 'SUR', 'StockItem', 2, 2.4, 'kg'],
  [6, 'Peppers', 'SUR', 'StockItem', 2, 3.2, 'kg'],
  [7, 'Tomatoes', 'SUR', 'StockItem', 2, 2.8, 'kg'],
  [8, 'Garlic', 'SUR', 'StockItem', 2, 6.5, 'kg'],
  [9, 'Flour', 'SUR', 'StockItem', 2, 0.9, 'kg'],
  [10, 'Eggs', 'SUR', 'StockItem', 2, 0.25, 'ks'],
  [11, 'Milk', 'SUR', 'StockItem', 2, 1.1, 'l'],
  [12, 'Butter', 'SUR', 'StockItem', 2, 9.8, 'kg'],
  [13, 'Cream', 'SUR', 'StockItem', 2, 4.2, 'l'],
  [14, 'Cheese', 'SUR', 'StockItem', 2, 11.5, 'kg'],
  [15, 'Rice', 'SUR', 'StockItem', 2, 2.1, 'kg'],
  [16, 'Pasta', 'SUR', 'StockItem', 2, 2.6, 'kg'],
  [17, 'Pork', 'SUR', 'StockItem', 2, 7.9, 'kg'],
  [18, 'Salmon', 'SUR', 'StockItem', 2, 24.9, 'kg'],
  [19, 'Coffee beans', 'SUR', 'StockItem', 1, 21, 'kg'],
  [20, 'Sugar', 'SUR', 'StockItem', 2, 1, 'kg'],
];

/** S01 "Menu": what is sold, all four types (2 and 3 are the modifiers' side dishes; 80 the Container on VAT 10). */
const MENU: readonly Row[] = [
  [
    1,
    'Daily menu',
    'MNU',
    'Recipe',
    2,
    6.9,
    'ks',
    [
      [2, 0.15],
      [15, 0.1],
    ],
  ],
  [2, 'Mashed potatoes', 'SID', 'Recipe', 2, 4.9, 'ks', [[3, 0.2]]],
  [
    3,
    'Grilled vegetables',
    'SID',
    'Recipe',
    2,
    4.9,
    'ks',
    [
      [5, 0.1],
      [6, 0.1],
    ],
  ],
  [
    4,
    'Garlic soup',
    'SOU',
    'Recipe',
    2,
    2.9,
    'ks',
    [
      [8, 0.02],
      [3, 0.1],
    ],
  ],
  [
    5,
    'Goulash soup',
    'SOU',
    'Recipe',
    2,
    3.5,
    'ks',
    [
      [1, 0.08],
      [4, 0.05],
    ],
  ],
  [6, 'Tomato soup', 'SOU', 'Recipe', 2, 2.9, 'ks', [[7, 0.2]]],
  [7, 'Chicken broth', 'SOU', 'Recipe', 2, 2.7, 'ks', [[2, 0.1]]],
  [8, 'Mushroom soup', 'SOU', 'Recipe', 2, 3.2, 'ks', [[13, 0.05]]],
  [9, 'Lentil soup', 'SOU', 'Recipe', 2, 2.9],
  [10, 'Cabbage soup', 'SOU', 'Recipe', 2, 2.9],
  [11, 'Beef steak', 'MEA', 'Recipe', 2, 18.9, 'ks', [[1, 0.25]]],
  [
    12,
    'Chicken schnitzel',
    'MEA',
    'Recipe',
    2,
    9.9,
    'ks',
    [
      [2, 0.18],
      [9, 0.03],
      [10, 1],
    ],
  ],
  [
    13,
    'Pork schnitzel',
    'MEA',
    'Recipe',
    2,
    9.5,
    'ks',
    [
      [17, 0.18],
      [9, 0.03],
      [10, 1],
    ],
  ],
  [14, 'Fried cheese', 'MEA', 'Recipe', 2, 8.9, 'ks', [[14, 0.15]]],
  [15, 'Grilled salmon', 'MEA', 'Recipe', 2, 16.9, 'ks', [[18, 0.2]]],
  [16, 'Pork ribs', 'MEA', 'Recipe', 2, 13.9, 'ks', [[17, 0.5]]],
  [
    17,
    'Chicken curry',
    'MEA',
    'Recipe',
    2,
    10.9,
    'ks',
    [
      [2, 0.15],
      [15, 0.1],
    ],
  ],
  [18, 'Beef burger', 'MEA', 'Recipe', 2, 11.9, 'ks', [[1, 0.18]]],
  [
    19,
    'Spaghetti carbonara',
    'MEA',
    'Recipe',
    2,
    9.9,
    'ks',
    [
      [16, 0.12],
      [10, 1],
    ],
  ],
  [20, 'Mushroom risotto', 'MEA', 'Recipe', 2, 9.5, 'ks', [[15, 0.1]]],
  [21, 'Duck breast', 'MEA', 'Recipe', 2, 17.9],
  [22, 'Roast pork', 'MEA', 'Recipe', 2, 10.5, 'ks', [[17, 0.2]]],
  [
    23,
    'Vegetable lasagne',
    'MEA',
    'Recipe',
    2,
    9.9,
    'ks',
    [
      [16, 0.1],
      [5, 0.1],
    ],
  ],
  [
    24,
    'Bryndzové halušky',
    'MEA',
    'Recipe',
    2,
    8.9,
    'ks',
    [
      [3, 0.2],
      [9, 0.05],
    ],
  ],
  [25, 'Chicken wings', 'MEA', 'Recipe', 2, 9.5, 'ks', [[2, 0.3]]],
  [26, 'French fries', 'SID', 'Recipe', 2, 3.2, 'ks', [[3, 0.2]]],
  [27, 'Steamed rice', 'SID', 'Recipe', 2, 2.5, 'ks', [[15, 0.1]]],
  [28, 'Boiled potatoes', 'SID', 'Recipe', 2, 2.7, 'ks', [[3, 0.2]]],
  [29, 'Croquettes', 'SID', 'StockItem', 2, 3.5],
  [
    30,
    'Side salad',
    'SID',
    'Recipe',
    2,
    3.9,
    'ks',
    [
      [7, 0.1],
      [6, 0.05],
    ],
  ],
  [31, 'Bread', 'SID', 'StockItem', 2, 0.9],
  [32, 'Potato wedges', 'SID', 'Recipe', 2, 3.4, 'ks', [[3, 0.2]]],
  [
    33,
    'Pancakes',
    'DES',
    'Recipe',
    2,
    5.5,
    'ks',
    [
      [9, 0.1],
      [10, 1],
      [11, 0.2],
    ],
  ],
  [34, 'Ice cream', 'DES', 'StockItem', 2, 3.9],
  [35, 'Cheesecake', 'DES', 'StockItem', 2, 4.5],
  [36, 'Tiramisu', 'DES', 'StockItem', 2, 4.9],
  [37, 'Apple strudel', 'DES', 'StockItem', 2, 3.9],
  [38, 'Chocolate cake', 'DES', 'StockItem', 2, 4.2],
  [39, 'Fruit salad', 'DES', 'Recipe', 2, 4.5],
  [40, 'Panna cotta', 'DES', 'StockItem', 2, 4.2],
  [41, 'Pilsner 0.5 l', 'BRS', 'StockItem', 1, 2.6],
  [42, 'Pilsner 0.3 l', 'BRS', 'StockItem', 1, 1.8],
  [43, 'Lager 0.5 l', 'BRS', 'StockItem', 1, 2.2],
  [44, 'Dark lager 0.5 l', 'BRS', 'StockItem', 1, 2.4],
  [45, 'Wheat beer 0.5 l', 'BRS', 'StockItem', 1, 2.9],
  [46, 'IPA 0.5 l', 'BRS', 'StockItem', 1, 3.5],
  [47, 'Non-alcoholic beer 0.5 l', 'BRS', 'StockItem', 1, 2.2],
  [48, 'Radler 0.5 l', 'BRS', 'StockItem', 1, 2.3],
  [49, 'Cider 0.33 l', 'BRS', 'StockItem', 1, 2.9],
  [50, 'Stout 0.5 l', 'BRS', 'StockItem', 1, 3.2],
  [51, 'Coca-Cola 0.33 l', 'SOF', 'StockItem', 1, 2.2],
  [52, 'Kofola 0.5 l', 'SOF', 'StockItem', 1, 2],
  [53, 'Mineral water 0.33 l', 'SOF', 'StockItem', 1, 1.6],
  [54, 'Orange juice 0.25 l', 'SOF', 'StockItem', 1, 2.1],
  [55, 'Apple juice 0.25 l', 'SOF', 'StockItem', 1, 2.1],
  [56, 'Tonic 0.25 l', 'SOF', 'StockItem', 1, 2],
  [57, 'Lemonade 0.4 l', 'SOF', 'StockItem', 1, 2.9],
  [58, 'Sprite 0.33 l', 'SOF', 'StockItem', 1, 2.2],
  [59, 'Fanta 0.33 l', 'SOF', 'StockItem', 1, 2.2],
  [60, 'Ice tea 0.33 l', 'SOF', 'StockItem', 1, 2.3],
  [61, 'Espresso', 'HOT', 'Recipe', 1, 1.8, 'ks', [[19, 0.007]]],
  [
    62,
    'Cappuccino',
    'HOT',
    'Recipe',
    1,
    2.4,
    'ks',
    [
      [19, 0.007],
      [11, 0.1],
    ],
  ],
  [
    63,
    'Caffè latte',
    'HOT',
    'Recipe',
    1,
    2.7,
    'ks',
    [
      [19, 0.007],
      [11, 0.2],
    ],
  ],
  [64, 'Americano', 'HOT', 'Recipe', 1, 2, 'ks', [[19, 0.007]]],
  [
    65,
    'Flat white',
    'HOT',
    'Recipe',
    1,
    2.9,
    'ks',
    [
      [19, 0.014],
      [11, 0.1],
    ],
  ],
  [66, 'Tea', 'HOT', 'StockItem', 1, 1.8],
  [67, 'Hot chocolate', 'HOT', 'StockItem', 1, 2.5],
  [68, 'Mulled wine', 'HOT', 'Recipe', 1, 3, 'ks', [[20, 0.02]]],
  [69, 'Red wine 0.1 l', 'WIN', 'StockItem', 1, 2.4],
  [70, 'White wine 0.1 l', 'WIN', 'StockItem', 1, 2.4],
  [71, 'Rosé 0.1 l', 'WIN', 'StockItem', 1, 2.4],
  [72, 'Prosecco 0.1 l', 'WIN', 'StockItem', 1, 3.2],
  [73, 'Red wine 0.75 l', 'WIN', 'StockItem', 1, 16],
  [74, 'White wine 0.75 l', 'WIN', 'StockItem', 1, 16],
  [75, 'Sparkling wine 0.75 l', 'WIN', 'StockItem', 1, 22],
  [76, 'Delivery', null, 'Service', 1, 2.5],
  [77, 'Packaging', null, 'Service', 1, 0.3],
  [78, 'Corkage', null, 'Service', 1, 5],
  [79, 'Table reservation', null, 'Service', 1, 0],
  [80, 'Bottle deposit', null, 'Container', 10, 0.15],
];

/** Cents, as a decimal a JSON reader prints back unchanged (17.64, not 17.640000000000001). */
const money = (amount: number) => Math.round(amount * 100) / 100;

const RAW_UNITS = new Map(RAW.map(([code, , , , , , unit]) => [code, unit ?? 'ks']));

/** The fixed id of the `index`th seeded PLU: `65b0…00a0` for S01/1, `65b0…00a1` for S01/2 (the spec's example). */
const idOf = (index: number) => `65b${(0xa0 + index).toString(16).padStart(21, '0')}`;

function plu(stockName: 'S01' | 'S11', row: Row, index: number): Item {
  const [code, name, category, type, vat, price, unit = 'ks', receipt = []] = row;
  const stocked = type === 'StockItem' || type === 'Container';
  const quantity = 10 + ((code * 7) % 41);
  return {
    id: idOf(index),
    code,
    stockName,
    name,
    description: null,
    articleCategoryLabel: category,
    vatCategory: vat,
    type,
    unit,
    codes: [],
    receipt: receipt.map(([part, amount]) => ({
      pluId: { code: part, stockName: 'S11' },
      quantity: { amount, unit: RAW_UNITS.get(part) ?? 'ks' },
    })),
    retailPriceIncludingVat: { amount: price, currencyLabel: 'EUR' },
    isActive: true,
    isDiscountAllowed: true,
    isPriceFixed: false,
    stockQuantity: stocked ? { amount: quantity, unit } : null,
    stockValue: stocked ? { amount: money(quantity * price * 0.4), currencyLabel: 'EUR' } : null,
    _v: 1,
  };
}

/**
 * The 100 seeded PLUs (docs/decisions.md#catalogue-seed): S01 codes 1–80, then S11 codes 1–20; VAT categories 1,
 * 2 and 10 only; prices in EUR; every receipt names S11 codes. A fixed table: the same on every start.
 */
export const PLU_SEED: readonly Item[] = [
  ...MENU.map((row, i) => plu('S01', row, i)),
  ...RAW.map((row, i) => plu('S11', row, MENU.length + i)),
];
