/** Validation issues of the auth routes' bodies (beyond the generic body issues). */
export interface AuthIssueParams {
  'auth.empty_member': Record<string, never>;
}
