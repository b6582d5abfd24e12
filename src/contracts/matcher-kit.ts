import type { Mismatch } from './finding.js';
import { isRecord } from './json-path.js';

// Building blocks of the MATCHERS table: JSON types, short renderings of values, and leaf matchers.

/** What a matcher gets besides its argument: where it is, and the matcher for nested expectations. */
export interface MatchContext {
  path: string;
  match(expected: unknown, actual: unknown, path: string): Mismatch[];
}

/** One matcher: a description (shown by editors), the JSON Schema of its argument, and the check. */
export interface MatcherDef {
  description: string;
  arg: Record<string, unknown>;
  check(arg: unknown, actual: unknown, ctx: MatchContext): Mismatch[];
}

export const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] as const;
export type JsonType = (typeof JSON_TYPES)[number];

export const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** JSON type of a value in JSON Schema words (`integer` counts as `number` too). */
export function jsonTypeOf(value: unknown): JsonType | 'missing' {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : (typeof value as 'string' | 'boolean');
}

export function hasType(value: unknown, type: string): boolean {
  const actual = jsonTypeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Renders an actual value briefly for a message. */
export function brief(value: unknown): string {
  if (value === undefined) return 'nothing (member missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function fail(ctx: MatchContext, expected: unknown, actual: unknown, message: string): Mismatch[] {
  return [{ path: ctx.path, message, expected, actual }];
}

/** A leaf matcher: `test` decides, `wanted` says in words what was expected. */
export function leaf(
  name: string,
  description: string,
  arg: Record<string, unknown>,
  test: (arg: unknown, actual: unknown) => boolean,
  wanted: (arg: unknown) => string,
): MatcherDef {
  return {
    description,
    arg,
    check: (a, actual, ctx) =>
      test(a, actual) ? [] : fail(ctx, { [name]: a }, actual, `expected ${wanted(a)}, got ${brief(actual)}`),
  };
}

export const isNumber = (v: unknown): v is number => typeof v === 'number';
export const num = { type: 'number' };

export function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  return isRecord(value) ? Object.keys(value).length : undefined;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && Number.isFinite(Date.parse(value));
}

export function dateWithin(arg: unknown, actual: unknown): boolean {
  if (!isIsoDate(actual)) return false;
  if (!isRecord(arg)) return true;
  const at = Date.parse(actual);
  const after = typeof arg['after'] === 'string' ? Date.parse(arg['after']) : undefined;
  const before = typeof arg['before'] === 'string' ? Date.parse(arg['before']) : undefined;
  return (after === undefined || at > after) && (before === undefined || at < before);
}
