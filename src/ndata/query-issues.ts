import type { Arity } from './operators.js';
import type { ValueType } from './value-types.js';

/** Where in a filter value a problem is: the 1-based operation number and its text (shortened if long). */
export interface OperationRef {
  operation: number;
  text: string;
}

/**
 * Validation issues of the GET /customers query parameters. `member` of the issue is the documented
 * parameter name (`DiscountRate`, `$sort`), or the client's own name for an unknown parameter.
 */
export interface QueryIssueParams {
  /** A filter parameter given with an empty value (`DiscountRate=`). */
  'query.empty_value': Record<string, never>;
  /** Nothing between two `;` or after the last one (`gt:1;;lt:5`). */
  'query.empty_operation': { operation: number };
  /** `DiscountRate=foo:1`: the text before the first `:` is no operator and the whole is no value either. */
  'query.unknown_operator': OperationRef & { operator: string; allowed: readonly string[] };
  /** A known operator the member's type or nullability does not allow (`IsActive=gt:true`). */
  'query.operator_not_allowed': OperationRef & {
    operator: string;
    type: ValueType;
    nullable: boolean;
    allowed: readonly string[];
  };
  /** Too few or too many arguments (`gt`, `null:x`, `between:1`). */
  'query.argument_count': OperationRef & { operator: string; expected: Arity; actual: number };
  /** `in:` / `nin:` with nothing after the `:`. */
  'query.empty_list': OperationRef & { operator: string };
  /** An opening `'` without its closing one, or text right after a closing `'`. */
  'query.bad_quote': OperationRef;
  /** An argument that is not a value of the member's type. */
  'query.invalid_argument': OperationRef & { value: string; type: Exclude<ValueType, 'string'> };
  /** `IsExpired` or `$count` that is not `true`/`false`. */
  'query.invalid_boolean': { value: string };
  /** `$skip` or `$take` that is not an integer. */
  'query.invalid_integer': { value: string };
  /** `$skip` or `$take` outside 0…2,147,483,647. */
  'query.integer_out_of_range': { value: string; min: number; max: number };
  /** `$sort=a,,b` or an empty `$sort=`; `position` is the 1-based key number. */
  'query.sort_empty_key': { position: number };
  'query.sort_unknown_key': { position: number; key: string; allowed: readonly string[] };
  /** A member that exists but is an object or array (`cards`, `company`). */
  'query.sort_not_sortable': { position: number; key: string };
  'query.sort_bad_direction': { position: number; key: string; direction: string };
  /** `-key:asc`: the leading `-` says descending, the suffix ascending. */
  'query.sort_conflicting_direction': { position: number; key: string };
  /** A single-valued parameter given more than once (strict mode, or `repeatedSingleParameter: 'error'`). */
  'query.repeated_parameter': { count: number };
  /** A parameter GET /customers does not know (strict mode only). */
  'query.unknown_parameter': Record<string, never>;
}

/** Long client texts are shortened in issues (a 10,000-character value must not come back 5,000 times). */
export function excerpt(text: string, limit = 60): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

declare module '../errors/issue.js' {
  /** The query issue kinds join the one vocabulary of issues. */
  interface IssueParams extends QueryIssueParams {}
}
