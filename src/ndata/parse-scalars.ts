import { issue, type Issue } from '../errors/issue.js';
import { parseBool } from './value-types.js';
import { excerpt } from './query-issues.js';

type Parsed<T> = { ok: true; value: T } | { ok: false; issue: Issue };

/** ASP.NET `int`: what `$skip` and `$take` accept. */
export const MAX_INT32 = 2_147_483_647;

/** `$skip` / `$take`: an integer from 0 to 2,147,483,647 (a sign and leading zeros are fine). */
export function parseCount(parameter: '$skip' | '$take', text: string): Parsed<number> {
  const m = /^([+-]?)(\d+)$/.exec(text);
  const value = excerpt(text);
  if (m === null) return { ok: false, issue: issue('query.invalid_integer', parameter, { value }) };
  const [, sign, digits = ''] = m;
  const significant = digits.replace(/^0+/, '');
  const n = significant.length > 10 ? Infinity : Number(significant);
  if ((sign === '-' && n !== 0) || n > MAX_INT32) {
    return { ok: false, issue: issue('query.integer_out_of_range', parameter, { value, min: 0, max: MAX_INT32 }) };
  }
  return { ok: true, value: n };
}

/** `IsExpired` / `$count`: `true` or `false` in any case. */
export function parseFlag(parameter: 'IsExpired' | '$count', text: string): Parsed<boolean> {
  const value = parseBool(text);
  return value === undefined
    ? { ok: false, issue: issue('query.invalid_boolean', parameter, { value: excerpt(text) }) }
    : { ok: true, value };
}
