import type { Response } from 'express';
import type { RequestRecord } from '../../control/request-record.js';

/** What the fault middleware did to a request, for the request log. */
export interface FaultState {
  applied: string[];
  outcome: RequestRecord['outcome'] | null;
}

const KEY = 'portosMockFaults';

export function faultStateOf(res: Response): FaultState {
  const locals = res.locals as Record<string, FaultState | undefined>;
  locals[KEY] ??= { applied: [], outcome: null };
  return locals[KEY];
}
