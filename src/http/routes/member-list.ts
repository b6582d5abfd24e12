import type { Request, Response } from 'express';
import { AppError } from '../../errors/app-error.js';
import { parseRowQuery, runRowQuery, type MemberTable } from '../../resources/engine/row-query.js';
import { sendJsonText } from '../customer-json.js';
import type { AppDeps } from '../deps.js';

function queryPairs(req: Request): [string, string][] {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(req.originalUrl.slice(at + 1))];
}

/**
 * Answers `GET` of a list that is not an engine row (`/users`, `/sessions`) with the rows' NData: the table's
 * filters, `$skip`, `$take`, `$sort`, `$count` → `{items, count, totalCount}`, or a 400 listing every issue.
 */
export function sendMemberList<T extends Readonly<Record<string, unknown>>>(
  req: Request,
  res: Response,
  deps: AppDeps,
  table: MemberTable<T>,
  items: readonly T[],
): void {
  const parsed = parseRowQuery(table, queryPairs(req), {
    strict: deps.config.strict,
    repeatedSingleParameter: deps.config.ndata.repeatedSingleParameter,
  });
  if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
  const result = runRowQuery(table, parsed.query, items, deps.config.ndata.stringOrder);
  const head = result.items === undefined ? '{' : `{"items":${JSON.stringify(result.items)},`;
  sendJsonText(res, 200, `${head}"count":${result.count},"totalCount":${result.totalCount}}`);
}
