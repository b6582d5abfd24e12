/** One request as the request log keeps it (and the console prints it). */
export interface RequestRecord {
  /** Real time the request arrived (ISO). */
  at: string;
  method: string;
  /** The path as requested, with the query. */
  url: string;
  /** The status sent; `null` when the connection was dropped before any. */
  status: number | null;
  latencyMs: number;
  /** The caller's user name once authenticated; `null` otherwise. */
  identity: string | null;
  /** The faults applied, in header form (`latency=300`, `status=423`). */
  faults: string[];
  /** `completed`, or how it ended otherwise: `dropped` / `truncated` by a fault, `aborted` by the client. */
  outcome: 'completed' | 'dropped' | 'truncated' | 'aborted';
}
