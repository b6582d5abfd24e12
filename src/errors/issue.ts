import type { BodyIssueParams } from './body-issues.js';
import type { QueryIssueParams } from '../ndata/query-issues.js';
import type { AuthIssueParams } from '../auth/auth-issues.js';
import type { ControlIssueParams } from '../control/control-issues.js';

/** Every kind of validation issue, with its parameters; sentences come only from the locale tables. */
export type IssueParams = BodyIssueParams & QueryIssueParams & AuthIssueParams & ControlIssueParams;
export type IssueKind = keyof IssueParams;

/** Validation constraint codes on the wire (PORTOS "Validation constraints"): 1 Required, 2 Unique. */
export type ConstraintCode = '1' | '2';

/** One broken rule: where (`member`, as the client names it), what (`kind` + `params`). */
export type Issue = {
  [K in IssueKind]: { kind: K; member: string; params: IssueParams[K] };
}[IssueKind];

/** Builds an issue with its parameters checked against its kind. */
export function issue<K extends IssueKind>(kind: K, member: string, params: IssueParams[K]): Issue {
  return { kind, member, params } as Issue;
}
