import type { BodyIssueParams } from './body-issues.js';

/**
 * Every kind of validation issue, with its parameters; sentences come only from the locale tables. The body's
 * kinds are here; the query's, the login's and the control API's are added where they are found
 * (`declare module` in src/ndata/query-issues.ts, src/auth/auth-issues.ts, src/control/control-issues.ts), so
 * this folder imports nothing from the folders above it.
 */
export interface IssueParams extends BodyIssueParams {}
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
