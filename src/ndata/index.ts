export { parseCustomerQuery, type ParseOptions, type ParseResult } from './parse-query.js';
export { runCustomerQuery, type RunOptions } from './run-query.js';
export type { Condition, CustomerQuery, Filters, QueryResult, SortKey } from './ast.js';
export { FILTER_MEMBERS, type FilterMember, type MemberValue } from './members.js';
export { OPERATORS, type Operator } from './operators.js';
export { SORT_KEYS, type SortKeyName } from './sort-keys.js';
export type { QueryIssueParams } from './query-issues.js';
