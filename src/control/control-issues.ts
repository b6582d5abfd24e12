/**
 * Issues of a bad control request (`/_mock/*` bodies and query, the fault header, CLI arguments). They travel
 * as `validation_failed` problems like every other 400; `member` names the JSON path in the control body
 * (`scope.share`), the query parameter or the header.
 */
export interface ControlIssueParams {
  'control.required': Record<string, never>;
  'control.type': { expected: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' };
  'control.range': { min: number; max: number; exclusiveMin: boolean };
  'control.one_of': { value: string; allowed: readonly string[] };
  'control.unknown_member': { allowed: readonly string[] };
  'control.syntax': { example: string };
  'control.conflict': { with: string };
  /** The clock would leave the years 0001–9999 UTC (`first`/`last`: the edges, ISO texts). */
  'control.clock_range': { first: string; last: string };
}

declare module '../errors/issue.js' {
  /** The control issue kinds join the one vocabulary of issues. */
  interface IssueParams extends ControlIssueParams {}
}
