/**
 * The one date reader and writer of the project: the clock, the control API, customer bodies, state files and
 * NData values all read dates here and write them as `YYYY-MM-DDTHH:mm:ss.sssZ`. Only real calendar dates in
 * the years 0001–9999 (UTC) are dates (docs/decisions.md#customer-model).
 */

/** 0001-01-01T00:00:00.000Z, the earliest instant the mock accepts. */
export const FIRST_INSTANT = -62_135_596_800_000;
/** 9999-12-31T23:59:59.999Z, the latest instant the mock accepts. */
export const LAST_INSTANT = 253_402_300_799_999;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function validDay(year: number, month: number, day: number): boolean {
  const max = month === 2 && !isLeap(year) ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= max;
}

/** Whether `ms` (epoch milliseconds) is an instant in the years 0001–9999 UTC. */
export function isDateInRange(ms: number): boolean {
  return Number.isInteger(ms) && ms >= FIRST_INSTANT && ms <= LAST_INSTANT;
}

/**
 * An ISO 8601 date (`2024-01-31`) or date-time (`2024-01-31T12:00`, `…:00Z`, `…:00.123+02:00`, `…:00+0200`) as
 * epoch milliseconds; no zone means UTC, digits after milliseconds are truncated. Undefined when it is not a real
 * calendar date and time (`2024-02-30`, `T24:00`) or the instant falls outside the years 0001–9999 UTC.
 */
export function readDate(text: string): number | undefined {
  const at = readCalendarDate(text);
  return at !== undefined && isDateInRange(at) ? at : undefined;
}

/**
 * Like `readDate` but without the year range; only to tell a date out of range (a clock `at` beyond 9999) from a
 * text that is no date at all, for the message.
 */
export function readCalendarDate(text: string): number | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((s) => Number(s ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || !validDay(year, month, day)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const oh = Number(m[10]);
    const om = Number(m[11] ?? 0);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime() - offsetMinutes * 60_000;
}

/** `ms` as the one form the mock writes, `YYYY-MM-DDTHH:mm:ss.sssZ`; a RangeError outside the years 0001–9999. */
export function writeDate(ms: number): string {
  if (!isDateInRange(ms)) throw new RangeError(`not an instant in the years 0001-9999: ${ms}`);
  return new Date(ms).toISOString();
}

/**
 * A date the mock wrote itself (a stored customer's, always `writeDate`'s form) as epoch ms; null for null. Fast:
 * the engine's parser reads exactly that form.
 */
export function readWrittenDate(text: string | null): number | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** A date text in the one form the mock writes; a RangeError when it is not a date (see `readDate`). */
export function normalizeDate(text: string): string {
  const ms = readDate(text);
  if (ms === undefined) throw new RangeError(`not an ISO 8601 date: ${text}`);
  return writeDate(ms);
}
