import type { Faker } from '@faker-js/faker';
import { VALIDITY } from './seed-shares.js';

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

/** `ref` moved by a (fractional, possibly negative) number of years. */
export function yearsFrom(ref: number, years: number): number {
  return Math.round(ref + years * YEAR_MS);
}

/** An ISO instant (UTC, milliseconds) drawn between two epoch-ms bounds. */
export function isoBetween(faker: Faker, from: number, to: number): string {
  return faker.date.between({ from, to }).toISOString();
}

const BIRTH_FROM = Date.UTC(1940, 0, 1);
const BIRTH_TO = Date.UTC(2006, 11, 31);

/** A birth date at midnight UTC, 1940–2006. */
export function birthDate(faker: Faker): string {
  return `${isoBetween(faker, BIRTH_FROM, BIRTH_TO).slice(0, 10)}T00:00:00.000Z`;
}

export interface Validity {
  activationTime: string | null;
  expirationTime: string | null;
}

/** Activation and expiration by the shares of `VALIDITY`, all relative to the reference date. */
export function validity(faker: Faker, ref: number): Validity {
  const past = (): string => isoBetween(faker, yearsFrom(ref, -10), ref);
  const farFuture = (): string => isoBetween(faker, yearsFrom(ref, 35), yearsFrom(ref, 55));
  switch (faker.helpers.weightedArrayElement(VALIDITY)) {
    case 'unbounded':
      return { activationTime: null, expirationTime: null };
    case 'openEnded':
      return { activationTime: past(), expirationTime: null };
    case 'longTerm':
      return { activationTime: past(), expirationTime: farFuture() };
    case 'untilFarFuture':
      return { activationTime: null, expirationTime: farFuture() };
    case 'expired': {
      const activationTime = faker.datatype.boolean(0.5)
        ? isoBetween(faker, yearsFrom(ref, -12), yearsFrom(ref, -6))
        : null;
      return { activationTime, expirationTime: isoBetween(faker, yearsFrom(ref, -6), yearsFrom(ref, -1)) };
    }
    case 'notYetValid': {
      const from = faker.date.between({ from: yearsFrom(ref, 35), to: yearsFrom(ref, 55) }).getTime();
      const expirationTime = faker.datatype.boolean(0.5)
        ? isoBetween(faker, yearsFrom(from, 1), yearsFrom(from, 10))
        : null;
      return { activationTime: new Date(from).toISOString(), expirationTime };
    }
  }
}
