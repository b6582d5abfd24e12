import type {
  Address,
  Company,
  Coordinates,
  Credit,
  CreditTransaction,
  CustomerCard,
  Meta,
  StoredCustomer,
} from './customer.js';

type Partially<T> = { [K in keyof T]?: T[K] };

/** A request body after validation against the spec's `CustomerWrite`: every member optional. */
export interface CustomerWrite {
  id?: string;
  externalId?: string | null;
  isActive?: boolean;
  activationTime?: string | null;
  expirationTime?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  isCompany?: boolean;
  company?: Partially<Company> | null;
  address?: AddressWrite | null;
  deliveryAddress?: AddressWrite | null;
  credit?: Partially<Credit>;
  creditTransactions?: CreditTransaction[];
  cards?: Partially<CustomerCard>[];
  creditRate?: number;
  discountRate?: number;
  note?: string | null;
  meta?: Meta;
  _v?: number;
}

export interface AddressWrite extends Partially<Omit<Address, 'coordinates'>> {
  coordinates?: Partially<Coordinates> | null;
}

/** ISO 8601 text → the one form the mock returns, `YYYY-MM-DDTHH:mm:ss.sssZ` (UTC). */
export type DateNormalizer = (text: string) => string;

function company(c: Partially<Company> | null | undefined): Company | null {
  if (c === undefined || c === null) return null;
  return { name: c.name ?? null, crn: c.crn ?? null, vatId: c.vatId ?? null, taxId: c.taxId ?? null };
}

function coordinates(c: Partially<Coordinates> | null | undefined): Coordinates | null {
  if (c === undefined || c === null || c.latitude === undefined || c.longitude === undefined) return null;
  return { latitude: c.latitude, longitude: c.longitude };
}

function address(a: AddressWrite | null | undefined): Address | null {
  if (a === undefined || a === null) return null;
  return {
    street: a.street ?? null,
    city: a.city ?? null,
    postalCode: a.postalCode ?? null,
    country: a.country ?? null,
    coordinates: coordinates(a.coordinates),
    note: a.note ?? null,
  };
}

function card(c: Partially<CustomerCard>, date: (v: string | null | undefined) => string | null): CustomerCard {
  return {
    externalId: c.externalId ?? null,
    isActive: c.isActive ?? true,
    isVirtual: c.isVirtual ?? false,
    serialNumber: c.serialNumber ?? null,
    processor: c.processor ?? null,
    status: c.status ?? 'Valid',
    statusTime: date(c.statusTime),
    statusReason: c.statusReason ?? null,
    activationTime: date(c.activationTime),
    expirationTime: date(c.expirationTime),
    note: c.note ?? null,
    meta: c.meta ?? null,
  };
}

/**
 * A full customer from a body: members the body omits take the defaults of a new customer
 * (docs/decisions.md#customer-model: POST and PUT both replace fully); dates in the one returned form.
 */
export function customerFromWrite(
  w: CustomerWrite,
  id: string,
  version: number,
  normalize: DateNormalizer,
): StoredCustomer {
  const date = (v: string | null | undefined) => (v === undefined || v === null ? null : normalize(v));
  return {
    id,
    externalId: w.externalId ?? null,
    isActive: w.isActive ?? true,
    activationTime: date(w.activationTime),
    expirationTime: date(w.expirationTime),
    firstName: w.firstName ?? null,
    lastName: w.lastName ?? null,
    gender: w.gender ?? null,
    birthDate: date(w.birthDate),
    email: w.email ?? null,
    phone: w.phone ?? null,
    isCompany: w.isCompany ?? false,
    company: company(w.company),
    address: address(w.address),
    deliveryAddress: address(w.deliveryAddress),
    credit: { amount: w.credit?.amount ?? 0, currencyLabel: w.credit?.currencyLabel ?? null },
    creditTransactions: w.creditTransactions ?? [],
    cards: (w.cards ?? []).map((c) => card(c, date)),
    creditRate: w.creditRate ?? 0,
    discountRate: w.discountRate ?? 0,
    note: w.note ?? null,
    meta: w.meta ?? {},
    _v: version,
  };
}
