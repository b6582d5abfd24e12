import express, { type Response, type Router } from 'express';
import { parseLoginRequest, parseRefreshRequest } from '../../auth/auth-requests.js';
import type { AuthOutcome, AuthResult } from '../../auth/auth-service.js';
import { AppError } from '../../errors/app-error.js';
import { readJsonObject } from '../body/json-body.js';
import { principalOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { authenticate } from '../middleware/authenticate.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

/** Sends a token pair (never cached, as RFC 6749 §5.1 asks) or fails with 401. */
function sendResult(res: Response, outcome: AuthOutcome<AuthResult>): void {
  if (!outcome.ok) throw new AppError('unauthenticated', { reason: outcome.reason });
  res.set('Cache-Control', 'no-store').json(outcome.value);
}

/** `/api/auth`: login, profile, logout, refresh (docs/portos/auth.md#jwt-bearer); mounted after `rawBody`. */
export function authRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { strict } = deps.config;

  router
    .route('/')
    .post((req, res) => {
      const parsed = parseLoginRequest(readJsonObject(req, res), strict);
      if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
      sendResult(res, deps.auth.login(parsed.value));
    })
    .get(authenticate(deps), (_req, res) => {
      res.json(deps.auth.profile(principalOf(res)));
    })
    .delete(authenticate(deps), (_req, res) => {
      deps.auth.logout(principalOf(res));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'POST', 'DELETE']));

  router
    .route('/refresh')
    .post((req, res) => {
      const parsed = parseRefreshRequest(readJsonObject(req, res), strict);
      if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
      sendResult(res, deps.auth.refresh(parsed.value));
    })
    .all(methodNotAllowed(['POST']));

  return router;
}
