import type { ErrorRequestHandler, Request, Response } from 'express';
import { CONTROL_TOKEN_CHALLENGE } from '../../control/control-token.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import type { ProblemCode } from '../../errors/catalogue.js';
import { contextOf } from '../context.js';
import { buildProblemBody, type ProblemBody } from '../problem-body.js';

/** Statuses configured to differ from the catalogue's (e.g. a `_v` mismatch as 409). */
export type StatusOverrides = Partial<Record<ProblemCode, number>>;

/** Builds the problem body of `error` in the request's language. */
export function problemBody(error: AppError, req: Request, res: Response, status?: number): ProblemBody {
  const { locale, traceId } = contextOf(res);
  const where = { locale, instance: req.originalUrl.split('?')[0] ?? '/', traceId: traceId() };
  return buildProblemBody(error, status === undefined ? where : { ...where, status });
}

/** Sends `error` as `application/problem+json`: the only place that writes error responses. */
export function sendProblem(error: AppError, req: Request, res: Response, overrides: StatusOverrides = {}): void {
  const body = problemBody(error, req, res, overrides[error.code]);
  res.status(body.status);
  res.set('Content-Language', contextOf(res).locale);
  if (error.code === 'method_not_allowed') {
    res.set('Allow', (error as AppError<'method_not_allowed'>).params.allowed.join(', '));
  }
  if (error.code === 'unauthenticated') {
    const { reason } = (error as AppError<'unauthenticated'>).params;
    res.set(
      'WWW-Authenticate',
      reason.startsWith('control-token')
        ? CONTROL_TOKEN_CHALLENGE
        : 'Bearer realm="portos", NWS4-HMAC-SHA256 realm="portos", charset="UTF-8"',
    );
  }
  res.type('application/problem+json').send(JSON.stringify(body));
}

/** Express failures that are the client's doing (a path that is not valid percent-encoding), as problems. */
function fromFrameworkError(error: unknown, path: string): AppError | undefined {
  return error instanceof URIError ? new AppError('route_not_found', { path }) : undefined;
}

/** Last in the chain: every thrown value becomes a problem; anything unexpected a 500 without a stack. */
export function problemHandler(log: (error: unknown) => void, overrides: StatusOverrides = {}): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = isAppError(error) ? error : fromFrameworkError(error, req.path);
    if (known !== undefined) {
      sendProblem(known, req, res, overrides);
      return;
    }
    log(error);
    sendProblem(new AppError('internal', {}), req, res);
  };
}
