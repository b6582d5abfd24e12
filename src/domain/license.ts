import { writeDate } from '../dates/read-date.js';

/** One licensed feature (`productSku`, its value as text, name, validity). */
export interface LicenseFeature {
  productSku: string;
  rawValue: string;
  name: string;
  activationTime: string;
  expirationTime: string | null;
}

/** PORTOS's `License` as `GET /license` answers it (docs/decisions.md#licence). */
export interface License {
  shopId: number;
  activationTime: string;
  expirationTime: string;
  verificationTime: string;
  verificationInterval: string;
  features: LicenseFeature[];
  remainingDays: number;
  isExpired: boolean;
}

/** The mock's fixed shop id and activation instant (docs/decisions.md#licence). */
export const LICENSE_SHOP_ID = 123456;
export const LICENSE_ACTIVATED_AT = '2024-01-01T00:00:00.000Z';
/** What `POST /license/getrequestcode` answers, always. */
export const LICENSE_REQUEST_CODE = 'mock-request-code-123456';

const DAY_MS = 86_400_000;

/** The one expiry rule: the licence has expired once its expiry `expiresAtMs` is at or before `nowMs`. */
export function isLicenseExpired(nowMs: number, expiresAtMs: number): boolean {
  return expiresAtMs <= nowMs;
}

/**
 * The mock's licence on the mock clock: expires at `expiresAtMs` (config `license.expirationTime`), verified
 * today at 00:00Z, `remainingDays` the days left rounded up (0 once expired), expired when `expiresAtMs` ≤ now.
 */
export function licenseAt(nowMs: number, expiresAtMs: number): License {
  const isExpired = isLicenseExpired(nowMs, expiresAtMs);
  return {
    shopId: LICENSE_SHOP_ID,
    activationTime: LICENSE_ACTIVATED_AT,
    expirationTime: writeDate(expiresAtMs),
    verificationTime: writeDate(Math.floor(nowMs / DAY_MS) * DAY_MS),
    verificationInterval: '1.00:00:00',
    features: [
      {
        productSku: 'MaxDeviceCount',
        rawValue: '3',
        name: 'Maximálny počet zariadení',
        activationTime: LICENSE_ACTIVATED_AT,
        expirationTime: null,
      },
    ],
    remainingDays: isExpired ? 0 : Math.ceil((expiresAtMs - nowMs) / DAY_MS),
    isExpired,
  };
}
