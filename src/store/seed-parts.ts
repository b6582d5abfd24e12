import type { Faker } from '@faker-js/faker';
import type { Address, Company, Credit, CreditTransaction, Meta } from '../domain/customer.js';
import type { CountryProfile } from './seed-countries.js';
import { isoBetween, yearsFrom } from './seed-dates.js';
import type { NamePools } from './seed-pools.js';
import { DISCOUNT, LOYALTY_TIERS, META_SOURCES, ROUND_DISCOUNTS, SHARES } from './seed-shares.js';

function money(faker: Faker, min: number, max: number): number {
  return faker.number.float({ min, max, fractionDigits: 2 });
}

export function address(faker: Faker, pools: NamePools, profile: CountryProfile): Address {
  const { box } = profile;
  return {
    street: `${faker.helpers.arrayElement(pools.streets)} ${faker.number.int({ min: 1, max: 199 })}`,
    city: faker.helpers.arrayElement(pools.cities),
    postalCode: faker.helpers.arrayElement(pools.postalCodes),
    country: profile.country,
    coordinates: faker.datatype.boolean(SHARES.coordinates)
      ? {
          latitude: faker.number.float({ min: box.minLat, max: box.maxLat, fractionDigits: 6 }),
          longitude: faker.number.float({ min: box.minLon, max: box.maxLon, fractionDigits: 6 }),
        }
      : null,
    note: faker.datatype.boolean(SHARES.addressNote) ? faker.helpers.arrayElement(profile.addressNotes) : null,
  };
}

/**
 * A company: CRN 8 digits, tax id 10 digits, VAT id (a quarter are not VAT payers) `SK` + the tax id or `CZ` + the
 * CRN, as the two countries build them; CRN and tax id are missing now and then.
 */
export function company(faker: Faker, name: string, czech: boolean): Company {
  const crn = faker.datatype.boolean(0.95) ? faker.string.numeric(8) : null;
  const taxId = faker.datatype.boolean(0.95) ? faker.string.numeric({ length: 10, allowLeadingZeros: false }) : null;
  const vatDigits = czech
    ? (crn ?? faker.string.numeric({ length: { min: 8, max: 10 } }))
    : (taxId ?? faker.string.numeric(10));
  const vatId = faker.datatype.boolean(0.75) ? `${czech ? 'CZ' : 'SK'}${vatDigits}` : null;
  return { name, crn, vatId, taxId };
}

export function soleTraderName(faker: Faker, fullName: string, profile: CountryProfile): string {
  return `${fullName} – ${faker.helpers.arrayElement(profile.trades)}`;
}

export function credit(faker: Faker, profile: CountryProfile): Credit {
  if (faker.datatype.boolean(SHARES.creditZero)) return { amount: 0, currencyLabel: null };
  return { amount: money(faker, 0.01, 500), currencyLabel: profile.currency };
}

/** Mostly none; else 1–4 free-form entries (the API does not document their fields). */
export function creditTransactions(faker: Faker, ref: number, profile: CountryProfile): CreditTransaction[] {
  if (!faker.datatype.boolean(SHARES.creditTransactions)) return [];
  return Array.from({ length: faker.number.int({ min: 1, max: 4 }) }, () => ({
    id: faker.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' }),
    amount: money(faker, -100, 200),
    time: isoBetween(faker, yearsFrom(ref, -2), ref),
    note: faker.datatype.boolean(0.5) ? faker.helpers.arrayElement(profile.transactionNotes) : null,
  }));
}

export function creditRate(faker: Faker): number {
  if (faker.datatype.boolean(SHARES.creditRateZero)) return 0;
  return faker.datatype.boolean(0.5) ? faker.number.int({ min: 1, max: 10 }) : money(faker, 0.1, 10);
}

export function discountRate(faker: Faker): number {
  switch (faker.helpers.weightedArrayElement(DISCOUNT)) {
    case 'zero':
      return 0;
    case 'round':
      return faker.helpers.arrayElement(ROUND_DISCOUNTS);
    case 'decimal':
      return money(faker, 0.5, 50);
  }
}

export function meta(faker: Faker): Meta {
  if (!faker.datatype.boolean(SHARES.meta)) return {};
  return {
    source: faker.helpers.arrayElement(META_SOURCES),
    loyaltyTier: faker.helpers.arrayElement(LOYALTY_TIERS),
  };
}
