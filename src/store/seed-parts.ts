import type { Faker } from '@faker-js/faker';
import type { Address, Company, Credit, CreditTransaction, Meta } from '../domain/customer.js';
import type { CountryProfile } from './seed-countries.js';
import { yearsFrom } from './seed-dates.js';
import type { NamePools } from './seed-pools.js';
import type { SeedRandom } from './seed-random.js';
import { DISCOUNT, LOYALTY_TIERS, META_SOURCES, ROUND_DISCOUNTS, SHARES } from './seed-shares.js';

// Values many customers have alike are shared, frozen objects: stored customers are never changed in place (a write
// stores a new object), and a million customers then do not carry a million copies.
const EMPTY_META: Meta = Object.freeze({});
const NO_TRANSACTIONS = Object.freeze([]) as readonly CreditTransaction[] as CreditTransaction[];
const NO_CREDIT: Credit = Object.freeze({ amount: 0, currencyLabel: null });

/** Street names with house numbers, one string per pair, shared by every address on it. */
function streets(pools: NamePools): (random: SeedRandom) => string {
  const made = new Map<string, string[]>();
  return (random) => {
    const name = random.pick(pools.streets);
    const number = random.int(1, 199);
    let numbers = made.get(name);
    if (numbers === undefined) {
      numbers = [];
      made.set(name, numbers);
    }
    let street = numbers[number];
    if (street === undefined) {
      street = [name, number].join(' '); // flat, not a pair of pointers
      numbers[number] = street;
    }
    return street;
  };
}

/** Addresses in one country, with street strings shared between the customers of one call. */
export function addresses(pools: NamePools, profile: CountryProfile): (random: SeedRandom) => Address {
  const { box } = profile;
  const street = streets(pools);
  return (random) => ({
    street: street(random),
    city: random.pick(pools.cities),
    postalCode: random.pick(pools.postalCodes),
    country: profile.country,
    coordinates: random.chance(SHARES.coordinates)
      ? { latitude: random.fixed(box.minLat, box.maxLat, 6), longitude: random.fixed(box.minLon, box.maxLon, 6) }
      : null,
    note: random.chance(SHARES.addressNote) ? random.pick(profile.addressNotes) : null,
  });
}

/**
 * A company: CRN 8 digits, tax id 10 digits, VAT id (a quarter are not VAT payers) `SK` + the tax id or `CZ` + the
 * CRN, as the two countries build them; CRN and tax id are missing now and then.
 */
export function company(faker: Faker, random: SeedRandom, name: string, czech: boolean): Company {
  const crn = random.chance(0.95) ? faker.string.numeric(8) : null;
  const taxId = random.chance(0.95) ? faker.string.numeric({ length: 10, allowLeadingZeros: false }) : null;
  const vatDigits = czech
    ? (crn ?? faker.string.numeric({ length: { min: 8, max: 10 } }))
    : (taxId ?? faker.string.numeric(10));
  const vatId = random.chance(0.75) ? `${czech ? 'CZ' : 'SK'}${vatDigits}` : null;
  return { name, crn, vatId, taxId };
}

export function soleTraderName(random: SeedRandom, fullName: string, profile: CountryProfile): string {
  return `${fullName} – ${random.pick(profile.trades)}`;
}

export function credit(random: SeedRandom, profile: CountryProfile): Credit {
  if (random.chance(SHARES.creditZero)) return NO_CREDIT;
  return { amount: random.fixed(0.01, 500, 2), currencyLabel: profile.currency };
}

/** Mostly none; else 1–4 free-form entries (the API does not document their fields). */
export function creditTransactions(random: SeedRandom, ref: number, profile: CountryProfile): CreditTransaction[] {
  if (!random.chance(SHARES.creditTransactions)) return NO_TRANSACTIONS;
  const from = yearsFrom(ref, -2);
  return Array.from({ length: random.int(1, 4) }, () => ({
    id: random.hexLower(24),
    amount: random.fixed(-100, 200, 2),
    time: random.isoBetween(from, ref),
    note: random.chance(0.5) ? random.pick(profile.transactionNotes) : null,
  }));
}

export function creditRate(random: SeedRandom): number {
  if (random.chance(SHARES.creditRateZero)) return 0;
  return random.chance(0.5) ? random.int(1, 10) : random.fixed(0.1, 10, 2);
}

export function discountRate(random: SeedRandom): number {
  switch (random.weighted(DISCOUNT)) {
    case 'zero':
      return 0;
    case 'round':
      return random.pick(ROUND_DISCOUNTS);
    case 'decimal':
      return random.fixed(0.5, 50, 2);
  }
}

/** `{}` (shared) or `{source, loyaltyTier}`. */
export function meta(random: SeedRandom): Meta {
  if (!random.chance(SHARES.meta)) return EMPTY_META;
  return { source: random.pick(META_SOURCES), loyaltyTier: random.pick(LOYALTY_TIERS) };
}

/** The shared empty `meta` of cards that have one. */
export const EMPTY_CARD_META: Meta = EMPTY_META;
