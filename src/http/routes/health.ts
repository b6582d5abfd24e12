import express, { type Router } from 'express';
import { licenseExpiresAtMs } from '../../config/license-expiry.js';
import { healthReport } from '../../domain/health-report.js';
import { timeSpan } from '../../domain/time-span.js';
import { LOCALES } from '../../i18n/locales.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

/**
 * `GET /api/v2/health`: the documented HealthReport shape, always 200, no credentials. The licence entry
 * follows `license.expirationTime` on the mock clock; its description is in the language of the request
 * (negotiated as for error bodies, named by `Content-Language`).
 */
export function healthRoutes(deps: Pick<AppDeps, 'clock' | 'config'>): Router {
  const licenseExpiresAt = licenseExpiresAtMs(deps.config.license);
  const router = express.Router();
  router
    .route('/api/v2/health')
    .get((_req, res) => {
      const started = performance.now();
      const nowMs = deps.clock.now();
      const { locale } = contextOf(res);
      const duration = timeSpan(performance.now() - started);
      const report = healthReport({
        nowMs,
        licenseExpiresAtMs: licenseExpiresAt,
        texts: LOCALES[locale].texts.health,
        duration,
      });
      res.set('Content-Language', locale).json(report);
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
