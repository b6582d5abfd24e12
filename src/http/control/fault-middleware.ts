import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseFaultHeader } from '../../control/fault-header.js';
import type { Fault } from '../../control/fault-kinds.js';
import { planFaults, type TerminalFault } from '../../control/fault-plan.js';
import { faultProblem } from '../../control/fault-problems.js';
import { routeOf } from '../../control/route-names.js';
import { AppError } from '../../errors/app-error.js';
import { parseJsonBytes } from '../body/json-body.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { rawBody } from '../middleware/raw-body.js';
import { faultStateOf } from './fault-state.js';
import { truncateResponse } from './truncate-response.js';

const WRITES = new Set(['POST', 'PUT', 'DELETE']);

/** `path` is `prefix` or below it. */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** The `id` member (any case) of a JSON body, if it has a string one. */
function bodyId(raw: Buffer): string | null {
  const parsed = parseJsonBytes(raw);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const entry = Object.entries(parsed.value).find(([name]) => name.toLowerCase() === 'id');
  return typeof entry?.[1] === 'string' ? entry[1] : null;
}

/** Ends the request the fault's way, or lets it go on. */
function finish(
  terminal: TerminalFault | null,
  id: string | null,
  deps: AppDeps,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const state = faultStateOf(res);
  if (terminal === null) return next();
  if (terminal.kind === 'status') {
    const { customerResourceName: resource, bodyLimitBytes: limitBytes } = deps.config;
    return next(
      faultProblem(terminal.status, {
        resource,
        id,
        path: req.path,
        limitBytes,
        contentType: req.get('content-type') ?? null,
      }),
    );
  }
  if (terminal.kind === 'drop') {
    state.outcome = 'dropped';
    req.socket.destroy();
    return;
  }
  state.outcome = 'truncated';
  truncateResponse(res, terminal.bytes);
  next();
}

/**
 * Applies faults to PORTOS requests before routing: the fault header (this request only), a lock on the target
 * customer (writes → 423) and the matching control-API rules. Latency waits on a timer, so other requests go on;
 * problems go to the problem writer like any other.
 */
export function faultMiddleware(deps: AppDeps): RequestHandler {
  const { control } = deps;
  const base = deps.config.basePath;
  const readBody = rawBody(deps.config.bodyLimitBytes);
  return (req, res, next) => {
    const path = base === '' ? req.path : req.path.startsWith(base) ? req.path.slice(base.length) || '/' : null;
    if (path === null || isUnder(req.path, control.config.prefix)) return next();
    const header = req.get(control.config.faultHeader);
    // Nothing configured and no header: the common case costs one look at the header and two sizes.
    if (header === undefined && control.locks.size === 0 && control.faults.size === 0) return next();
    const fromHeader =
      header === undefined ? { ok: true as const, value: [] } : parseFaultHeader(header, control.config.faultHeader);
    if (!fromHeader.ok) return next(new AppError('validation_failed', { issues: fromHeader.issues }));
    const { route, id } = routeOf(path);
    const apply = (targetId: string | null) => {
      const faults: Fault[] = [...fromHeader.value];
      if (WRITES.has(req.method) && targetId !== null && control.locks.has(targetId))
        faults.push({ kind: 'status', status: 423 });
      faults.push(...control.faults.match({ method: req.method, path, route, id: targetId }));
      const plan = planFaults(faults, control.random);
      faultStateOf(res).applied = plan.applied;
      const run = () => finish(plan.terminal, targetId, deps, req, res, next);
      if (plan.delayMs > 0) setTimeout(run, plan.delayMs);
      else run();
    };
    // A POST names its customer in the body: read it early, only when a lock or an id-scoped rule could apply.
    const idMatters = control.locks.size > 0 || control.faults.list().some((rule) => rule.scope.id !== undefined);
    if (route !== 'customers' || req.method !== 'POST' || !idMatters) return apply(id);
    readBody(req, res, (error?: unknown) =>
      error === undefined ? apply(bodyId(contextOf(res).rawBody)) : next(error),
    );
  };
}
