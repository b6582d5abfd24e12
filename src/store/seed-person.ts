import { Faker, base } from '@faker-js/faker';
import type { CountryProfile } from './seed-countries.js';
import type { NamePools } from './seed-pools.js';
import type { SeedRandom } from './seed-random.js';
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

/**
 * `faker.internet.username` spells a name in ASCII (decomposed, marks dropped, other letters transliterated) one
 * character at a time. A faker whose randomizer always returns 0 picks `first.last0` with an empty last name, so
 * `first.0`: its spelling of `first` is all but the last two characters.
 */
function asciiSpelling(): (name: string) => string {
  const zero = new Faker({ locale: [base], randomizer: { next: () => 0, seed: () => {} } });
  const spelled = new Map<string, string>();
  return (name) => {
    let text = spelled.get(name);
    if (text === undefined) {
      text = zero.internet.username({ firstName: name, lastName: '' }).slice(0, -2);
      spelled.set(name, text);
    }
    return text;
  };
}

/**
 * `faker.internet.email({ firstName, lastName, provider })` (faker 10), with each name spelled once: the same draws
 * (separator, number 0–99, whether to append it) and the same clean-up of the joined user name.
 */
function emails(): (random: SeedRandom, firstName: string, lastName: string, provider: string) => string {
  const spell = asciiSpelling();
  return (random, firstName, lastName, provider) => {
    const separator = random.pick(SEPARATORS);
    const number = random.int(0, 99);
    const withNumber = random.int(0, 1) === 0;
    let user = `${spell(firstName)}${separator}${spell(lastName)}${withNumber ? number : ''}`;
    user = user.replaceAll(/[^A-Za-z0-9._+-]+/g, '').substring(0, 50);
    user = user
      .replaceAll(/\.{2,}/g, '.')
      .replace(/^\./, '')
      .replace(/\.$/, '');
    return `${user}@${provider}`;
  };
}
const SEPARATORS = ['.', '_'] as const;

/**
 * Names in the right gender form (female surnames mostly end in -ová), with optional contact details. The names
 * typed without diacritics are made once per pool name and shared.
 */
export function people(): (random: SeedRandom, pools: NamePools, profile: CountryProfile) => Person {
  const plain = new Map<string, string>();
  const typedPlain = (name: string): string => {
    let text = plain.get(name);
    if (text === undefined) {
      text = withoutDiacritics(name);
      plain.set(name, text);
    }
    return text;
  };
  const email = emails();
  return (random, pools, profile) => {
    const sex = random.chance(SHARES.female) ? 'female' : 'male';
    let firstName = random.pick(pools.firstNames[sex]);
    let lastName = random.pick(pools.lastNames[sex]);
    if (random.chance(SHARES.typedWithoutDiacritics)) {
      firstName = typedPlain(firstName);
      lastName = typedPlain(lastName);
    }
    const gender = random.chance(SHARES.genderNull) ? null : sex === 'female' ? 'Female' : 'Male';
    // The user name is ASCII already (spelled, then cleaned to `[A-Za-z0-9._+-]`) and so are the providers: the
    // diacritics step the seed applies to every email changes nothing here, so only the lowercasing remains.
    const address = random.chance(SHARES.email)
      ? email(random, firstName, lastName, random.pick(profile.emailProviders)).toLowerCase()
      : null;
    const phone = random.chance(SHARES.phone) ? random.digits(random.pick(profile.phonePatterns)) : null;
    return { firstName, lastName, gender, email: address, phone };
  };
}
