import type { CustomerWrite } from '../../domain/customer-write.js';
import type { Issue } from '../../errors/issue.js';
import type { OpenApiDocument } from '../../spec/load-spec.js';
import type { OpenApiIndex } from '../../spec/openapi-index.js';
import { canonicalizeMembers, type MemberSchema } from './canonical-members.js';
import { impossibleDates, schemaIssues } from './body-schema-issues.js';

/** Where bodies are checked: the spec document (member names) and the documented view's validators. */
export interface BodySchemas {
  spec: OpenApiDocument;
  schemas: OpenApiIndex;
}

/** A customer object after member matching and validation: the value, what is wrong with it, unknown members. */
export interface CheckedCustomer {
  value: CustomerWrite;
  issues: Issue[];
  unknown: string[];
}

const resolvers = new WeakMap<object, (schema: MemberSchema) => MemberSchema>();

/** Follows `$ref`s into the spec's `components.schemas` (one resolver per spec document). */
function resolverOf(spec: OpenApiDocument): (schema: MemberSchema) => MemberSchema {
  let resolve = resolvers.get(spec);
  if (resolve === undefined) {
    const schemas = (spec['components'] as { schemas: Record<string, MemberSchema> }).schemas;
    resolve = (schema) => {
      let current = schema;
      for (let hops = 0; current.$ref !== undefined && hops < 10; hops++) {
        current = schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
      }
      return current;
    };
    resolvers.set(spec, resolve);
  }
  return resolve;
}

/** `checkBody` against the spec's `CustomerWrite`, typed as a customer (the control API's loaders). */
export function checkCustomer(raw: object, deps: BodySchemas, ignored: readonly string[] = []): CheckedCustomer {
  const checked = checkBody(raw, 'CustomerWrite', deps, ignored);
  return { ...checked, value: checked.value as CustomerWrite };
}

/**
 * Checks a body against one of the spec's write schemas after matching member names case-insensitively (as
 * ASP.NET binds them). `ignored` members are dropped unread. Every problem is listed; an impossible calendar
 * date counts once per member.
 */
export function checkBody(
  raw: object,
  schemaName: string,
  deps: BodySchemas,
  ignored: readonly string[] = [],
): { value: Record<string, unknown>; issues: Issue[]; unknown: string[] } {
  const canonical = canonicalizeMembers(raw, { $ref: `#/components/schemas/${schemaName}` }, resolverOf(deps.spec));
  const value = Object.fromEntries(
    Object.entries(canonical.value as object).filter(([name]) => !ignored.includes(name)),
  );
  const validate = deps.schemas.schema(schemaName);
  const issues: Issue[] = validate(value) ? [] : schemaIssues(validate.errors);
  issues.push(...impossibleDates(value).filter((found) => !issues.some((i) => i.member === found.member)));
  return { value, issues, unknown: canonical.unknown };
}
