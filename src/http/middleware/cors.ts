import type { RequestHandler } from 'express';
import type { Config } from '../../config/config.js';

const EXPOSED = 'Location, Content-Language, WWW-Authenticate, Allow';
const METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';

/**
 * CORS for browsers calling the PORTOS routes (docs/decisions.md#authentication: any origin by default, preflight
 * answered). Nothing under `without` (the control prefix) gets CORS headers, not even a preflight: a web page on
 * another origin can neither read nor drive the control API (src/control/CONTROL-API.md#who-may-call-it).
 */
export function cors(config: Config['cors'], without?: string): RequestHandler {
  const allowAll = config.origins === '*';
  return (req, res, next) => {
    const origin = req.get('origin');
    const excluded = without !== undefined && (req.path === without || req.path.startsWith(`${without}/`));
    if (origin === undefined || excluded || (!allowAll && !config.origins.includes(origin))) {
      next();
      return;
    }
    res.set('Access-Control-Allow-Origin', allowAll ? '*' : origin);
    if (!allowAll) res.vary('Origin');
    res.set('Access-Control-Expose-Headers', EXPOSED);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') !== undefined) {
      res.set('Access-Control-Allow-Methods', METHODS);
      res.set(
        'Access-Control-Allow-Headers',
        req.get('access-control-request-headers') ?? 'Authorization, Content-Type',
      );
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}
