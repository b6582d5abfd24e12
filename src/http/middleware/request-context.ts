import type { RequestHandler } from 'express';
import { negotiateLocale } from '../../i18n/negotiate.js';
import type { AppDeps } from '../deps.js';
import { setContext } from '../context.js';

const NO_BODY = Buffer.alloc(0);

/** First in the chain: the response language and a trace id for every request. */
export function requestContext(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    let traceId: string | undefined;
    setContext(res, {
      locale: negotiateLocale(req.get('accept-language'), deps.config.defaultLocale),
      traceId: () => (traceId ??= deps.ids.traceId()),
      principal: null,
      rawBody: NO_BODY,
    });
    next();
  };
}
