import { encodeQueryPart } from '../request.js';
import type { StepQuery } from '../scenario.js';
import type { KnownValues } from './values.js';

function substituteParts(value: string, known: KnownValues): string {
  const whole = known.substitute(value);
  if (whole !== value) return whole;
  return value
    .split(/([:;,'])/)
    .map((part) => known.template(part) ?? part)
    .join('');
}

/**
 * A recorded query → parameters by name (repeats as lists) when re-encoding them gives the same query back,
 * else the raw query string (so `%00` or `;;` replay byte for byte); known values become templates either way.
 */
export function generalizeQuery(raw: string, known: KnownValues): StepQuery {
  const pairs: [string, string][] = [];
  try {
    for (const part of raw.split('&')) {
      const at = part.indexOf('=');
      if (at < 0) return known.substitute(raw);
      pairs.push([decodeURIComponent(part.slice(0, at)), decodeURIComponent(part.slice(at + 1).replace(/\+/g, ' '))]);
    }
  } catch {
    return known.substitute(raw);
  }
  if (pairs.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&') !== raw)
    return known.substitute(raw);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of pairs) {
    const v = substituteParts(value, known);
    const previous = query[key];
    query[key] = previous === undefined ? v : Array.isArray(previous) ? [...previous, v] : [previous, v];
  }
  return query;
}
