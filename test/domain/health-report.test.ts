import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  HEALTH_STATUSES,
  healthReport,
  licenseEntry,
  worstStatus,
  type HealthStatus,
  type HealthTexts,
} from '../../src/domain/health-report.js';
import { timeSpan } from '../../src/domain/time-span.js';

const EXPIRES = Date.parse('2099-12-31T23:00:00.000Z');
const DAY = 86_400_000;
const TEXTS: HealthTexts = { licenseExpiresIn: (days) => `in ${days}`, licenseExpired: 'expired' };

interface LicenseCase {
  name: string;
  nowMs: number;
  status: HealthStatus;
  remaningDays: number;
  description: string;
}

// Days left are rounded up: Healthy with more than 30, Degraded with 1–30, Unhealthy from the instant of expiry.
const LICENSE: readonly LicenseCase[] = [
  {
    name: 'decades ahead',
    nowMs: Date.parse('2030-01-01T00:00:00Z'),
    status: 'Healthy',
    remaningDays: 25567,
    description: 'in 25567',
  },
  { name: '31 days left', nowMs: EXPIRES - 31 * DAY, status: 'Healthy', remaningDays: 31, description: 'in 31' },
  {
    name: '30 days and 1 ms left',
    nowMs: EXPIRES - 30 * DAY - 1,
    status: 'Healthy',
    remaningDays: 31,
    description: 'in 31',
  },
  {
    name: 'exactly 30 days left',
    nowMs: EXPIRES - 30 * DAY,
    status: 'Degraded',
    remaningDays: 30,
    description: 'in 30',
  },
  {
    name: '17 days left (rounded up)',
    nowMs: Date.parse('2099-12-15T00:00:00Z'),
    status: 'Degraded',
    remaningDays: 17,
    description: 'in 17',
  },
  { name: '1 ms left', nowMs: EXPIRES - 1, status: 'Degraded', remaningDays: 1, description: 'in 1' },
  { name: 'the instant of expiry', nowMs: EXPIRES, status: 'Unhealthy', remaningDays: 0, description: 'expired' },
  { name: 'a year after', nowMs: EXPIRES + 365 * DAY, status: 'Unhealthy', remaningDays: 0, description: 'expired' },
];

for (const c of LICENSE) {
  test(`licenseEntry: ${c.name} → ${c.status}, remaningDays ${c.remaningDays}`, () => {
    assert.deepEqual(licenseEntry({ nowMs: c.nowMs, expiresAtMs: EXPIRES, texts: TEXTS, duration: 'd' }), {
      data: { remaningDays: c.remaningDays, expirationDate: '2099-12-31T23:00:00.000Z' },
      description: c.description,
      duration: 'd',
      status: c.status,
      tags: [],
    });
  });
}

const WORST: readonly [HealthStatus[], HealthStatus][] = [
  [[], 'Healthy'],
  [['Healthy', 'Healthy'], 'Healthy'],
  [['Healthy', 'Degraded', 'Healthy'], 'Degraded'],
  [['Unhealthy', 'Degraded'], 'Unhealthy'],
  [['Degraded', 'Healthy', 'Unhealthy'], 'Unhealthy'],
];

for (const [statuses, worst] of WORST) {
  test(`worstStatus([${statuses.join(', ')}]) = ${worst}`, () => {
    assert.equal(worstStatus(statuses), worst);
  });
}

for (const c of LICENSE) {
  test(`healthReport: ${c.name}: four entries, the report as bad as its licence`, () => {
    const report = healthReport({ nowMs: c.nowMs, licenseExpiresAtMs: EXPIRES, texts: TEXTS, duration: 'd' });
    assert.deepEqual(Object.keys(report.entries), ['license', 'diskstorage', 'fiscalPrinters', 'orderEndpoints']);
    assert.equal(report.status, c.status);
    assert.equal(report.totalDuration, 'd');
    assert.deepEqual(report.entries['diskstorage'], { data: {}, duration: 'd', status: 'Healthy', tags: [] });
    assert.deepEqual(report.entries['fiscalPrinters'], { data: {}, duration: 'd', status: 'Healthy', tags: [] });
    assert.deepEqual(report.entries['orderEndpoints'], {
      data: { entries: [] },
      duration: 'd',
      status: 'Healthy',
      tags: [],
    });
  });
}

test('the statuses are ordered from the best to the worst', () => {
  assert.deepEqual(HEALTH_STATUSES, ['Healthy', 'Degraded', 'Unhealthy']);
});

const SPANS: readonly [number, string][] = [
  [0, '00:00:00.0000000'],
  [0.0001, '00:00:00.0000001'],
  [793.3458, '00:00:00.7933458'],
  [3_723_004.5, '01:02:03.0045000'],
];

for (const [ms, text] of SPANS) {
  test(`timeSpan(${ms}) = ${text}`, () => {
    assert.equal(timeSpan(ms), text);
  });
}
