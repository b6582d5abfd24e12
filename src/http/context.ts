import type { Response } from 'express';
import type { Principal } from '../auth/principal.js';
import type { Locale } from '../i18n/locales.js';

/** What the middleware learns about a request, for the handlers after it. */
export interface RequestContext {
  locale: Locale;
  /** The request's trace id, made on first use (only error bodies need one). */
  traceId(): string;
  principal: Principal | null;
  /** The raw body bytes as received (empty when there was none). */
  rawBody: Buffer;
}

const KEY = 'portosContext';

/** The request's context, set up by `requestContext` first thing. */
export function contextOf(res: Response): RequestContext {
  return (res.locals as Record<string, RequestContext>)[KEY] as RequestContext;
}

export function setContext(res: Response, context: RequestContext): void {
  (res.locals as Record<string, RequestContext>)[KEY] = context;
}

/** The authenticated caller; only valid after `authenticate`. */
export function principalOf(res: Response): Principal {
  const { principal } = contextOf(res);
  if (principal === null) throw new Error('principalOf called before authenticate');
  return principal;
}
