import { readWrittenDate } from '../dates/read-date.js';
import type { Customer, CustomerStatus, StoredCustomer } from './customer.js';

/** First and last name joined by one space, trimmed; derived, never taken from the client (docs/decisions.md). */
export function fullNameOf(c: Pick<StoredCustomer, 'firstName' | 'lastName'>): string {
  return `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim();
}

/** `Expired` if expirationTime ≤ now, else `NotYetValid` if activationTime > now, else `Valid`. */
export function statusAt(c: Pick<StoredCustomer, 'activationTime' | 'expirationTime'>, now: number): CustomerStatus {
  return statusBetween(parsedTime(c.activationTime), parsedTime(c.expirationTime), now);
}

/** The same rule over times already parsed (epoch ms; null = open). */
export function statusBetween(activationMs: number | null, expirationMs: number | null, now: number): CustomerStatus {
  if (expirationMs !== null && expirationMs <= now) return 'Expired';
  if (activationMs !== null && activationMs > now) return 'NotYetValid';
  return 'Valid';
}

export function parsedTime(text: string | null): number | null {
  return readWrittenDate(text);
}

/** The wire form of a stored customer, members in the documented order. */
export function toCustomer(c: StoredCustomer, now: number): Customer {
  return {
    id: c.id,
    externalId: c.externalId,
    isActive: c.isActive,
    status: statusAt(c, now),
    activationTime: c.activationTime,
    expirationTime: c.expirationTime,
    firstName: c.firstName,
    lastName: c.lastName,
    fullName: fullNameOf(c),
    gender: c.gender,
    birthDate: c.birthDate,
    email: c.email,
    phone: c.phone,
    isCompany: c.isCompany,
    company: c.company,
    address: c.address,
    deliveryAddress: c.deliveryAddress,
    credit: c.credit,
    creditTransactions: c.creditTransactions,
    cards: c.cards,
    creditRate: c.creditRate,
    discountRate: c.discountRate,
    note: c.note,
    meta: c.meta,
    _v: c._v,
  };
}
