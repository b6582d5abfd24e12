import type { CustomerCard } from '../domain/customer.js';
import type { CountryProfile } from './seed-countries.js';
import { yearsFrom } from './seed-dates.js';
import { EMPTY_CARD_META } from './seed-parts.js';
import type { SeedRandom } from './seed-random.js';
import { CARD_COUNT, CARD_PROCESSOR, CARD_SHARES, CARD_STATUS } from './seed-shares.js';

const SERIAL_SPACE = 10_000_000_000; // 10 digits
const SERIAL_STEP = 2_654_435_761; // odd and not a multiple of 5, so coprime to 10^10

/**
 * `head + tail` as one flat string: joined with `+` (13 characters or more) V8 keeps a pair of pointers to both
 * parts, twice the memory for a million cards.
 */
function flat(head: string, tail: string): string {
  return [head, tail].join('');
}

/**
 * Card serial numbers `CRD` + 10 digits that look random but never repeat within one call: the n-th card gets
 * `(offset + n · step) mod 10^10`, which is a permutation of the 10-digit space because the step is coprime to
 * 10^10; the offset comes from the seeded randomizer.
 */
export function serialNumbers(random: SeedRandom): () => string {
  let value = random.int(0, SERIAL_SPACE - 1);
  return () => {
    const serial = flat('CRD', String(value).padStart(10, '0'));
    value = (value + SERIAL_STEP) % SERIAL_SPACE;
    return serial;
  };
}

const NO_CARDS = Object.freeze([]) as readonly CustomerCard[] as CustomerCard[];

/** 0–3 cards by the shares of `CARD_COUNT`, all dates relative to the reference date `ref`. */
export function cardMaker(
  ref: number,
  nextSerial: () => string,
): (random: SeedRandom, profile: CountryProfile) => CustomerCard[] {
  const expiredFrom = yearsFrom(ref, -5);
  const expiredTo = yearsFrom(ref, -1);
  const farFrom = yearsFrom(ref, 35);
  const farTo = yearsFrom(ref, 55);
  const blockedFrom = yearsFrom(ref, -3);
  const activationFrom = yearsFrom(ref, -6);

  function card(random: SeedRandom, profile: CountryProfile, serialNumber: string): CustomerCard {
    const status = random.weighted(CARD_STATUS);
    const expirationTime =
      status === 'Expired'
        ? random.isoBetween(expiredFrom, expiredTo)
        : random.chance(CARD_SHARES.expirationFuture)
          ? random.isoBetween(farFrom, farTo)
          : null;
    const blocked = status === 'Blocked';
    return {
      externalId: random.chance(CARD_SHARES.externalId) ? flat('EC-', serialNumber.slice(3)) : null,
      isActive: status === 'Valid' && random.chance(CARD_SHARES.active),
      isVirtual: random.chance(CARD_SHARES.virtual),
      serialNumber,
      processor: random.weighted(CARD_PROCESSOR),
      status,
      statusTime: blocked ? random.isoBetween(blockedFrom, ref) : status === 'Expired' ? expirationTime : null,
      statusReason: blocked ? random.pick(profile.cardBlockReasons) : null,
      activationTime: random.chance(CARD_SHARES.activationTime) ? random.isoBetween(activationFrom, expiredTo) : null,
      expirationTime,
      note: random.chance(CARD_SHARES.note) ? random.pick(profile.cardNotes) : null,
      meta: random.chance(CARD_SHARES.meta) ? EMPTY_CARD_META : null,
    };
  }

  return (random, profile) => {
    const count = random.weighted(CARD_COUNT);
    if (count === 0) return NO_CARDS;
    return Array.from({ length: count }, () => card(random, profile, nextSerial()));
  };
}
