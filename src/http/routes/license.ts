import express, { type Request, type Response, type Router } from 'express';
import { ANONYMOUS_ADMIN } from '../../auth/principal.js';
import { licenseExpiresAtMs } from '../../config/license-expiry.js';
import type { ChangeOrigin } from '../../control/change-feed.js';
import { LICENSE_REQUEST_CODE, licenseAt } from '../../domain/license.js';
import { toLicenceNotification } from '../../signalr/notification.js';
import { readJsonObject } from '../body/json-body.js';
import { changeOriginOf } from '../connection-id.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { rawBody } from '../middleware/raw-body.js';

/**
 * The licence routes (docs/decisions.md#licence), all without credentials: `GET /license` the mock's licence on
 * the mock clock; `POST /license/getrequestcode` and `POST /license/activate` take any JSON object, the first
 * answers a fixed request code, the second the licence (unchanged) and sends `portos.licence.activated` to the
 * hub (not to webhooks, not to the change log).
 */
export function licenseRoutes(deps: AppDeps): Router {
  const expiresAtMs = licenseExpiresAtMs(deps.config.license);
  const body = rawBody(deps.config.bodyLimitBytes);
  /** The writer as a notification's `s`: the request's valid credentials (auth off: anonymous), else none. */
  const originOf = (req: Request, res: Response): ChangeOrigin => {
    if (!deps.config.auth.required) return changeOriginOf(req, ANONYMOUS_ADMIN.user, deps.ids);
    const outcome = deps.auth.authenticate({
      method: req.method,
      path: req.originalUrl,
      headers: req.headers,
      body: contextOf(res).rawBody,
    });
    return changeOriginOf(req, outcome.ok ? outcome.principal.user : null, deps.ids);
  };

  const router = express.Router();
  router
    .route('/license')
    .get((_req, res) => {
      res.json(licenseAt(deps.clock.now(), expiresAtMs));
    })
    .all(methodNotAllowed(['GET']));
  router
    .route('/license/getrequestcode')
    .post(body, (req, res) => {
      readJsonObject(req, res);
      res.json(LICENSE_REQUEST_CODE);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/license/activate')
    .post(body, (req, res) => {
      readJsonObject(req, res);
      const nowMs = deps.clock.now();
      const licence = licenseAt(nowMs, expiresAtMs);
      deps.hub?.broadcast(toLicenceNotification(licence, originOf(req, res), nowMs), null);
      res.json(licence);
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
