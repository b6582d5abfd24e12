import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { parseFaultHeader } from '../../control/fault-header.js';
import type { Fault } from '../../control/fault-kinds.js';
import { planFaults, type TerminalFault } from '../../control/fault-plan.js';
import { faultProblem } from '../../control/fault-problems.js';
import { lockKey } from '../../control/lock-key.js';
import { routeOf } from '../../control/route-names.js';
import { AppError } from '../../errors/app-error.js';
import { keyText } from '../../resources/engine/keys.js';
import { RESOURCE_NAMES } from '../../resources/names.js';
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

/** The key member (any case: `id`, `name`, `category`…) of a JSON body, as key text, if it has one. */
function bodyKey(raw: Buffer, member: string): string | null {
  const parsed = parseJsonBytes(raw);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return null;
  const entry = Object.entries(parsed.value).find(([name]) => name.toLowerCase() === member.toLowerCase());
  const value = entry?.[1];
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : null;
}

/** Ends the request the fault's way, or lets it go on. */
function finish(
  terminal: TerminalFault | null,
  id: string | null,
  resource: string,
  deps: AppDeps,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const state = faultStateOf(res);
  if (terminal === null) return next();
  if (terminal.kind === 'status') {
    const { bodyLimitBytes: limitBytes } = deps.config;
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
 * item of any resource (writes → 423 naming the resource) and the matching control-API rules. Latency waits on a timer, so other requests go on;
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
    const { route, id, segment } = routeOf(path);
    const row = segment === null || !deps.resources.has(segment) ? undefined : deps.resources.row(segment);
    // Key text as the store keeps it (`/vats/03` names vat 3); a key outside the domain stays as written.
    const keyOf = (text: string | null): string | null => {
      const key = text === null ? undefined : row?.key.fromPath(text);
      return key === undefined ? text : keyText(key);
    };
    const resource =
      segment === null || segment === 'customers' ? deps.config.customerResourceName : RESOURCE_NAMES[segment];
    const apply = (targetId: string | null) => {
      const faults: Fault[] = [...fromHeader.value];
      const locked = segment !== null && targetId !== null && control.locks.has(lockKey(segment, targetId));
      if (WRITES.has(req.method) && locked) faults.push({ kind: 'status', status: 423 });
      faults.push(...control.faults.match({ method: req.method, path, route, id: targetId }));
      const plan = planFaults(faults, control.random);
      faultStateOf(res).applied = plan.applied;
      const run = () => finish(plan.terminal, targetId, resource, deps, req, res, next);
      if (plan.delayMs > 0) setTimeout(run, plan.delayMs);
      else run();
    };
    // A POST names its item in the body: read it early, only when a lock or an id-scoped rule could apply.
    const idMatters = control.locks.size > 0 || control.faults.list().some((rule) => rule.scope.id !== undefined);
    if (segment === null || route !== segment || req.method !== 'POST' || !idMatters) return apply(keyOf(id));
    const member = row?.key.member ?? 'id';
    readBody(req, res, (error?: unknown) =>
      error === undefined ? apply(bodyKey(contextOf(res).rawBody, member)) : next(error),
    );
  };
}
