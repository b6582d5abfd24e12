import type { Address, StoredCustomer } from '../domain/customer.js';
import { fullNameOf } from '../domain/derive.js';
import { readWrittenDate } from '../dates/read-date.js';

/** How a sort key reads a customer: a string, a number (times as epoch ms, booleans as 0/1), or the clock-derived status. */
export type SortKeySpec =
  | { kind: 'string'; value: (c: StoredCustomer) => string | null }
  | { kind: 'number'; value: (c: StoredCustomer) => number | null }
  | { kind: 'status' };

const text = (value: (c: StoredCustomer) => string | null): SortKeySpec => ({ kind: 'string', value });
const number = (value: (c: StoredCustomer) => number | null): SortKeySpec => ({ kind: 'number', value });
const time = (get: (c: StoredCustomer) => string | null): SortKeySpec => number((c) => readWrittenDate(get(c)));
const flag = (get: (c: StoredCustomer) => boolean): SortKeySpec => number((c) => (get(c) ? 1 : 0));

type AddressKey =
  | 'street'
  | 'city'
  | 'postalCode'
  | 'country'
  | 'note'
  | 'coordinates.latitude'
  | 'coordinates.longitude';

function addressKeys<P extends string>(
  prefix: P,
  get: (c: StoredCustomer) => Address | null,
): Record<`${P}.${AddressKey}`, SortKeySpec> {
  const keys: Record<AddressKey, SortKeySpec> = {
    street: text((c) => get(c)?.street ?? null),
    city: text((c) => get(c)?.city ?? null),
    postalCode: text((c) => get(c)?.postalCode ?? null),
    country: text((c) => get(c)?.country ?? null),
    note: text((c) => get(c)?.note ?? null),
    'coordinates.latitude': number((c) => get(c)?.coordinates?.latitude ?? null),
    'coordinates.longitude': number((c) => get(c)?.coordinates?.longitude ?? null),
  };
  return Object.fromEntries(Object.entries(keys).map(([k, v]) => [`${prefix}.${k}`, v])) as Record<
    `${P}.${AddressKey}`,
    SortKeySpec
  >;
}

/**
 * THE sortable keys of `$sort`: every scalar member of Customer as it appears on the wire, nested ones by
 * dotted path, plus the derived `fullName` and `status`. Keys match case-insensitively.
 */
export const SORT_KEYS = {
  id: text((c) => c.id),
  externalId: text((c) => c.externalId),
  isActive: flag((c) => c.isActive),
  status: { kind: 'status' },
  activationTime: time((c) => c.activationTime),
  expirationTime: time((c) => c.expirationTime),
  firstName: text((c) => c.firstName),
  lastName: text((c) => c.lastName),
  fullName: text(fullNameOf),
  gender: text((c) => c.gender),
  birthDate: time((c) => c.birthDate),
  email: text((c) => c.email),
  phone: text((c) => c.phone),
  isCompany: flag((c) => c.isCompany),
  'company.name': text((c) => c.company?.name ?? null),
  'company.crn': text((c) => c.company?.crn ?? null),
  'company.vatId': text((c) => c.company?.vatId ?? null),
  'company.taxId': text((c) => c.company?.taxId ?? null),
  ...addressKeys('address', (c) => c.address),
  ...addressKeys('deliveryAddress', (c) => c.deliveryAddress),
  'credit.amount': number((c) => c.credit.amount),
  'credit.currencyLabel': text((c) => c.credit.currencyLabel),
  creditRate: number((c) => c.creditRate),
  discountRate: number((c) => c.discountRate),
  note: text((c) => c.note),
  _v: number((c) => c._v),
} as const satisfies Record<string, SortKeySpec>;

export type SortKeyName = keyof typeof SORT_KEYS;

export const SORT_KEY_NAMES = Object.keys(SORT_KEYS) as SortKeyName[];

const BY_LOWER_NAME = new Map<string, SortKeyName>(SORT_KEY_NAMES.map((k) => [k.toLowerCase(), k]));

/** Customer members that exist but hold objects or arrays: named in `$sort`, they get "not sortable". */
const NOT_SCALAR = [
  'company',
  'address',
  'deliveryAddress',
  'address.coordinates',
  'deliveryAddress.coordinates',
  'credit',
  'cards',
  'creditTransactions',
  'meta',
];
const NOT_SCALAR_LOWER = NOT_SCALAR.map((k) => k.toLowerCase());
const OPEN_CONTAINERS = ['cards.', 'credittransactions.', 'meta.'];

/** The sortable key a client's key names, case-insensitively: a key, 'not-sortable', or 'unknown'. */
export function sortKeyNamed(name: string): SortKeyName | 'not-sortable' | 'unknown' {
  const lower = name.toLowerCase();
  const key = BY_LOWER_NAME.get(lower);
  if (key !== undefined) return key;
  if (NOT_SCALAR_LOWER.includes(lower) || OPEN_CONTAINERS.some((p) => lower.startsWith(p))) return 'not-sortable';
  return 'unknown';
}
