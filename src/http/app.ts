import express, { type Express } from 'express';
import type { AppDeps } from './deps.js';
import { authRoutes } from './routes/auth-routes.js';
import { cors } from './middleware/cors.js';
import { routeNotFound } from './middleware/method-not-allowed.js';
import { problemHandler } from './middleware/problem-handler.js';
import { rawBody } from './middleware/raw-body.js';
import { requestContext } from './middleware/request-context.js';
import { customerRoutes } from './routes/customers.js';
import { healthRoutes } from './routes/health.js';
import { openapiRoutes } from './routes/openapi.js';

/**
 * The mock as an Express app (it never listens): request context → CORS → routes (each: raw body →
 * credentials → right → validation → core) → 404 → the one problem writer.
 */
export function buildApp(deps: AppDeps, log: (error: unknown) => void = (error) => console.error(error)): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', false);
  const base = deps.config.basePath;
  app.use(requestContext(deps));
  if (deps.config.cors.enabled) app.use(cors(deps.config.cors));
  app.use(`${base}/api/auth`, rawBody(deps.config.bodyLimitBytes), authRoutes(deps));
  app.use(base === '' ? '/' : base, healthRoutes(deps.clock), openapiRoutes(deps.spec, base), customerRoutes(deps));
  app.use(routeNotFound);
  app.use(problemHandler(log));
  return app;
}
