/**
 * The shares of the generated seed data, as one table (see the overview in `seed.ts`). A share is the
 * probability that one customer (or card) gets the feature; weighted tables pick one of several kinds.
 */
export const SHARES = {
  czech: 0.4, // the rest are Slovak
  externalIdNull: 0.5,
  active: 0.85,
  female: 0.5,
  genderNull: 0.1,
  typedWithoutDiacritics: 0.2, // names entered on a keyboard without diacritics: `Kovacova`, matched by `Search=ova`
  birthDate: 0.7,
  email: 0.8,
  phone: 0.6,
  company: 0.2, // isCompany true, with a company object
  soleTrader: 0.05, // of the individuals: a company object with a sole-trader name
  address: 0.8,
  deliveryAddress: 0.15,
  coordinates: 0.7, // of the addresses
  addressNote: 0.1, // of the addresses
  creditZero: 0.4,
  creditTransactions: 0.1,
  creditRateZero: 0.5,
  note: 0.25,
  meta: 0.2, // `{source, loyaltyTier}`, else `{}`
} as const;

/**
 * When a customer is valid, relative to the reference date R. Expired dates lie years before R and far-future ones
 * decades after it, so the status derived from the real clock stays the same for decades.
 */
export const VALIDITY = [
  { weight: 30, value: 'unbounded' }, // both null
  { weight: 25, value: 'openEnded' }, // activation R-10y..R, no expiration
  { weight: 20, value: 'longTerm' }, // activation R-10y..R, expiration R+35y..R+55y (2060+)
  { weight: 10, value: 'untilFarFuture' }, // no activation, expiration R+35y..R+55y
  { weight: 10, value: 'expired' }, // expiration R-6y..R-1y (2019–2023), activation null or before it
  { weight: 5, value: 'notYetValid' }, // activation R+35y..R+55y (2060–2080), expiration null or after it
] as const;
export type ValidityKind = (typeof VALIDITY)[number]['value'];

export const CARD_COUNT = [
  { weight: 25, value: 0 },
  { weight: 50, value: 1 },
  { weight: 18, value: 2 },
  { weight: 7, value: 3 },
] as const;

export const CARD_STATUS = [
  { weight: 85, value: 'Valid' },
  { weight: 12, value: 'Blocked' },
  { weight: 3, value: 'Expired' },
] as const;

export const CARD_PROCESSOR = [
  { weight: 90, value: 'P' },
  { weight: 7, value: 'E' },
  { weight: 3, value: null },
] as const;

/** Card members: probability of being set / true. */
export const CARD_SHARES = {
  externalId: 0.5,
  active: 0.9, // of `Valid` cards; other cards are inactive
  virtual: 0.3,
  activationTime: 0.7,
  expirationFuture: 0.25, // of cards not `Expired` (2060+), else null; `Expired` cards expired R-5y..R-1y
  note: 0.1,
  meta: 0.2, // `{}`, else null
} as const;

/** Discount rate: 0, a round percentage, or any 2-decimal value up to 50. */
export const DISCOUNT = [
  { weight: 30, value: 'zero' },
  { weight: 50, value: 'round' },
  { weight: 20, value: 'decimal' },
] as const;
export const ROUND_DISCOUNTS = [5, 5, 10, 10, 10, 15, 20, 20, 25, 30, 40, 50] as const;

export const VERSION = [
  { weight: 70, value: 1 },
  { weight: 15, value: 2 },
  { weight: 8, value: 3 },
  { weight: 4, value: 4 },
  { weight: 3, value: 5 },
] as const;

export const META_SOURCES = ['import', 'eshop', 'pos'] as const;
export const LOYALTY_TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
