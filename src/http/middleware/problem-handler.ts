import type { ErrorRequestHandler, Request, Response } from 'express';
import { PROBLEMS, STATUS_TYPES } from '../../errors/catalogue.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import { BODY_CONSTRAINT_CODES } from '../../errors/body-issues.js';
import { issueMessage, problemText } from '../../i18n/translate.js';
import { contextOf } from '../context.js';

/** Wire form of an RFC 7807 problem as PORTOS sends it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  traceId: string;
  errorCode?: number;
  resource?: { name: string; id: string; version: number | null };
  errors?: { memberName: string; message: string; code?: string }[];
}

/** Builds the problem body of `error` in the request's language. */
export function problemBody(error: AppError, req: Request, res: Response): ProblemBody {
  const { locale, traceId } = contextOf(res);
  const entry: { status: number; errorCode?: number } = PROBLEMS[error.code];
  const { title, detail } = problemText(error.code, error.params, locale);
  const body: ProblemBody = {
    type: STATUS_TYPES[entry.status] ?? 'about:blank',
    title,
    status: entry.status,
    ...(detail === undefined ? {} : { detail }),
    instance: req.originalUrl.split('?')[0] ?? '/',
    traceId: traceId(),
    ...(entry.errorCode === undefined ? {} : { errorCode: entry.errorCode }),
  };
  if (error.code === 'version_mismatch') {
    body.resource = (error as AppError<'version_mismatch'>).params.resource;
  }
  if (error.code === 'validation_failed') {
    body.errors = (error as AppError<'validation_failed'>).params.issues.map((item) => {
      const code = (BODY_CONSTRAINT_CODES as Record<string, string | undefined>)[item.kind];
      return { memberName: item.member, message: issueMessage(item, locale), ...(code === undefined ? {} : { code }) };
    });
  }
  return body;
}

/** Sends `error` as `application/problem+json`: the only place that writes error responses. */
export function sendProblem(error: AppError, req: Request, res: Response): void {
  const body = problemBody(error, req, res);
  res.status(body.status);
  res.set('Content-Language', contextOf(res).locale);
  if (error.code === 'method_not_allowed') {
    res.set('Allow', (error as AppError<'method_not_allowed'>).params.allowed.join(', '));
  }
  if (error.code === 'unauthenticated') {
    res.set('WWW-Authenticate', 'Bearer realm="portos", NWS4-HMAC-SHA256 realm="portos", charset="UTF-8"');
  }
  res.type('application/problem+json').send(JSON.stringify(body));
}

/** Express and body-parser failures that are the client's doing, as the problems they are. */
function fromFrameworkError(error: unknown, path: string): AppError | undefined {
  if (error instanceof URIError) return new AppError('route_not_found', { path });
  const type = typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('unsupported_media_type', { contentType: null });
  }
  return undefined;
}

/** Last in the chain: every thrown value becomes a problem; anything unexpected a 500 without a stack. */
export function problemHandler(log: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = isAppError(error) ? error : fromFrameworkError(error, req.path);
    if (known !== undefined) {
      sendProblem(known, req, res);
      return;
    }
    log(error);
    sendProblem(new AppError('internal', {}), req, res);
  };
}
