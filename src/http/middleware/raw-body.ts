import type { RequestHandler } from 'express';
import { AppError } from '../../errors/app-error.js';
import { contextOf } from '../context.js';

/** Requests whose body has been read already (the fault middleware reads a POST body early). */
const read = new WeakSet<object>();

/**
 * Reads the body as the raw bytes received, whatever its content type and encoding (NWS4 signs the exact bytes;
 * the JSON reader checks type, encoding and charset later, after authentication). Over the limit → 413, also
 * when `Content-Length` announces it; the rest of the body is then drained by Node.
 */
export function rawBody(limitBytes: number): RequestHandler {
  return (req, res, next) => {
    // No body announced (most GETs), or read already: nothing to read.
    if (
      read.has(req) ||
      (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)
    ) {
      next();
      return;
    }
    read.add(req);
    if (Number(req.headers['content-length']) > limitBytes) {
      next(new AppError('payload_too_large', { limitBytes }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: AppError) => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
      if (error !== undefined) return next(error);
      contextOf(res).rawBody = Buffer.concat(chunks, size);
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) finish(new AppError('payload_too_large', { limitBytes }));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    // The connection broke mid-body (or its framing was invalid): nobody may be left to answer, but try.
    const onError = () => finish(new AppError('malformed_request', {}));
    req.on('data', onData).on('end', onEnd).on('error', onError);
  };
}
