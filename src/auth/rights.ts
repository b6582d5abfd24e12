import { RESOURCE_NAMES, WRITE_ACTIONS, writeRight, type WriteRight } from '../resources/names.js';

/** Customer rights beyond create/update/delete, needed by what an update changes. */
const PAYLOAD_RIGHTS = ['customerSetCredit', 'customerSetDiscount'] as const;

/**
 * Every user right the mock checks (camelCase on the wire): `admin` grants everything; each resource of the
 * table has `{name}Create`, `{name}Update`, `{name}Delete` (docs/portos/rights.md#rights).
 */
export const RIGHTS = [
  'admin',
  ...Object.values(RESOURCE_NAMES).flatMap((name) => WRITE_ACTIONS.map((action) => writeRight(name, action))),
  ...PAYLOAD_RIGHTS,
] as const satisfies readonly string[];

export type Right = 'admin' | WriteRight | (typeof PAYLOAD_RIGHTS)[number];

export function isRight(value: string): value is Right {
  return (RIGHTS as readonly string[]).includes(value);
}

/** Whether someone holding `held` may act with `right` (`admin` grants every right). */
export function grants(held: readonly string[], right: Right): boolean {
  return held.includes('admin') || held.includes(right);
}

/** The rights of `needed` that `held` does not grant, in the order asked. */
export function missingRights(held: readonly string[], needed: readonly Right[]): Right[] {
  return needed.filter((right) => !grants(held, right));
}
