import { FAULT_KINDS, describeFault, type Fault } from './fault-kinds.js';

export type TerminalFault = Exclude<Fault, { kind: 'latency' }>;

/** What the fault middleware does to one request: wait, then maybe end it its own way. */
export interface FaultPlan {
  delayMs: number;
  terminal: TerminalFault | null;
  /** The faults that applied, in header form (for the request log). */
  applied: string[];
}

export const NO_FAULTS: FaultPlan = { delayMs: 0, terminal: null, applied: [] };

function isTerminal(fault: Fault): fault is TerminalFault {
  return FAULT_KINDS[fault.kind].terminal;
}

/**
 * One plan from the request's faults in priority order (header first, then the lock, then the rules): the
 * latencies add up (a range is drawn with `random`), the first fault that ends the request wins.
 */
export function planFaults(faults: readonly Fault[], random: () => number): FaultPlan {
  if (faults.length === 0) return NO_FAULTS;
  let delayMs = 0;
  let terminal: TerminalFault | null = null;
  const applied: string[] = [];
  for (const fault of faults) {
    if (fault.kind === 'latency') {
      delayMs +=
        fault.minMs === fault.maxMs
          ? fault.minMs
          : fault.minMs + Math.floor(random() * (fault.maxMs - fault.minMs + 1));
    } else if (terminal === null && isTerminal(fault)) {
      terminal = fault;
    } else {
      continue;
    }
    applied.push(describeFault(fault));
  }
  return { delayMs, terminal, applied };
}
