import { integerKey } from '../engine/keys.js';
import { filterOn, flag, nullableText } from '../engine/members.js';
import type { Item, ResourceRow } from '../engine/resource-row.js';

function paymentType(number: number, category: string, description: string, isActive: boolean, _v = 1): Item {
  return { number, category, isActive, description, isChangeable: number === 1, _v };
}

/**
 * The documented payment types 1–7 (docs/portos/resources.md#payment-types: only 1 is changeable, 2 and 6 at
 * `_v` 2, 5 "Iné" inactive) and 8 "Foodora", the one the example cuts off (docs/decisions.md#catalogue-seed).
 * The docs name the categories of 1, 2 and 5 only; the others are `Other`.
 */
const SEED: readonly Item[] = [
  paymentType(1, 'Cash', 'Hotovosť', true),
  paymentType(2, 'CreditCard', 'Platobná karta', true, 2),
  paymentType(3, 'Other', 'Šek', true),
  paymentType(4, 'Other', 'Gastrolístky', true),
  paymentType(5, 'Other', 'Iné', false),
  paymentType(6, 'Other', 'Wolt', true, 2),
  paymentType(7, 'Other', 'Bolt', true),
  paymentType(8, 'Other', 'Foodora', true),
];

/**
 * `/paymenttypes`: key `number` (an integer from 1); `category` and `description` required, `isActive` true and
 * `isChangeable` false when omitted (docs/decisions.md#catalogue-models).
 */
export const PAYMENT_TYPE_ROW: ResourceRow = {
  segment: 'paymenttypes',
  name: 'paymentType',
  key: integerKey('number', 1),
  schemas: { model: 'PaymentType', write: 'PaymentTypeWrite' },
  members: {
    number: filterOn.number('number'),
    isActive: filterOn.bool('isActive'),
    category: filterOn.text('category'),
    isChangeable: filterOn.bool('isChangeable'),
  },
  sortable: ['number', 'category', 'isActive', 'description', 'isChangeable', '_v'],
  build: ({ body, key, version }) => ({
    number: key,
    category: nullableText(body['category']),
    isActive: flag(body['isActive'], true),
    description: nullableText(body['description']),
    isChangeable: flag(body['isChangeable'], false),
    _v: version,
  }),
  seed: () => SEED,
};
