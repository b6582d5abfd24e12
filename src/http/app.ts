import express, { type Express, type RequestHandler } from 'express';
import type { AppDeps } from './deps.js';
import { controlRouter } from './control/control-router.js';
import { faultMiddleware } from './control/fault-middleware.js';
import { requestLog } from './control/request-log.js';
import { docsRoutes } from './docs/docs-routes.js';
import { panelRoutes } from './panel/panel-routes.js';
import { authRoutes } from './routes/auth-routes.js';
import { cors } from './middleware/cors.js';
import { routeNotFound } from './middleware/method-not-allowed.js';
import { problemHandler } from './middleware/problem-handler.js';
import { rawBody } from './middleware/raw-body.js';
import { requestContext } from './middleware/request-context.js';
import { resourceRoutes } from './routes/resource-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { healthRoutes } from './routes/health.js';
import { licenseRoutes } from './routes/license.js';
import { openapiRoutes } from './routes/openapi.js';
import { hubRoutes } from '../signalr/hub-routes.js';

/**
 * Hands a request to the router of its first path segment (`/customers/…` → the customers routes), matched as
 * Express matches route paths (case-insensitively), so that a request passes through one resource's routes instead
 * of every resource's; any other path goes on.
 */
function bySegment(routers: ReadonlyMap<string, RequestHandler>): RequestHandler {
  return (req, res, next) => {
    const end = req.path.indexOf('/', 1);
    const router = routers.get((end < 0 ? req.path.slice(1) : req.path.slice(1, end)).toLowerCase());
    if (router === undefined) return next();
    return router(req, res, next);
  };
}

/**
 * The mock as an Express app (it never listens): request context → API docs → SignalR negotiate → request log → CORS → faults →
 * control panel and API → routes (each: raw body → credentials → right → validation → core) → 404 → the one
 * problem writer.
 */
export function buildApp(deps: AppDeps, log: (error: unknown) => void = (error) => console.error(error)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false);
  const base = deps.config.basePath;
  app.use(requestContext(deps));
  // The docs are pages about the API, not PORTOS routes: neither logged as requests nor subject to faults.
  if (deps.config.docs.enabled) app.use('/docs', docsRoutes(base));
  // Nor is the SignalR hub's negotiate (its WebSocket upgrades never reach the app).
  if (deps.hub !== null) app.use(hubRoutes(deps, deps.hub));
  app.use(requestLog(deps));
  if (deps.config.cors.enabled) app.use(cors(deps.config.cors, deps.config.control.prefix));
  if (deps.config.control.enabled) {
    app.use(faultMiddleware(deps));
    app.use(`${deps.config.control.prefix}/ui`, panelRoutes(deps));
    app.use(deps.config.control.prefix, controlRouter(deps));
  }
  app.use(`${base}/api/auth`, rawBody(deps.config.bodyLimitBytes), authRoutes(deps));
  const resources = new Map([
    ['customers', resourceRoutes(deps, deps.customers, deps.store)],
    ...deps.resources.rows.map(
      (row) => [row.segment, resourceRoutes(deps, row, deps.resources.store(row.segment))] as const,
    ),
  ]);
  app.use(
    base === '' ? '/' : base,
    bySegment(resources),
    healthRoutes(deps),
    licenseRoutes(deps),
    openapiRoutes(deps.spec, base),
    userRoutes(deps),
    sessionRoutes(deps),
  );
  app.use(routeNotFound);
  app.use(problemHandler(log, { version_mismatch: deps.config.versionMismatchStatus }));
  return app;
}
