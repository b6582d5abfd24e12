import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { authenticate } from './authenticate.js';
import { licenceGate } from './licence-gate.js';
import { rawBody } from './raw-body.js';

/**
 * What every PORTOS resource route runs before its own right: read the raw body (NWS4 signs it) → credentials
 * (401) → the licence (403 errorCode 4). Spread it first in each method's handlers, after the route matched
 * (so 404/405 come first) and before `requireAnyRight` (docs/decisions.md#order-of-checks).
 */
export function credentialChain(deps: AppDeps): RequestHandler[] {
  return [rawBody(deps.config.bodyLimitBytes), authenticate(deps), licenceGate(deps)];
}
