import { parseIsoDate } from './schema-issues.js';

/** A validated ISO 8601 text in the one form the mock returns: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function normalizeDate(text: string): string {
  const ms = parseIsoDate(text);
  if (ms === null) throw new RangeError(`not an ISO 8601 date: ${text}`);
  return new Date(ms).toISOString();
}
