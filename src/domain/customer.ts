/** The Customer resource as PORTOS sends it (docs/portos/customers.md#customer-model). */

export const CUSTOMER_STATUSES = ['Valid', 'NotYetValid', 'Expired'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export interface Company {
  name: string | null;
  crn: string | null;
  vatId: string | null;
  taxId: string | null;
}

export interface Coordinates {
  latitude: number;
  longitude: number;
}

export interface Address {
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  coordinates: Coordinates | null;
  note: string | null;
}

export interface Credit {
  amount: number;
  currencyLabel: string | null;
}

/** The fields of a credit transaction are not documented: kept as sent. */
export type CreditTransaction = Record<string, unknown>;

export type Meta = Record<string, unknown>;

export interface CustomerCard {
  externalId: string | null;
  isActive: boolean;
  isVirtual: boolean;
  serialNumber: string | null;
  processor: string | null;
  status: string | null;
  statusTime: string | null;
  statusReason: string | null;
  activationTime: string | null;
  expirationTime: string | null;
  note: string | null;
  meta: Meta | null;
}

/** What the store keeps: every member a client may write, plus the version. */
export interface StoredCustomer {
  id: string;
  externalId: string | null;
  isActive: boolean;
  activationTime: string | null;
  expirationTime: string | null;
  firstName: string | null;
  lastName: string | null;
  gender: string | null;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  isCompany: boolean;
  company: Company | null;
  address: Address | null;
  deliveryAddress: Address | null;
  credit: Credit;
  creditTransactions: CreditTransaction[];
  cards: CustomerCard[];
  creditRate: number;
  discountRate: number;
  note: string | null;
  meta: Meta;
  _v: number;
}

/** The members a client writes (everything stored except the version, which the API tracks). */
export type CustomerInput = Omit<StoredCustomer, '_v'>;

/** A customer on the wire: stored members plus the derived `status` and `fullName`, in the documented order. */
export interface Customer extends StoredCustomer {
  status: CustomerStatus;
  fullName: string;
}
