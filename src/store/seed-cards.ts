import type { Faker } from '@faker-js/faker';
import type { CustomerCard } from '../domain/customer.js';
import type { CountryProfile } from './seed-countries.js';
import { isoBetween, yearsFrom } from './seed-dates.js';
import { CARD_COUNT, CARD_PROCESSOR, CARD_SHARES, CARD_STATUS } from './seed-shares.js';

const SERIAL_SPACE = 10_000_000_000; // 10 digits
const SERIAL_STEP = 2_654_435_761; // odd and not a multiple of 5, so coprime to 10^10

/**
 * Card serial numbers `CRD` + 10 digits that look random but never repeat within one call: the n-th card gets
 * `(offset + n · step) mod 10^10`, which is a permutation of the 10-digit space because the step is coprime to
 * 10^10; the offset comes from the seeded faker.
 */
export function serialNumbers(faker: Faker): () => string {
  let value = faker.number.int({ min: 0, max: SERIAL_SPACE - 1 });
  return () => {
    const serial = `CRD${String(value).padStart(10, '0')}`;
    value = (value + SERIAL_STEP) % SERIAL_SPACE;
    return serial;
  };
}

function card(faker: Faker, ref: number, profile: CountryProfile, serialNumber: string): CustomerCard {
  const status = faker.helpers.weightedArrayElement(CARD_STATUS);
  const expirationTime =
    status === 'Expired'
      ? isoBetween(faker, yearsFrom(ref, -5), yearsFrom(ref, -1))
      : faker.datatype.boolean(CARD_SHARES.expirationFuture)
        ? isoBetween(faker, yearsFrom(ref, 35), yearsFrom(ref, 55))
        : null;
  const blocked = status === 'Blocked';
  return {
    externalId: faker.datatype.boolean(CARD_SHARES.externalId) ? `EC-${serialNumber.slice(3)}` : null,
    isActive: status === 'Valid' && faker.datatype.boolean(CARD_SHARES.active),
    isVirtual: faker.datatype.boolean(CARD_SHARES.virtual),
    serialNumber,
    processor: faker.helpers.weightedArrayElement(CARD_PROCESSOR),
    status,
    statusTime: blocked ? isoBetween(faker, yearsFrom(ref, -3), ref) : status === 'Expired' ? expirationTime : null,
    statusReason: blocked ? faker.helpers.arrayElement(profile.cardBlockReasons) : null,
    activationTime: faker.datatype.boolean(CARD_SHARES.activationTime)
      ? isoBetween(faker, yearsFrom(ref, -6), yearsFrom(ref, -1))
      : null,
    expirationTime,
    note: faker.datatype.boolean(CARD_SHARES.note) ? faker.helpers.arrayElement(profile.cardNotes) : null,
    meta: faker.datatype.boolean(CARD_SHARES.meta) ? {} : null,
  };
}

/** 0–3 cards by the shares of `CARD_COUNT`. */
export function cards(faker: Faker, ref: number, profile: CountryProfile, nextSerial: () => string): CustomerCard[] {
  const count = faker.helpers.weightedArrayElement(CARD_COUNT);
  return Array.from({ length: count }, () => card(faker, ref, profile, nextSerial()));
}
