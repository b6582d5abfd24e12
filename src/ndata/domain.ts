import type { Domain } from './operators.js';
import type { Value } from './value-types.js';

export type StringOrder = 'ordinal' | 'locale';

/** Ordinal order: by UTF-16 code unit, case-sensitive (MongoDB's binary collation). */
export const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const collator = new Intl.Collator('sk-SK');

/** How strings compare under each configured order (`locale`: Slovak collation). */
export const STRING_ORDERS: Record<StringOrder, (a: string, b: string) => number> = {
  ordinal,
  locale: (a, b) => collator.compare(a, b),
};

/** Case folding of the case-insensitive operators and Search: lower case, diacritics kept. */
export const fold = (text: string): string => text.toLowerCase();

/** Values of every type compare in one domain: numbers and times numerically, strings by the order. */
export function valueDomain(order: StringOrder): Domain<Value> {
  const strings = STRING_ORDERS[order];
  return {
    compare: (a, b) => (typeof a === 'string' && typeof b === 'string' ? strings(a, b) : Number(a) - Number(b)),
    fold: (a) => fold(String(a)),
  };
}
