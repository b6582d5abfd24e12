import type { Faker } from '@faker-js/faker';
import type { CountryProfile } from './seed-countries.js';

/**
 * Values drawn once per call from a seeded locale faker, then picked from with the main seeded faker: far faster
 * than asking the locale for every customer, and still deterministic.
 */
export interface NamePools {
  firstNames: { female: readonly string[]; male: readonly string[] };
  lastNames: { female: readonly string[]; male: readonly string[] };
  cities: readonly string[];
  streets: readonly string[];
  postalCodes: readonly string[];
  companies: readonly string[];
}

const POOL_SIZE = 1000;

function draw(size: number, make: () => string): string[] {
  return Array.from({ length: size }, make);
}

export function buildPools(locale: Faker, profile: CountryProfile): NamePools {
  return {
    firstNames: {
      female: draw(POOL_SIZE, () => locale.person.firstName('female')),
      male: draw(POOL_SIZE, () => locale.person.firstName('male')),
    },
    lastNames: {
      female: draw(POOL_SIZE, () => locale.person.lastName('female')),
      male: draw(POOL_SIZE, () => locale.person.lastName('male')),
    },
    cities: draw(POOL_SIZE, () => locale.location.city()),
    streets: draw(POOL_SIZE, () => locale.location.street()),
    postalCodes: draw(POOL_SIZE, () =>
      locale.location.zipCode(locale.helpers.arrayElement(profile.postalCodePatterns)),
    ),
    companies: draw(POOL_SIZE, () => locale.company.name()),
  };
}
