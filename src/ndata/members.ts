import type { StoredCustomer } from '../domain/customer.js';
import { readWrittenDate } from '../dates/read-date.js';
import type { ValueOf, ValueType } from './value-types.js';

/**
 * A filter member: its value type, whether it may be null, and how to read it. A `many` member has one
 * value per card; its filter holds when ANY of them satisfies all the operations.
 */
export type MemberSpec<T extends ValueType> = { type: T; nullable: boolean } & (
  | { many: false; value: (c: StoredCustomer) => ValueOf<T> | null }
  | { many: true; values: (c: StoredCustomer) => ReadonlyArray<ValueOf<T> | null> }
);

function one<T extends ValueType>(
  type: T,
  nullable: boolean,
  value: (c: StoredCustomer) => ValueOf<T> | null,
): MemberSpec<T> {
  return { type, nullable, many: false, value };
}

function many<T extends ValueType>(
  type: T,
  nullable: boolean,
  values: (c: StoredCustomer) => ReadonlyArray<ValueOf<T> | null>,
): MemberSpec<T> {
  return { type, nullable, many: true, values };
}

/**
 * THE filter-member table of GET /customers (docs/portos/customers.md#query-parameters): documented parameter
 * name → value type → nullability → values. `CardSerialNumber` has one value per card (any card; no cards = no
 * match).
 */
export const FILTER_MEMBERS = {
  CardSerialNumber: many('string', true, (c) => c.cards.map((card) => card.serialNumber)),
  ExternalId: one('string', true, (c) => c.externalId),
  CreditRate: one('decimal', false, (c) => c.creditRate),
  DiscountRate: one('decimal', false, (c) => c.discountRate),
  IsActive: one('bool', false, (c) => c.isActive),
  ExpirationTime: one('DateTime', true, (c) => readWrittenDate(c.expirationTime)),
} as const;

export type FilterMember = keyof typeof FILTER_MEMBERS;

/** The value type of a filter member. */
export type MemberValue<M extends FilterMember> = ValueOf<(typeof FILTER_MEMBERS)[M]['type']>;

export const FILTER_MEMBER_NAMES = Object.keys(FILTER_MEMBERS) as FilterMember[];
