import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { AppDeps } from '../http/deps.js';
import { authenticate } from '../http/middleware/authenticate.js';
import { rawBody } from '../http/middleware/raw-body.js';
import { queryAccessToken } from './access-token.js';
import { hubRouteOf } from './hub-paths.js';
import type { SignalRHub } from './signalr-hub.js';

/**
 * CORS on the hub paths (docs/decisions.md#real-time-notifications): browser clients send negotiate with
 * credentials, so an allowed `Origin` is echoed with `Access-Control-Allow-Credentials: true` (never `*`), also
 * when every origin is allowed. Returns true when it answered a preflight.
 */
function hubCors(config: Config['cors'], req: Request, res: Response): boolean {
  const origin = req.get('origin');
  if (!config.enabled || origin === undefined) return false;
  if (config.origins !== '*' && !config.origins.includes(origin)) return false;
  res.set('Access-Control-Allow-Origin', origin);
  res.set('Access-Control-Allow-Credentials', 'true');
  res.vary('Origin');
  if (req.method !== 'OPTIONS' || req.get('access-control-request-method') === undefined) return false;
  res.set('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  const requested = req.get('access-control-request-headers');
  if (requested !== undefined) res.set('Access-Control-Allow-Headers', requested);
  res.set('Access-Control-Max-Age', '600');
  res.status(204).end();
  return true;
}

/**
 * The hub's HTTP side, before the request log and the faults (hub requests are neither): CORS, then
 * `POST {hub}/negotiate` (credentials as on the REST routes, or `access_token` in the query) answering the
 * negotiate v1 body. The hub path itself only takes WebSocket upgrades (the server's `upgrade` event); a plain
 * request to it is a 404.
 */
export function hubRoutes(deps: AppDeps, hub: SignalRHub): RequestHandler {
  const readBody = rawBody(deps.config.bodyLimitBytes);
  const checkCredentials = authenticate(deps);
  return (req, res, next) => {
    const route = hubRouteOf(req.originalUrl, hub.paths);
    if (route === null) {
      next();
      return;
    }
    if (hubCors(deps.config.cors, req, res)) return;
    if (route === 'hub') {
      next(new AppError('route_not_found', { path: req.path }));
      return;
    }
    if (req.method !== 'POST') {
      next(new AppError('method_not_allowed', { method: req.method, allowed: ['POST'] }));
      return;
    }
    const token = queryAccessToken(req.originalUrl);
    if (req.headers.authorization === undefined && token !== undefined) req.headers.authorization = `Bearer ${token}`;
    readBody(req, res, (error?: unknown) => {
      if (error !== undefined) {
        next(error);
        return;
      }
      checkCredentials(req, res, (failure?: unknown) => {
        if (failure !== undefined) {
          next(failure);
          return;
        }
        res.status(200).json(hub.negotiate());
      });
    });
  };
}
