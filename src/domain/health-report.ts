import { licenseAt } from './license.js';

/** The statuses of a health check, from the best to the worst (Microsoft `HealthStatus`, as PORTOS writes them). */
export const HEALTH_STATUSES = ['Healthy', 'Degraded', 'Unhealthy'] as const;

export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** One check of the report (`data` free-form; `description` only where the check says something). */
export interface HealthEntry {
  data: Record<string, unknown>;
  description?: string;
  duration: string;
  status: HealthStatus;
  tags: string[];
}

/** `GET /api/v2/health` (Microsoft `HealthReport` shape). */
export interface HealthReport {
  status: HealthStatus;
  totalDuration: string;
  entries: Record<string, HealthEntry>;
}

/** The localized texts of the report (one set per language in the locale tables). */
export interface HealthTexts {
  licenseExpiresIn: (days: number) => string;
  licenseExpired: string;
}

/** A licence with at most this many days left is Degraded (more: Healthy; expired: Unhealthy). */
export const LICENSE_DEGRADED_DAYS = 30;

/** The worst of some statuses (Healthy when there are none). */
export function worstStatus(statuses: Iterable<HealthStatus>): HealthStatus {
  let worst = 0;
  for (const status of statuses) worst = Math.max(worst, HEALTH_STATUSES.indexOf(status));
  return HEALTH_STATUSES[worst] ?? 'Healthy';
}

/**
 * The `license` entry: days left rounded up (0 once expired, as `remaningDays` [sic, the documented name]);
 * Unhealthy when `expiresAtMs` ≤ now, Degraded with 1–30 days left, else Healthy.
 */
export function licenseEntry(options: {
  nowMs: number;
  expiresAtMs: number;
  texts: HealthTexts;
  duration: string;
}): HealthEntry {
  const { nowMs, expiresAtMs, texts, duration } = options;
  const { isExpired, remainingDays: remaningDays, expirationTime } = licenseAt(nowMs, expiresAtMs);
  const status: HealthStatus = isExpired ? 'Unhealthy' : remaningDays <= LICENSE_DEGRADED_DAYS ? 'Degraded' : 'Healthy';
  return {
    data: { remaningDays, expirationDate: expirationTime },
    description: isExpired ? texts.licenseExpired : texts.licenseExpiresIn(remaningDays),
    duration,
    status,
    tags: [],
  };
}

/**
 * The mock's health report: `license` from the licence's expiry on the mock clock; `diskstorage`,
 * `fiscalPrinters` and `orderEndpoints` always Healthy (the mock has no disk, printers or endpoints to lose);
 * the report's status is the worst entry's.
 */
export function healthReport(options: {
  nowMs: number;
  licenseExpiresAtMs: number;
  texts: HealthTexts;
  duration: string;
}): HealthReport {
  const { duration } = options;
  const healthy = (data: Record<string, unknown>): HealthEntry => ({ data, duration, status: 'Healthy', tags: [] });
  const entries: Record<string, HealthEntry> = {
    license: licenseEntry({ ...options, expiresAtMs: options.licenseExpiresAtMs }),
    diskstorage: healthy({}),
    fiscalPrinters: healthy({}),
    orderEndpoints: healthy({ entries: [] }),
  };
  return {
    status: worstStatus(Object.values(entries).map((e) => e.status)),
    totalDuration: duration,
    entries,
  };
}
