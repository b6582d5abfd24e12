import type { Faker } from '@faker-js/faker';
import type { CountryProfile } from './seed-countries.js';
import type { NamePools } from './seed-pools.js';
import { SHARES } from './seed-shares.js';

export interface Person {
  firstName: string;
  lastName: string;
  gender: string | null;
  email: string | null;
  phone: string | null;
}

/** `Kováčová` → `Kovacova`. */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A name in the right gender form (female surnames mostly end in -ová), with optional contact details. */
export function person(faker: Faker, pools: NamePools, profile: CountryProfile): Person {
  const sex = faker.datatype.boolean(SHARES.female) ? 'female' : 'male';
  let firstName = faker.helpers.arrayElement(pools.firstNames[sex]);
  let lastName = faker.helpers.arrayElement(pools.lastNames[sex]);
  if (faker.datatype.boolean(SHARES.typedWithoutDiacritics)) {
    firstName = withoutDiacritics(firstName);
    lastName = withoutDiacritics(lastName);
  }
  const gender = faker.datatype.boolean(SHARES.genderNull) ? null : sex === 'female' ? 'Female' : 'Male';
  const email = faker.datatype.boolean(SHARES.email)
    ? withoutDiacritics(
        faker.internet.email({ firstName, lastName, provider: faker.helpers.arrayElement(profile.emailProviders) }),
      ).toLowerCase()
    : null;
  const phone = faker.datatype.boolean(SHARES.phone)
    ? faker.helpers.replaceSymbols(faker.helpers.arrayElement(profile.phonePatterns))
    : null;
  return { firstName, lastName, gender, email, phone };
}
