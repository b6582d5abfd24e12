/** Validation issues of the auth routes' bodies (beyond the generic body issues). */
export interface AuthIssueParams {
  'auth.empty_member': Record<string, never>;
}

declare module '../errors/issue.js' {
  /** The auth issue kinds join the one vocabulary of issues. */
  interface IssueParams extends AuthIssueParams {}
}
