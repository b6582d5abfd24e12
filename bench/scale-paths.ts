// The varying queries of the scale section (issue 15): each request draws one of thousands of paths, so the
// answer cache rarely helps even when it is on.

/** A deterministic pseudo-random stream (mulberry32), so every run asks the same queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;

const SORTS = [
  'lastName,-discountRate',
  '-creditRate,lastName',
  'discountRate,firstName',
  '-lastName',
  'firstName,lastName',
  'credit.amount,lastName',
  '-birthDate',
  'email',
];
const ACTIVE = ['', '&IsActive=true', '&IsActive=false'];

/**
 * Filtered, sorted pages of 50: a DiscountRate range whose bounds vary, one of 8 sorts (several keys), `$skip`
 * 0 to 200, with and without IsActive.
 */
export function filteredPages(count = 5000): string[] {
  const next = random(15);
  return Array.from({ length: count }, () => {
    const low = Math.floor(next() * 40);
    const high = low + 5 + Math.floor(next() * 25);
    const skip = 50 * Math.floor(next() * 5);
    return `/customers?DiscountRate=gte:${low};lte:${high}${pick(next, ACTIVE)}&$sort=${pick(next, SORTS)}&$skip=${skip}&$take=50`;
  });
}

const TERMS = ['ova', 'kov', 'nov', 'ska', 'mar', 'jan', 'pet', 'eva', 'ann', 'tom', 'mic', 'luk', 'ko', 'ar', 'ha'];

/** `Search` pages of 20 (`$skip` 0 to 80) and `Search` counts (`$count=true`), over 15 terms. */
export function searchPages(count = 2000): string[] {
  const next = random(26);
  return Array.from({ length: count }, () => {
    const term = pick(next, TERMS);
    return next() < 0.5
      ? `/customers?Search=${term}&$count=true`
      : `/customers?Search=${term}&$skip=${20 * Math.floor(next() * 5)}&$take=20`;
  });
}

/** `GET /customers/{id}` over the given ids. */
export function byIdPaths(ids: readonly string[]): string[] {
  return ids.map((id) => `/customers/${encodeURIComponent(id)}`);
}
