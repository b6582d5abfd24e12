import { isCustomerId } from '../../domain/customer-id.js';

/** A row's key: its member, the JSON type it has, and which values are in its domain. */
export interface KeySpec {
  member: string;
  /** `id`: generated when a POST body has none; the others are required in a POST body. */
  kind: 'id' | 'text' | 'integer';
  /** A body value in the domain as the stored key, else undefined. */
  fromBody(value: unknown): string | number | undefined;
  /** A path segment in the domain as the stored key, else undefined. */
  fromPath(text: string): string | number | undefined;
  /** Describes the domain for error texts and docs. */
  domain: { min: number; max: number };
}

/** `id` keys: the customer id rule (1–64 of `A-Z a-z 0-9 - _`), 24 hex generated when absent. */
export function idKey(member = 'id'): KeySpec {
  const read = (value: unknown) => (typeof value === 'string' && isCustomerId(value) ? value : undefined);
  return { member, kind: 'id', fromBody: read, fromPath: read, domain: { min: 1, max: 64 } };
}

/** Name and label keys: text of `min`–`max` characters, matched exactly. */
export function textKey(member: string, min = 1, max = 64): KeySpec {
  const read = (value: unknown) =>
    typeof value === 'string' && value.length >= min && value.length <= max ? value : undefined;
  return { member, kind: 'text', fromBody: read, fromPath: read, domain: { min, max } };
}

const DIGITS = /^\d{1,10}$/;

/** Integer keys from `min` to `max` (path segments in plain decimal digits). */
export function integerKey(member: string, min: number, max = 2_147_483_647): KeySpec {
  const inDomain = (n: number) => Number.isInteger(n) && n >= min && n <= max;
  return {
    member,
    kind: 'integer',
    fromBody: (value) => (typeof value === 'number' && inDomain(value) ? value : undefined),
    fromPath: (text) => (DIGITS.test(text) && inDomain(Number(text)) ? Number(text) : undefined),
    domain: { min, max },
  };
}

/** The text a key is stored and named under (`ResourceInfo.id`, `Location`, 404 details). */
export function keyText(key: string | number): string {
  return String(key);
}
