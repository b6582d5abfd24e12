/**
 * What a customer id may be, one rule for every write (a POST body's `id`, a PUT path, a loaded or state file's
 * items): 1–64 of `A-Z a-z 0-9 - _`, the spec's `CustomerWrite.id` pattern (docs/decisions.md#ids). So every id
 * the mock accepts round-trips through the state file, `GET /_mock/state` and `PUT /_mock/customers`.
 */
export const CUSTOMER_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

const CUSTOMER_ID = new RegExp(CUSTOMER_ID_PATTERN);

export function isCustomerId(id: string): boolean {
  return CUSTOMER_ID.test(id);
}
