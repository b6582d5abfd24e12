import type { Request, RequestHandler } from 'express';
import type { Config } from '../../config/config.js';
import { CONTROL_TOKEN_HEADER, controlTokenCheck } from '../../control/control-token.js';
import { AppError } from '../../errors/app-error.js';
import { checkJsonDeclared } from '../body/json-body.js';

/** Why a control request may not pass its token check (`null`: it may). */
export type ControlTokenFailure = ReturnType<ReturnType<typeof controlTokenCheck>>;

/** The token check of `control.token` over a request's `X-Mock-Control-Token` header. */
export function controlTokenOf(control: Config['control']): (req: Request) => ControlTokenFailure {
  const check = controlTokenCheck(control.token);
  return (req) => check(req.get(CONTROL_TOKEN_HEADER));
}

/**
 * First on every control route, before the body is read (src/control/CONTROL-API.md#who-may-call-it): the control
 * token when one is configured (else 401, errorCode 1), and a POST must declare a JSON body (`application/json`,
 * an empty body included; else 415), so a web page cannot send one without a CORS preflight (which the control
 * API never answers with CORS headers).
 */
export function controlGuard(control: Config['control']): RequestHandler {
  const tokenFailure = controlTokenOf(control);
  return (req, _res, next) => {
    const failure = tokenFailure(req);
    if (failure !== null) throw new AppError('unauthenticated', { reason: failure });
    if (req.method === 'POST') checkJsonDeclared(req);
    next();
  };
}
