import { FIRST_INSTANT, isDateInRange, LAST_INSTANT, readCalendarDate, writeDate } from '../dates/read-date.js';
import { issue } from '../errors/issue.js';
import type { ControlInput } from './control-input.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The longest duration that can keep the clock in range: from the first instant to the last. */
const LONGEST = LAST_INSTANT - FIRST_INSTANT;

/**
 * `at` when the clock may read it (years 0001–9999 UTC); otherwise a `control.clock_range` issue on `name`, so a
 * set, freeze or advance past the edge is a 400 that changes nothing.
 */
export function clockInstant(input: ControlInput, name: string, at: number | undefined): number | undefined {
  if (at === undefined || isDateInRange(at)) return at;
  input.issues.push(
    issue('control.clock_range', input.at(name), { first: writeDate(FIRST_INSTANT), last: writeDate(LAST_INSTANT) }),
  );
  return undefined;
}

/** An instant: epoch ms, or ISO 8601 text of a real calendar date (no zone = UTC, like the API's dates). */
export function readInstant(input: ControlInput, name: string, required: boolean): number | undefined {
  const value = input.raw(name);
  if (value === undefined) {
    if (required) input.issues.push(issue('control.required', input.at(name), {}));
    return undefined;
  }
  if (typeof value === 'number') {
    return clockInstant(input, name, input.integer(name, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
  }
  const at = typeof value === 'string' ? readCalendarDate(value) : undefined;
  if (at !== undefined) return clockInstant(input, name, at);
  input.issues.push(issue('control.syntax', input.at(name), { example: '2025-06-02T00:00:00Z' }));
  return undefined;
}

/** A duration: milliseconds, or text such as `1d`, `-2h`, `1h30m`, `500ms`. */
export function readDuration(input: ControlInput, name: string): number | undefined {
  const value = input.raw(name);
  if (value === undefined) {
    input.issues.push(issue('control.required', input.at(name), {}));
    return undefined;
  }
  if (typeof value === 'number') return input.integer(name, -LONGEST, LONGEST);
  const text = typeof value === 'string' ? value.trim() : '';
  if (/^-?(?:\d{1,12}(?:ms|s|m|h|d))+$/.test(text)) {
    const sign = text.startsWith('-') ? -1 : 1;
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d)/g))
      total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
    return sign * total;
  }
  input.issues.push(issue('control.syntax', input.at(name), { example: '1d, -2h, 1h30m, 500ms or 86400000' }));
  return undefined;
}
