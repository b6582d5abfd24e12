import { isRecord } from './json-path.js';
import { isMatcherObject, matchValue, unescapeKey } from './match.js';

const MAX_LINES = 400;
const CONTEXT = 2;

/**
 * The part of `actual` that an expectation talks about: for an object only the members the expectation names
 * (a subset match ignores the others), element by element for arrays, everything under a matcher.
 */
export function project(expected: unknown, actual: unknown): unknown {
  if (isMatcherObject(expected)) return actual;
  if (isRecord(expected) && isRecord(actual)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(expected)) {
      const member = unescapeKey(key);
      if (Object.hasOwn(actual, member)) out[member] = project(value, actual[member]);
    }
    return out;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return actual.map((item, i) => (i < expected.length ? project(expected[i], item) : item));
  }
  return actual;
}

function lines(value: unknown): string[] {
  if (value === undefined) return ['(missing)'];
  // Without trailing commas, a member that gains or loses a neighbour does not show as changed.
  return (JSON.stringify(value, null, 2) ?? 'undefined').split('\n').map((l) => l.replace(/,$/, ''));
}

/** Longest-common-subsequence line diff: `  ` same, `- ` expected only, `+ ` actual only. */
export function diffLines(a: readonly string[], b: readonly string[]): string[] {
  if (a.length > MAX_LINES || b.length > MAX_LINES) {
    return [...a.slice(0, 20).map((l) => `- ${l}`), '- ...', ...b.slice(0, 20).map((l) => `+ ${l}`), '+ ...'];
  }
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = table[i] as number[];
      row[j] = a[i] === b[j] ? (table[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(table[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i++] ?? ''}`);
      j++;
    } else if (i < a.length && (j >= b.length || (table[i + 1]?.[j] ?? 0) >= (table[i]?.[j + 1] ?? 0))) {
      out.push(`- ${a[i++] ?? ''}`);
    } else {
      out.push(`+ ${b[j++] ?? ''}`);
    }
  }
  return out;
}

/** Keeps changed lines and a little context around them; long unchanged runs become `  ...`. */
function collapse(diff: readonly string[]): string[] {
  const changed = diff.map((l) => !l.startsWith('  '));
  const keep = diff.map((_, i) => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean));
  const out: string[] = [];
  diff.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else if (keep[i - 1] === true || i === 0) out.push('  ...');
  });
  return out;
}

/**
 * The expectation as it should read next to the actual value: a matcher that holds shows the actual value (so
 * it is no difference), one that fails shows itself.
 */
export function expectedView(expected: unknown, actual: unknown): unknown {
  if (isMatcherObject(expected)) return matchValue(expected, actual, '').length === 0 ? actual : expected;
  if (isRecord(expected)) {
    const a = isRecord(actual) ? actual : {};
    return Object.fromEntries(
      Object.entries(expected).map(([k, v]) => [unescapeKey(k), expectedView(v, a[unescapeKey(k)])]),
    );
  }
  if (Array.isArray(expected))
    return expected.map((item, i) => expectedView(item, Array.isArray(actual) ? actual[i] : undefined));
  return expected;
}

/** A readable diff of expected vs actual (`-` expected, `+` actual), or nothing when a sentence says it all. */
export function renderDiff(expected: unknown, actual: unknown): string[] {
  const structured = (v: unknown) => (isRecord(v) && !isMatcherObject(v)) || Array.isArray(v);
  if (!structured(expected) || (!structured(actual) && actual !== undefined)) return [];
  return collapse(diffLines(lines(expectedView(expected, actual)), lines(project(expected, actual))));
}
