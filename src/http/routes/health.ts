import express, { type Router } from 'express';
import type { Clock } from '../../domain/clock.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

const DAY_MS = 86_400_000;

/** A .NET TimeSpan text (`00:00:00.0001234`) of a duration in milliseconds. */
export function timeSpan(ms: number): string {
  const ticks = Math.round(ms * 10_000);
  const seconds = Math.floor(ticks / 10_000_000);
  const fraction = String(ticks % 10_000_000).padStart(7, '0');
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}.${fraction}`;
}

/**
 * `GET /api/v2/health`: the documented HealthReport shape, always 200, no credentials. The mock's
 * license is valid for a year from its start; disk storage is reported healthy.
 */
export function healthRoutes(clock: Clock): Router {
  const router = express.Router();
  const licenseExpires = clock.now() + 365 * DAY_MS;
  router
    .route('/api/v2/health')
    .get((_req, res) => {
      const started = performance.now();
      const remaining = Math.max(0, Math.ceil((licenseExpires - clock.now()) / DAY_MS));
      const duration = timeSpan(performance.now() - started);
      res.json({
        status: 'Healthy',
        totalDuration: duration,
        entries: {
          license: {
            data: { remaningDays: remaining, expirationDate: new Date(licenseExpires).toISOString() },
            description: `Licencia exspiruje za ${remaining} dní.`,
            duration,
            status: 'Healthy',
            tags: [],
          },
          diskstorage: { data: {}, duration, status: 'Healthy', tags: [] },
        },
      });
    })
    .all(methodNotAllowed(['GET']));
  return router;
}
