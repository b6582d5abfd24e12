import type { SeedRandom } from './seed-random.js';
import { VALIDITY } from './seed-shares.js';

const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `ref` moved by a (fractional, possibly negative) number of years. */
export function yearsFrom(ref: number, years: number): number {
  return Math.round(ref + years * YEAR_MS);
}

const BIRTH_FROM = Date.UTC(1940, 0, 1);
const BIRTH_TO = Date.UTC(2006, 11, 31);

/**
 * Birth dates at midnight UTC, 1940–2006: one string per day, shared by every customer born that day (a million
 * customers have only some 24,500 birthdays).
 */
export function birthDates(): (random: SeedRandom) => string {
  const days = new Map<number, string>();
  return (random) => {
    const day = Math.floor(random.msBetween(BIRTH_FROM, BIRTH_TO) / DAY_MS);
    let text = days.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString();
      days.set(day, text);
    }
    return text;
  };
}

export interface Validity {
  activationTime: string | null;
  expirationTime: string | null;
}

const UNBOUNDED: Validity = Object.freeze({ activationTime: null, expirationTime: null });

/** Activation and expiration by the shares of `VALIDITY`, all relative to the reference date `ref`. */
export function validities(ref: number): (random: SeedRandom) => Validity {
  const pastFrom = yearsFrom(ref, -10);
  const farFrom = yearsFrom(ref, 35);
  const farTo = yearsFrom(ref, 55);
  const expiredActivationFrom = yearsFrom(ref, -12);
  const expiredFrom = yearsFrom(ref, -6);
  const expiredTo = yearsFrom(ref, -1);
  return (random) => {
    switch (random.weighted(VALIDITY)) {
      case 'unbounded':
        return UNBOUNDED;
      case 'openEnded':
        return { activationTime: random.isoBetween(pastFrom, ref), expirationTime: null };
      case 'longTerm': {
        const activationTime = random.isoBetween(pastFrom, ref);
        return { activationTime, expirationTime: random.isoBetween(farFrom, farTo) };
      }
      case 'untilFarFuture':
        return { activationTime: null, expirationTime: random.isoBetween(farFrom, farTo) };
      case 'expired': {
        const activationTime = random.chance(0.5) ? random.isoBetween(expiredActivationFrom, expiredFrom) : null;
        return { activationTime, expirationTime: random.isoBetween(expiredFrom, expiredTo) };
      }
      case 'notYetValid': {
        const from = random.msBetween(farFrom, farTo);
        const expirationTime = random.chance(0.5) ? random.isoBetween(yearsFrom(from, 1), yearsFrom(from, 10)) : null;
        return { activationTime: new Date(from).toISOString(), expirationTime };
      }
    }
  };
}
