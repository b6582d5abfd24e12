import type { RequestHandler } from 'express';
import { AppError } from '../../errors/app-error.js';

/** 405 for a known route asked with a method it does not serve (checked before credentials). */
export function methodNotAllowed(allowed: readonly string[]): RequestHandler {
  return (req, _res, next) => next(new AppError('method_not_allowed', { method: req.method, allowed }));
}

/** 404 for a path no route serves. */
export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', { path: req.path }));
};
