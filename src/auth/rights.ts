/** The user rights the Customers routes use (camelCase on the wire); `admin` grants everything. */
export const RIGHTS = [
  'admin',
  'customerCreate',
  'customerUpdate',
  'customerDelete',
  'customerSetCredit',
  'customerSetDiscount',
] as const;

export type Right = (typeof RIGHTS)[number];

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
