import express, { type Router } from 'express';
import type { AppDeps } from '../deps.js';
import { rawBody } from '../middleware/raw-body.js';
import { clockRoutes } from './clock-routes.js';
import { controlGuard } from './control-guard.js';
import { dataRoutes } from './data-routes.js';
import { faultRoutes } from './fault-routes.js';
import { leaseRoutes } from './lease-routes.js';
import { logRoutes } from './log-routes.js';
import { notificationRoutes } from './notification-routes.js';
import { snapshotRoutes } from './snapshot-routes.js';

/** Fixtures and snapshots can be large: the control API takes bodies up to 256 MiB. */
const CONTROL_BODY_LIMIT = 256 * 1024 * 1024;

/**
 * The control API (mounted at `control.prefix`, default `/_mock`; see src/control/CONTROL-API.md). No PORTOS
 * credentials: it is for local and QA use and is off (`--no-control`) on shared deployments. The guard (control
 * token, JSON POSTs) comes before the body is read.
 */
export function controlRouter(deps: AppDeps): Router {
  const router = express.Router();
  router.use(controlGuard(deps.config.control));
  router.use(rawBody(CONTROL_BODY_LIMIT));
  router.use(
    dataRoutes(deps),
    snapshotRoutes(deps),
    clockRoutes(deps),
    faultRoutes(deps),
    logRoutes(deps),
    leaseRoutes(deps),
    notificationRoutes(deps),
  );
  return router;
}
