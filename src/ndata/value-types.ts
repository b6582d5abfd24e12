import { readDate } from '../dates/read-date.js';

/**
 * The value types of NData filter members: how an argument's text becomes a value, once, in the parser.
 * DateTime values are epoch milliseconds, so they compare like decimals.
 */
export const VALUE_TYPES = {
  decimal: { parse: parseDecimal },
  bool: { parse: parseBool },
  DateTime: { parse: readDate },
  string: { parse: (text: string): string => text },
} as const satisfies Record<string, { parse: (text: string) => number | boolean | string | undefined }>;

export type ValueType = keyof typeof VALUE_TYPES;

/** The parsed value of each type. */
export type ValueOf<T extends ValueType> = Exclude<ReturnType<(typeof VALUE_TYPES)[T]['parse']>, undefined>;

/** Any parsed argument or column value. */
export type Value = ValueOf<ValueType>;

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Invariant-culture decimal (`.` separator, optional sign, no exponent); undefined when not one. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** `true` / `false` in any case; undefined otherwise. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}
