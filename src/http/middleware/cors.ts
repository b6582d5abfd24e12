import type { RequestHandler } from 'express';
import type { Config } from '../../config/config.js';

const EXPOSED = 'Location, Content-Language, WWW-Authenticate, Allow';
const METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';

/** CORS for browsers calling the mock (docs/decisions.md#authentication: any origin by default, preflight answered). */
export function cors(config: Config['cors']): RequestHandler {
  const allowAll = config.origins === '*';
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin === undefined || (!allowAll && !config.origins.includes(origin))) {
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
