import type { Request, Response } from 'express';
import { ControlInput } from '../../control/control-input.js';
import type { Parsed } from '../../control/parse-fault.js';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import { readJsonBody } from '../body/json-body.js';

/**
 * A control request's JSON body as `unknown` (an empty body is `{}`), read by the one JSON reader of every route
 * (same 415 and 400 answers, same depth limit). Arrays are allowed (a fixture file is one).
 */
export function controlBody(req: Request, res: Response): unknown {
  return readJsonBody(req, res, { whenEmpty: {} });
}

/** The body as members read by `read`, or a 400 listing every problem (unknown members included). */
export function controlObject<T>(
  req: Request,
  res: Response,
  allowed: readonly string[],
  read: (input: ControlInput) => T | undefined,
): T {
  const issues: Issue[] = [];
  const object = ControlInput.object(controlBody(req, res), '$', issues);
  const value = object === undefined ? undefined : read(new ControlInput(object, '$', issues, allowed));
  if (issues.length > 0 || value === undefined) throw new AppError('validation_failed', { issues });
  return value;
}

/** The value of a parse, or a 400 with its issues. */
export function orBadRequest<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
  return parsed.value;
}

/** `?since=N&limit=N` of the log routes, as non-negative integers. */
export function logQuery(req: Request): { since?: number; limit?: number } {
  const at = req.originalUrl.indexOf('?');
  const params = new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
  const issues: Issue[] = [];
  const result: { since?: number; limit?: number } = {};
  for (const name of ['since', 'limit'] as const) {
    const text = params.get(name);
    if (text === null) continue;
    if (/^\d{1,15}$/.test(text)) result[name] = Number(text);
    else issues.push(issue('control.type', name, { expected: 'integer' }));
  }
  for (const name of params.keys()) {
    if (name !== 'since' && name !== 'limit')
      issues.push(issue('control.unknown_member', name, { allowed: ['since', 'limit'] }));
  }
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  return result;
}
