import type { RequestHandler } from 'express';
import { missingRights, type Right } from '../../auth/rights.js';
import { AppError } from '../../errors/app-error.js';
import { principalOf } from '../context.js';

/** 403 unless the caller holds at least one of `anyOf` (`admin` holds them all); after `authenticate`. */
export function requireAnyRight(...anyOf: Right[]): RequestHandler {
  return (_req, res, next) => {
    const held = principalOf(res).rights;
    const missing = missingRights(held, anyOf);
    next(
      missing.length < anyOf.length
        ? undefined
        : new AppError('forbidden', { missingRights: anyOf, need: anyOf.length > 1 ? 'any' : 'all' }),
    );
  };
}
