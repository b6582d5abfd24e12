import type { RequestHandler } from 'express';
import type { RequestRecord } from '../../control/request-record.js';
import { maskAccessToken } from '../../signalr/access-token.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { isUnder } from './fault-middleware.js';
import { faultStateOf } from './fault-state.js';

/**
 * Records every request when its connection is done: on the console (when `logRequests` is on) and, for PORTOS
 * routes with the control API on, in the bounded request log that `GET /_mock/requests` reads.
 */
export function requestLog(deps: AppDeps): RequestHandler {
  const { control } = deps;
  const keep = control.config.enabled;
  return (req, res, next) => {
    const started = performance.now();
    const startedAt = Date.now();
    // A browser's SignalR token travels in the query: never log it (docs/decisions.md#real-time-notifications).
    const url = maskAccessToken(req.originalUrl);
    const logged = keep && !isUnder(req.path, control.config.prefix);
    res.on('close', () => {
      const state = faultStateOf(res);
      const outcome = state.outcome ?? (res.writableFinished ? 'completed' : 'aborted');
      const record: RequestRecord = {
        at: new Date(startedAt).toISOString(),
        method: req.method,
        url,
        status: outcome === 'dropped' || !res.headersSent ? null : res.statusCode,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        identity: contextOf(res).principal?.user.userName ?? null,
        faults: state.applied,
        outcome,
      };
      if (logged) control.requests.push(record);
      control.console.info({ req: record }, 'request');
    });
    next();
  };
}
