import type { Mismatch } from './finding.js';
import { childPath, isRecord } from './json-path.js';
import { MATCHERS, brief, isMatcherName, jsonTypeOf } from './matchers.js';

/** A member name starting with `$$` stands for a literal member starting with `$`. */
export function unescapeKey(key: string): string {
  return key.startsWith('$$') ? key.slice(1) : key;
}

/** Whether an expectation object is a matcher (its members start with a single `$`). */
export function isMatcherObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$') && !k.startsWith('$$'));
}

/**
 * Matches `actual` against an expectation: a scalar must be equal; an object is a subset (every expected member
 * must match, others are ignored); an array must have the same length and match element by element; a matcher
 * object applies every matcher it names. Returns every mismatch, each at its own path.
 */
export function matchValue(expected: unknown, actual: unknown, path: string): Mismatch[] {
  if (isMatcherObject(expected)) {
    const ctx = { path, match: matchValue };
    return Object.entries(expected).flatMap(([name, arg]) =>
      isMatcherName(name)
        ? MATCHERS[name].check(arg, actual, ctx)
        : [{ path, message: `unknown matcher ${name}`, expected, actual }],
    );
  }
  if (actual === undefined) return [{ path, message: 'member missing', expected, actual }];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, message: `expected an array, got ${brief(actual)}`, expected, actual }];
    const problems = expected.flatMap((item, i) =>
      i < actual.length ? matchValue(item, actual[i], childPath(path, i)) : [],
    );
    if (actual.length !== expected.length) {
      problems.unshift({
        path,
        message: `expected ${expected.length} elements, got ${actual.length}`,
        expected,
        actual,
      });
    }
    return problems;
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [{ path, message: `expected an object, got ${brief(actual)}`, expected, actual }];
    return Object.entries(expected).flatMap(([key, value]) => {
      const member = unescapeKey(key);
      return matchValue(value, Object.hasOwn(actual, member) ? actual[member] : undefined, childPath(path, member));
    });
  }
  if (expected === actual) return [];
  const types =
    jsonTypeOf(expected) === jsonTypeOf(actual) ? '' : ` (${jsonTypeOf(actual)} instead of ${jsonTypeOf(expected)})`;
  return [{ path, message: `expected ${brief(expected)}, got ${brief(actual)}${types}`, expected, actual }];
}
