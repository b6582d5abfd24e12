import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import { keyIssues } from '../../resources/engine/key-issues.js';
import type { KeySpec } from '../../resources/engine/keys.js';
import type { Body, ResourceRow, Versioned } from '../../resources/engine/resource-row.js';
import type { AppDeps } from '../deps.js';
import { checkBody } from '../../resources/engine/check-body.js';
import { readJsonObject } from './json-body.js';

/** A path segment read as the key's body value would be (digits for integer keys), for `keyIssues`. */
function pathValue(key: KeySpec, text: string): unknown {
  return key.kind === 'integer' && /^-?\d{1,16}$/.test(text) ? Number(text) : text;
}

/**
 * A POST (`pathKey` undefined) or PUT body of a row, checked against the row's write schema after matching
 * member names case-insensitively: every problem at once as a 400 (errorCode 3), the path key's included. POST
 * needs the key unless it is an `id` (generated) and drops `_v`; PUT drops the body's key (the path wins).
 * Unknown members are ignored, or listed in strict mode.
 */
export function readRowBody(
  req: Request,
  res: Response,
  deps: AppDeps,
  row: Pick<ResourceRow<Versioned>, 'key' | 'schemas'>,
  pathKey?: string,
): { body: Body; version: number | undefined } {
  const { member } = row.key;
  const ignored = pathKey === undefined ? ['_v'] : [member];
  const checked = checkBody(readJsonObject(req, res), row.schemas.write, deps, ignored);
  const issues: Issue[] = [];
  if (pathKey !== undefined) issues.push(...keyIssues(row.key, pathValue(row.key, pathKey)));
  else if (checked.value[member] === undefined || checked.value[member] === null) {
    if (row.key.kind !== 'id') issues.push(issue('body.required', member, {}));
  } else if (!checked.issues.some((found) => found.member === member)) {
    issues.push(...keyIssues(row.key, checked.value[member]));
  }
  issues.push(...checked.issues);
  if (deps.config.strict) issues.push(...checked.unknown.map((name) => issue('body.unknown_member', name, {})));
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  const version = checked.value['_v'];
  return { body: checked.value, version: typeof version === 'number' ? version : undefined };
}
