import express, { type RequestHandler } from 'express';
import { AppError } from '../../errors/app-error.js';
import { contextOf } from '../context.js';

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.too.large';
}

/**
 * Reads the body as raw bytes, whatever its content type (NWS4 signs the exact bytes; JSON is parsed
 * later, after authentication). Over the limit → 413.
 */
export function rawBody(limitBytes: number): RequestHandler {
  const read = express.raw({ type: () => true, limit: limitBytes });
  return (req, res, next) => {
    // No body announced (most GETs): nothing to read.
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      next();
      return;
    }
    read(req, res, (error?: unknown) => {
      if (error !== undefined && error !== null) {
        next(isTooLarge(error) ? new AppError('payload_too_large', { limitBytes }) : error);
        return;
      }
      const body: unknown = req.body;
      contextOf(res).rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      next();
    });
  };
}
