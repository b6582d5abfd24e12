import type { Randomizer } from '@faker-js/faker';

/**
 * The seeded faker's draws without its per-call option parsing, intermediate arrays and Date objects (issue 15: a
 * million customers make tens of millions of draws). Each method takes numbers from the faker's randomizer exactly
 * as the faker call named in its comment does (faker 10), so the seed stays byte-identical; the seed hash in
 * `test/store/seed.test.ts` guards that. Calls to the faker itself may be mixed in freely: they share the randomizer.
 */
export interface SeedRandom {
  /** `faker.datatype.boolean(probability)`, for 0 < probability < 1. */
  chance(probability: number): boolean;
  /** `faker.number.int({ min, max })`. */
  int(min: number, max: number): number;
  /** `faker.number.float({ min, max, fractionDigits })`. */
  fixed(min: number, max: number, fractionDigits: number): number;
  /** `faker.helpers.arrayElement(items)`, for a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `faker.helpers.weightedArrayElement(table)`, for a non-empty table of positive weights. */
  weighted<T>(table: readonly { weight: number; value: T }[]): T;
  /** `faker.date.between({ from, to }).getTime()`, for integer epoch-ms bounds. */
  msBetween(from: number, to: number): number;
  /** `faker.date.between({ from, to }).toISOString()`, for integer epoch-ms bounds. */
  isoBetween(from: number, to: number): string;
  /** `faker.string.hexadecimal({ length, casing: 'lower', prefix: '' })`. */
  hexLower(length: number): string;
  /** `faker.helpers.replaceSymbols(pattern)` for a pattern whose only symbol is `#` (one digit). */
  digits(pattern: string): string;
}

// `faker.string.hexadecimal` picks from 22 characters (both cases of a–f), then lowercases.
const HEX_LOWER = [...'0123456789abcdefabcdef'].map((char) => char.charCodeAt(0));
const DIGIT_0 = '0'.charCodeAt(0);
const HASH = '#'.charCodeAt(0);

/** `faker.number.float` turns `fractionDigits` into an integer range scaled by this factor. */
function scaleOf(fractionDigits: number): number {
  const step = 10 ** -fractionDigits;
  const exponent = Math.log10(step);
  return step < 1 && Number.isSafeInteger(exponent) ? 10 ** -exponent : 1 / step;
}

/** Draws from `randomizer`, the one the seeded faker was built with (`new Faker({ randomizer })`). */
export function seedRandom(randomizer: Randomizer): SeedRandom {
  const next = (): number => randomizer.next();
  const scales = new Map<number, number>();
  const totals = new WeakMap<object, number>();

  const int = (min: number, max: number): number => {
    const low = Math.ceil(min);
    const high = Math.floor(max);
    if (low === high) return low;
    if (high < low) throw new RangeError(`no integer between ${min} and ${max}`);
    return Math.floor(next() * (high - low + 1) + low);
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[items.length > 1 ? int(0, items.length - 1) : 0] as T;
  };
  const msBetween = (from: number, to: number): number => {
    if (from > to) throw new RangeError('`from` must not be after `to`');
    return int(from, to);
  };

  return {
    chance: (probability) => next() < probability,
    int,
    fixed(min, max, fractionDigits) {
      let scale = scales.get(fractionDigits);
      if (scale === undefined) {
        scale = scaleOf(fractionDigits);
        scales.set(fractionDigits, scale);
      }
      return int(min * scale, max * scale) / scale;
    },
    pick,
    weighted<T>(table: readonly { weight: number; value: T }[]): T {
      let total = totals.get(table);
      if (total === undefined) {
        total = table.reduce((sum, { weight }) => sum + weight, 0);
        totals.set(table, total);
      }
      const drawn = next() * total;
      let reached = 0;
      for (const { weight, value } of table) {
        reached += weight;
        if (drawn < reached) return value;
      }
      const last = table[table.length - 1];
      if (last === undefined) throw new RangeError('cannot pick from an empty table');
      return last.value;
    },
    msBetween,
    isoBetween: (from, to) => new Date(msBetween(from, to)).toISOString(),
    // Built from character codes in one go: a string grown by `+=` is a chain of pieces, several times larger.
    hexLower(length) {
      const codes = new Array<number>(length);
      for (let i = 0; i < length; i++) codes[i] = pick(HEX_LOWER);
      return String.fromCharCode(...codes);
    },
    digits(pattern) {
      const codes = new Array<number>(pattern.length);
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        codes[i] = code === HASH ? DIGIT_0 + int(0, 9) : code;
      }
      return String.fromCharCode(...codes);
    },
  };
}
