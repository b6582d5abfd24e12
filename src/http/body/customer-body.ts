import type { Request, Response } from 'express';
import { CUSTOMER_ID_PATTERN, isCustomerId } from '../../domain/customer-id.js';
import type { CustomerWrite } from '../../domain/customer-write.js';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import type { AppDeps } from '../deps.js';
import { checkCustomer, type CustomerSchemaName } from './check-customer.js';
import { readJsonObject } from './json-body.js';

/**
 * A customer body, validated against the spec's `CustomerWrite` (POST) or `CustomerReplace` (PUT) after matching
 * member names case-insensitively; every problem at once as a 400 (errorCode 3). Unknown members are ignored,
 * or listed in strict mode. `ignored` members (POST: `_v`; PUT: `id`, which the path decides) are dropped
 * unread, so whatever form they take never fails a request. `pathIssues` (a PUT path id that is no id) are listed
 * with the body's.
 */
export function readCustomerBody(
  req: Request,
  res: Response,
  deps: AppDeps,
  schemaName: CustomerSchemaName,
  ignored: readonly ('id' | '_v')[],
  pathIssues: readonly Issue[] = [],
): CustomerWrite {
  const checked = checkCustomer(readJsonObject(req, res), schemaName, deps, ignored);
  const issues = [
    ...pathIssues,
    ...checked.issues,
    ...(deps.config.strict ? checked.unknown.map((member) => issue('body.unknown_member', member, {})) : []),
  ];
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  return checked.value;
}

/** The issue of a PUT path id that breaks the id rule (none when it keeps it), named `id` like the body member. */
export function pathIdIssues(id: string): Issue[] {
  return isCustomerId(id) ? [] : [issue('body.pattern', 'id', { pattern: CUSTOMER_ID_PATTERN })];
}
