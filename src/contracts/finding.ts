/** One way an actual value differs from what was expected, at a path such as `body.items[3].lastName`. */
export interface Mismatch {
  path: string;
  message: string;
  /** What was expected (a literal, or the matcher object), for the diff. */
  expected?: unknown;
  /** What came back; `undefined` when the member is missing. */
  actual?: unknown;
}

/**
 * Which expectation a finding breaks. Two kinds mean the scenario could not run: `no-answer` (no HTTP answer
 * arrived: refused, reset, timeout, TLS, DNS) and `identity` (no credentials: a login failed).
 */
export const FINDING_KINDS = [
  'status',
  'header',
  'body',
  'title',
  'schema',
  'capture',
  'request',
  'transport',
  'no-answer',
  'elapsed',
  'control',
  'identity',
  'notifications',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

/** A broken expectation of one step. */
export interface Finding extends Mismatch {
  kind: FindingKind;
}

/** Tags mismatches with the expectation they belong to. */
export function findings(kind: FindingKind, mismatches: readonly Mismatch[]): Finding[] {
  return mismatches.map((m) => ({ kind, ...m }));
}
