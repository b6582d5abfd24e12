import type { Reference } from '../engine/resource-row.js';
import { nullableNumber, nullableText } from '../engine/members.js';

/** `{amount, currencyLabel}`; without a currency the domestic one is meant. */
export interface Price {
  amount: number;
  currencyLabel: string | null;
}

/** A PLU named by its stock and code (`{code: 2, stockName: "S01"}`). */
export interface PluId {
  code: number;
  stockName: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** A body's price (schema-checked: `amount` present), the domestic currency when it names none; null when absent. */
export function priceOf(value: unknown, domestic: string | null): Price | null {
  const found = record(value);
  if (found === undefined) return null;
  return {
    amount: nullableNumber(found['amount']) ?? 0,
    currencyLabel: nullableText(found['currencyLabel']) ?? domestic,
  };
}

/** A body's quantity, in `unit` when it names none; null when absent. */
export function quantityOf(value: unknown, unit: string | null): { amount: number; unit: string | null } | null {
  const found = record(value);
  if (found === undefined) return null;
  return { amount: nullableNumber(found['amount']) ?? 0, unit: nullableText(found['unit']) ?? unit };
}

/** A body's PLU reference (schema-checked: both members present); null when absent. */
export function pluIdOf(value: unknown): PluId | null {
  const found = record(value);
  if (found === undefined) return null;
  return { code: nullableNumber(found['code']) ?? 0, stockName: nullableText(found['stockName']) ?? '' };
}

/** The PLU `pluId` names must exist (and cannot be deleted while named). */
export function pluReference(member: string, pluId: PluId): Reference {
  return { segment: 'plus', member, where: { stockName: pluId.stockName, code: pluId.code } };
}

/** The currency a price names must exist (and cannot be deleted while named); none for a price without one. */
export function currencyReferences(member: string, price: unknown): Reference[] {
  const label = record(price)?.['currencyLabel'];
  return typeof label === 'string' ? [{ segment: 'currencies', member, where: { label } }] : [];
}
