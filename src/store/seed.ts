/**
 * Seed customers: a pure function of (seed, count, referenceDate), so the same seed gives byte-identical data on
 * any day. Every date is drawn around the fixed reference date, never "now"; a dedicated Faker per call, never the
 * global one. Shares (tables in `seed-shares.ts`):
 *
 * - country 60% Slovak / 40% Czech: locale names, cities, streets, postal codes (`### ##`), phones (+421 / +420),
 *   `address.country` `Slovensko` / `Česko` (the local short name), coordinates in the country's bounding box
 *   (6 decimals), currency EUR / CZK
 * - names in the gender's form (most female surnames end in -ová); 20% typed without diacritics (`Kovacova`), which is
 *   what `Search=ova` finds, since search keeps diacritics significant; gender `Male`/`Female`, 10% null
 * - id: 24 lowercase hex, unique; externalId 50% null, else `EXT-000123` or `crm-123-x7k2` (index inside: unique)
 * - isActive 85%
 * - validity: 30% no dates; 25% activated in the past, open-ended; 20% activated, expiring 2060+; 10% only expiring
 *   2060+; 10% expired (2019–2023); 5% not yet valid (activation 2060–2080)
 * - birthDate 70% (midnight UTC, 1940–2006); email 80%; phone 60%
 * - isCompany 20% (company with CRN, VAT id, tax id, each sometimes null); 5% of individuals are sole traders
 *   (company object, isCompany false); else company null
 * - address 80%, deliveryAddress 15% (coordinates 70% of them, note 10%)
 * - credit 40% zero (currency null), else 0.01–500; creditTransactions 10% have 1–4 entries
 * - cards: 0 (25%), 1 (50%), 2 (18%), 3 (7%); serial `CRD` + 10 digits, unique across all customers; status Valid
 *   85%, Blocked 12% (with reason), Expired 3% (expiration in the past)
 * - creditRate 50% zero, else 0.1–10 (half whole numbers); discountRate 30% zero, 50% round (5–50, mostly 5–30),
 *   20% any 0.5–50
 * - note 25%; meta 20% `{source, loyaltyTier}`, else `{}`; _v 1 (70%), 2–5 (30%)
 */
import { Faker, base, cs_CZ, en, generateMersenne53Randomizer, sk, type LocaleDefinition } from '@faker-js/faker';
import type { StoredCustomer } from '../domain/customer.js';
import { cardMaker, serialNumbers } from './seed-cards.js';
import { COUNTRIES } from './seed-countries.js';
import { birthDates, validities } from './seed-dates.js';
import {
  addresses,
  company,
  credit,
  creditRate,
  creditTransactions,
  discountRate,
  meta,
  soleTraderName,
} from './seed-parts.js';
import { people } from './seed-person.js';
import { buildPools } from './seed-pools.js';
import { seedRandom } from './seed-random.js';
import { SHARES, VERSION } from './seed-shares.js';

export const DEFAULT_REFERENCE_DATE = '2025-01-01T00:00:00.000Z';

export interface SeedOptions {
  seed: number;
  count: number;
  /** The instant every generated date is relative to; default `2025-01-01T00:00:00.000Z`. */
  referenceDate?: string;
}

function checkOptions({ seed, count, referenceDate }: SeedOptions): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be an integer ≥ 0, got ${count}`);
  const ref = Date.parse(referenceDate ?? DEFAULT_REFERENCE_DATE);
  if (Number.isNaN(ref)) throw new RangeError(`referenceDate is not a date: ${referenceDate}`);
  return ref;
}

function seededFaker(locale: LocaleDefinition, seed: number, randomizer = generateMersenne53Randomizer()): Faker {
  const faker = new Faker({ locale: [locale, en, base], randomizer });
  faker.seed(seed);
  return faker;
}

/**
 * `count` customers for `seed`. Two dedicated Fakers per call (Slovak and Czech locale, both seeded with `seed`) fill
 * the name pools; the Slovak one then makes every choice (most through `seedRandom`, which draws from its randomizer
 * as the faker would, only faster), so the output is a pure function of the options.
 */
export function generateCustomers(options: SeedOptions): StoredCustomer[] {
  const ref = checkOptions(options);
  const randomizer = generateMersenne53Randomizer();
  const faker = seededFaker(sk, options.seed, randomizer);
  const random = seedRandom(randomizer);
  const pools = {
    SK: buildPools(faker, COUNTRIES.SK),
    CZ: buildPools(seededFaker(cs_CZ, options.seed), COUNTRIES.CZ),
  };
  const address = { SK: addresses(pools.SK, COUNTRIES.SK), CZ: addresses(pools.CZ, COUNTRIES.CZ) };
  const person = people();
  const validity = validities(ref);
  const birthDate = birthDates();
  const cards = cardMaker(ref, serialNumbers(random));
  const ids = new Set<string>();
  const newId = (): string => {
    let id: string;
    do id = random.hexLower(24);
    while (ids.has(id));
    ids.add(id);
    return id;
  };

  const customers: StoredCustomer[] = [];
  for (let index = 0; index < options.count; index++) {
    const czech = random.chance(SHARES.czech);
    const code = czech ? 'CZ' : 'SK';
    const profile = COUNTRIES[code];
    const names = pools[code];
    const id = newId();
    const externalId = random.chance(SHARES.externalIdNull)
      ? null
      : random.chance(0.5)
        ? `EXT-${String(index + 1).padStart(6, '0')}`
        : ['crm', index + 1, faker.string.alphanumeric({ length: 4, casing: 'lower' })].join('-'); // flat string
    const isActive = random.chance(SHARES.active);
    const { activationTime, expirationTime } = validity(random);
    const who = person(random, names, profile);
    const isCompany = random.chance(SHARES.company);
    const companyName = isCompany
      ? random.pick(names.companies)
      : random.chance(SHARES.soleTrader)
        ? soleTraderName(random, `${who.firstName} ${who.lastName}`, profile)
        : null;
    customers.push({
      id,
      externalId,
      isActive,
      activationTime,
      expirationTime,
      firstName: who.firstName,
      lastName: who.lastName,
      gender: who.gender,
      birthDate: random.chance(SHARES.birthDate) ? birthDate(random) : null,
      email: who.email,
      phone: who.phone,
      isCompany,
      company: companyName === null ? null : company(faker, random, companyName, czech),
      address: random.chance(SHARES.address) ? address[code](random) : null,
      deliveryAddress: random.chance(SHARES.deliveryAddress) ? address[code](random) : null,
      credit: credit(random, profile),
      creditTransactions: creditTransactions(random, ref, profile),
      cards: cards(random, profile),
      creditRate: creditRate(random),
      discountRate: discountRate(random),
      note: random.chance(SHARES.note) ? random.pick(profile.notes) : null,
      meta: meta(random),
      _v: random.weighted(VERSION),
    });
  }
  return customers;
}
