import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Faker, base, generateMersenne53Randomizer } from '@faker-js/faker';
import { type SeedRandom, seedRandom } from '../../src/store/seed-random.js';

const WEIGHTS = [
  { weight: 5, value: 'a' },
  { weight: 0.5, value: 'b' },
  { weight: 3, value: 'c' },
];
const LETTERS = ['x', 'y', 'z', 'w', 'v'];

/** Each fast draw next to the faker call it stands for; both must give the same values and leave the same state. */
const CASES: { name: string; fast: (r: SeedRandom) => unknown; faker: (f: Faker) => unknown }[] = [
  { name: 'chance', fast: (r) => r.chance(0.3), faker: (f) => f.datatype.boolean(0.3) },
  { name: 'int', fast: (r) => r.int(1, 199), faker: (f) => f.number.int({ min: 1, max: 199 }) },
  {
    name: 'int, huge range',
    fast: (r) => r.int(0, 9_999_999_999),
    faker: (f) => f.number.int({ min: 0, max: 9_999_999_999 }),
  },
  {
    name: 'fixed 2',
    fast: (r) => r.fixed(0.1, 10, 2),
    faker: (f) => f.number.float({ min: 0.1, max: 10, fractionDigits: 2 }),
  },
  {
    name: 'fixed 2, negative',
    fast: (r) => r.fixed(-100, 200, 2),
    faker: (f) => f.number.float({ min: -100, max: 200, fractionDigits: 2 }),
  },
  {
    name: 'fixed 6',
    fast: (r) => r.fixed(47.73, 49.61, 6),
    faker: (f) => f.number.float({ min: 47.73, max: 49.61, fractionDigits: 6 }),
  },
  { name: 'pick', fast: (r) => r.pick(LETTERS), faker: (f) => f.helpers.arrayElement(LETTERS) },
  { name: 'pick of one', fast: (r) => r.pick(['only']), faker: (f) => f.helpers.arrayElement(['only']) },
  { name: 'weighted', fast: (r) => r.weighted(WEIGHTS), faker: (f) => f.helpers.weightedArrayElement(WEIGHTS) },
  {
    name: 'msBetween',
    fast: (r) => r.msBetween(-946_684_800_000, 1_735_689_600_000),
    faker: (f) => f.date.between({ from: -946_684_800_000, to: 1_735_689_600_000 }).getTime(),
  },
  {
    name: 'isoBetween',
    fast: (r) => r.isoBetween(0, 4_102_444_800_000),
    faker: (f) => f.date.between({ from: 0, to: 4_102_444_800_000 }).toISOString(),
  },
  {
    name: 'hexLower',
    fast: (r) => r.hexLower(24),
    faker: (f) => f.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' }),
  },
  {
    name: 'digits',
    fast: (r) => r.digits('+421 9## ### ###'),
    faker: (f) => f.helpers.replaceSymbols('+421 9## ### ###'),
  },
];

for (const { name, fast, faker } of CASES) {
  test(`seedRandom ${name} draws as the faker call does`, () => {
    const randomizer = generateMersenne53Randomizer();
    randomizer.seed(99);
    const random = seedRandom(randomizer);
    const reference = new Faker({ locale: [base] });
    reference.seed(99);
    for (let i = 0; i < 500; i++) assert.deepEqual(fast(random), faker(reference), `draw ${i}`);
    assert.equal(randomizer.next(), reference.number.float(), 'the same state afterwards');
  });
}
