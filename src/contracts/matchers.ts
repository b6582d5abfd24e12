import { childPath, isRecord, jsonEqual, valueAt } from './json-path.js';
import {
  ID,
  JSON_TYPES,
  brief,
  dateWithin,
  fail,
  hasType,
  isNumber,
  leaf,
  lengthOf,
  num,
  type MatcherDef,
} from './matcher-kit.js';
import { compareForSort, parseSortSpec } from './sort-order.js';

/**
 * The matcher vocabulary: an object in an expectation whose members start with `$` is a matcher, and every
 * member must hold. Adding a matcher is adding a row here (the scenario schema is built from this table).
 */
export const MATCHERS = {
  $type: leaf(
    '$type',
    'The JSON type, or one of several: string, number, integer, boolean, object, array, null.',
    { anyOf: [{ enum: JSON_TYPES }, { type: 'array', items: { enum: JSON_TYPES }, minItems: 1 }] },
    (arg, actual) => (Array.isArray(arg) ? arg : [arg]).some((t) => hasType(actual, String(t))),
    (arg) => `a value of type ${Array.isArray(arg) ? arg.join(' or ') : String(arg)}`,
  ),
  $exists: leaf(
    '$exists',
    'true: the member is present (any value, null too); false: the member is absent.',
    { type: 'boolean' },
    (arg, actual) => (actual !== undefined) === arg,
    (arg) => (arg === true ? 'the member to be present' : 'the member to be absent'),
  ),
  $nonEmpty: leaf(
    '$nonEmpty',
    'A non-empty string, array or object.',
    { const: true },
    (_arg, actual) => (lengthOf(actual) ?? 0) > 0,
    () => 'a non-empty value',
  ),
  $id: leaf(
    '$id',
    'Any resource id: 1-64 characters of A-Z a-z 0-9 - _ (covers 24-hex ObjectIds).',
    { const: true },
    (_arg, actual) => typeof actual === 'string' && ID.test(actual),
    () => 'an id',
  ),
  $date: leaf(
    '$date',
    'An ISO 8601 date or date-time; with {after, before}: strictly between those instants.',
    {
      anyOf: [
        { const: true },
        {
          type: 'object',
          properties: { after: { type: 'string' }, before: { type: 'string' } },
          additionalProperties: false,
        },
      ],
    },
    dateWithin,
    (arg) => (isRecord(arg) ? `an ISO 8601 date within ${JSON.stringify(arg)}` : 'an ISO 8601 date'),
  ),
  $regex: leaf(
    '$regex',
    'A string matching this regular expression (JavaScript syntax, unanchored: use ^ and $).',
    { type: 'string', format: 'regex' },
    (arg, actual) => typeof actual === 'string' && new RegExp(String(arg)).test(actual),
    (arg) => `a string matching /${String(arg)}/`,
  ),
  $startsWith: leaf(
    '$startsWith',
    'A string starting with this text.',
    { type: 'string' },
    (arg, actual) => typeof actual === 'string' && actual.startsWith(String(arg)),
    (arg) => `a string starting with ${JSON.stringify(arg)}`,
  ),
  $endsWith: leaf(
    '$endsWith',
    'A string ending with this text.',
    { type: 'string' },
    (arg, actual) => typeof actual === 'string' && actual.endsWith(String(arg)),
    (arg) => `a string ending with ${JSON.stringify(arg)}`,
  ),
  $min: leaf(
    '$min',
    'A number ≥ this.',
    num,
    (a, v) => isNumber(v) && isNumber(a) && v >= a,
    (a) => `a number ≥ ${String(a)}`,
  ),
  $max: leaf(
    '$max',
    'A number ≤ this.',
    num,
    (a, v) => isNumber(v) && isNumber(a) && v <= a,
    (a) => `a number ≤ ${String(a)}`,
  ),
  $gt: leaf(
    '$gt',
    'A number > this.',
    num,
    (a, v) => isNumber(v) && isNumber(a) && v > a,
    (a) => `a number > ${String(a)}`,
  ),
  $lt: leaf(
    '$lt',
    'A number < this.',
    num,
    (a, v) => isNumber(v) && isNumber(a) && v < a,
    (a) => `a number < ${String(a)}`,
  ),
  $in: leaf(
    '$in',
    'Equal to one of these values.',
    { type: 'array', minItems: 1 },
    (arg, actual) => Array.isArray(arg) && arg.some((v) => jsonEqual(v, actual)),
    (arg) => `one of ${JSON.stringify(arg)}`,
  ),
  $eq: leaf(
    '$eq',
    'Exactly this value: no subset match, no matchers inside.',
    {},
    (arg, actual) => jsonEqual(arg, actual),
    (arg) => `exactly ${brief(arg)}`,
  ),
  $ne: leaf(
    '$ne',
    'Present and not equal to this value.',
    {},
    (arg, actual) => actual !== undefined && !jsonEqual(arg, actual),
    (arg) => `a value other than ${brief(arg)}`,
  ),
  $length: {
    description: 'The length of a string or array (or member count of an object) matches this: a number or matchers.',
    arg: { $ref: '#/$defs/expectation' },
    check: (arg, actual, ctx) => {
      const length = lengthOf(actual);
      if (length === undefined)
        return fail(ctx, { $length: arg }, actual, `expected something with a length, got ${brief(actual)}`);
      return ctx.match(arg, length, `${ctx.path}.length`);
    },
  },
  $contains: {
    description: 'A string containing this text, or an array with, for each expected item, some element matching it.',
    arg: {},
    check: (arg, actual, ctx) => {
      if (typeof actual === 'string' && typeof arg === 'string') {
        return actual.includes(arg)
          ? []
          : fail(
              ctx,
              { $contains: arg },
              actual,
              `expected a string containing ${JSON.stringify(arg)}, got ${brief(actual)}`,
            );
      }
      if (!Array.isArray(actual))
        return fail(ctx, { $contains: arg }, actual, `expected an array, got ${brief(actual)}`);
      const wanted = Array.isArray(arg) ? arg : [arg];
      return wanted.flatMap((item, i) =>
        actual.some((element, j) => ctx.match(item, element, childPath(ctx.path, j)).length === 0)
          ? []
          : fail(ctx, item, actual, `no element matches expected item ${i + 1}`),
      );
    },
  },
  $each: {
    description: 'Every element of the array matches this expectation (an empty array passes).',
    arg: { $ref: '#/$defs/expectation' },
    check: (arg, actual, ctx) =>
      Array.isArray(actual)
        ? actual.flatMap((element, i) => ctx.match(arg, element, childPath(ctx.path, i)))
        : fail(ctx, { $each: arg }, actual, `expected an array, got ${brief(actual)}`),
  },
  $sorted: {
    description:
      'The array is ordered: "asc"/"desc" for scalars, or {by: key or [keys], nulls?} for objects; a key may be ' +
      'dotted (company.name) and start with "-" for descending. Strings compare by UTF-16 code unit; null sorts ' +
      'first ascending and last descending unless nulls says otherwise.',
    arg: {
      anyOf: [
        { enum: ['asc', 'desc'] },
        {
          type: 'object',
          required: ['by'],
          additionalProperties: false,
          properties: {
            by: {
              anyOf: [
                { type: 'string', minLength: 1 },
                { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
              ],
            },
            nulls: { enum: ['first', 'last'] },
          },
        },
      ],
    },
    check: (arg, actual, ctx) => {
      if (!Array.isArray(actual)) return fail(ctx, { $sorted: arg }, actual, `expected an array, got ${brief(actual)}`);
      const spec = parseSortSpec(arg);
      for (let i = 1; i < actual.length; i++) {
        if (compareForSort(actual[i - 1], actual[i], spec) > 0) {
          const keys = actual.map((item) =>
            spec.keys.length === 0 ? item : spec.keys.map((k) => valueAt(item, k.path)),
          );
          return fail(
            ctx,
            { $sorted: arg },
            keys,
            `not sorted as ${JSON.stringify(arg)}: element ${i - 1} comes before element ${i}`,
          );
        }
      }
      return [];
    },
  },
  $not: {
    description: 'The value does not match this expectation.',
    arg: { $ref: '#/$defs/expectation' },
    check: (arg, actual, ctx) =>
      ctx.match(arg, actual, ctx.path).length === 0
        ? fail(ctx, { $not: arg }, actual, `expected no match for ${brief(arg)}, got ${brief(actual)}`)
        : [],
  },
  $anyOf: {
    description: 'The value matches at least one of these expectations.',
    arg: { type: 'array', minItems: 1, items: { $ref: '#/$defs/expectation' } },
    check: (arg, actual, ctx) => {
      const options = Array.isArray(arg) ? arg : [];
      return options.some((option) => ctx.match(option, actual, ctx.path).length === 0)
        ? []
        : fail(
            ctx,
            { $anyOf: arg },
            actual,
            `expected one of ${options.length} alternatives to match, got ${brief(actual)}`,
          );
    },
  },
} satisfies Record<`$${string}`, MatcherDef>;

export type MatcherName = keyof typeof MATCHERS;

/** Whether `name` is a matcher of the table. */
export function isMatcherName(name: string): name is MatcherName {
  return Object.hasOwn(MATCHERS, name);
}

export { brief, jsonTypeOf, type MatchContext, type MatcherDef } from './matcher-kit.js';
