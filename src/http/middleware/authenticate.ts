import type { RequestHandler } from 'express';
import { ANONYMOUS_ADMIN } from '../../auth/principal.js';
import { AppError } from '../../errors/app-error.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';

/**
 * Sets the request's principal from its credentials (Bearer JWT or NWS4 signature over the raw body, which
 * `rawBody` has read), or fails with 401. With `auth.required` off every request acts as `admin`.
 */
export function authenticate(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const context = contextOf(res);
    if (!deps.config.auth.required) {
      context.principal = ANONYMOUS_ADMIN;
      next();
      return;
    }
    const outcome = deps.auth.authenticate({
      method: req.method,
      path: req.originalUrl,
      headers: req.headers,
      body: context.rawBody,
    });
    if (!outcome.ok) {
      next(new AppError('unauthenticated', { reason: outcome.reason }));
      return;
    }
    context.principal = outcome.principal;
    next();
  };
}
