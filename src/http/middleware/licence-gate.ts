import type { RequestHandler } from 'express';
import { licenseExpiresAtMs } from '../../config/license-expiry.js';
import { writeDate } from '../../dates/read-date.js';
import { isLicenseExpired } from '../../domain/license.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';

/**
 * 403 with errorCode 4 once the licence has expired on the mock clock (`license.expirationTime` ≤ now), whoever
 * asks, `--no-auth` included (docs/decisions.md#licence). It sits in the credentials chain right after
 * `authenticate`: after the 404/405 of the route and the 401, before the route's rights. Routes without that chain
 * (`/api/auth…`, the health check, `/license…`, the spec, docs, panel, control API, SignalR hub) are never refused.
 */
export function licenceGate(deps: AppDeps): RequestHandler {
  const expiresAtMs = licenseExpiresAtMs(deps.config.license);
  const expirationTime = writeDate(expiresAtMs);
  return (_req, _res, next) => {
    next(
      isLicenseExpired(deps.clock.now(), expiresAtMs) ? new AppError('license_expired', { expirationTime }) : undefined,
    );
  };
}
