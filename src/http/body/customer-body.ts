import type { Request, Response } from 'express';
import type { CustomerWrite } from '../../domain/customer-write.js';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import type { AppDeps } from '../deps.js';
import { canonicalizeMembers, type MemberSchema } from './canonical-members.js';
import { readJsonObject } from './json-body.js';
import { impossibleDates, schemaIssues } from './schema-issues.js';


function resolver(deps: AppDeps): (schema: MemberSchema) => MemberSchema {
  const schemas = (deps.spec['components'] as { schemas: Record<string, MemberSchema> }).schemas;
  return (schema) => {
    let current = schema;
    for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
      current = schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    return current;
  };
}

/**
 * A customer body, validated against the spec's `CustomerWrite` (POST) or `CustomerReplace` (PUT) after matching member names
 * case-insensitively; every problem at once as a 400 (errorCode 3). Unknown members are ignored,
 * or listed in strict mode. `ignored` members (POST: `_v`; PUT: `id`, which the path decides) are
 * dropped unread, so whatever form they take never fails a request.
 */
export function readCustomerBody(
  req: Request,
  res: Response,
  deps: AppDeps,
  schemaName: 'CustomerWrite' | 'CustomerReplace',
  ignored: readonly ('id' | '_v')[],
): CustomerWrite {
  const raw = readJsonObject(req, res);
  const resolve = resolver(deps);
  const canonical = canonicalizeMembers(raw, { $ref: `#/components/schemas/${schemaName}` }, resolve);
  const { unknown } = canonical;
  const value = Object.fromEntries(Object.entries(canonical.value as object).filter(([name]) => !(ignored as readonly string[]).includes(name)));
  const validate = deps.schemas.schema(schemaName);
  const issues: Issue[] = [];
  if (!validate(value)) issues.push(...schemaIssues(validate.errors));
  issues.push(...impossibleDates(value).filter((found) => !issues.some((i) => i.member === found.member)));
  if (deps.config.strict) issues.push(...unknown.map((member) => issue('body.unknown_member', member, {})));
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  return value as CustomerWrite;
}
