import { issue } from '../errors/issue.js';
import type { ControlInput } from './control-input.js';
import { FAULT_STATUSES, isFaultStatus, type FaultStatus } from './fault-problems.js';

/** One injected misbehaviour; `latency` delays, the others end the request (at most one of those applies). */
export type Fault =
  | { kind: 'latency'; minMs: number; maxMs: number }
  | { kind: 'status'; status: FaultStatus }
  | { kind: 'drop' }
  | { kind: 'truncate'; bytes: number | null };

/** Longest latency a fault may add (10 minutes). */
export const MAX_LATENCY_MS = 600_000;

const MAX_BYTES = 1_000_000_000;

interface FaultKindRow {
  /** Ends the request (status, drop, truncate) rather than delaying it. */
  terminal: boolean;
  /** Members of the control body besides `kind` and `scope`. */
  members: readonly string[];
  /** The header form, as an example for error messages. */
  example: string;
  /** `name=ARG` in the fault header → the members of the control body form; `undefined` = wrong syntax. */
  fromHeader(arg: string | undefined): Record<string, unknown> | undefined;
  /** The fault from the body form's members (issues go to `input.issues`). */
  read(input: ControlInput): Fault | undefined;
}

const digits = /^\d{1,10}$/;

function readLatency(input: ControlInput): Fault | undefined {
  const ms = input.integer('ms', 0, MAX_LATENCY_MS);
  const minMs = input.integer('minMs', 0, MAX_LATENCY_MS);
  const maxMs = input.integer('maxMs', 0, MAX_LATENCY_MS);
  if (input.has('ms')) {
    if (input.has('minMs')) input.conflict('minMs', 'ms');
    if (input.has('maxMs')) input.conflict('maxMs', 'ms');
    return ms === undefined || input.has('minMs') || input.has('maxMs')
      ? undefined
      : { kind: 'latency', minMs: ms, maxMs: ms };
  }
  if (!input.has('minMs') || !input.has('maxMs')) {
    input.issues.push(
      issue('control.required', input.at(input.has('minMs') ? 'maxMs' : input.has('maxMs') ? 'minMs' : 'ms'), {}),
    );
    return undefined;
  }
  if (minMs === undefined || maxMs === undefined) return undefined;
  if (minMs > maxMs) {
    input.issues.push(
      issue('control.range', input.at('maxMs'), { min: minMs, max: MAX_LATENCY_MS, exclusiveMin: false }),
    );
    return undefined;
  }
  return { kind: 'latency', minMs, maxMs };
}

function readStatus(input: ControlInput): Fault | undefined {
  const status = input.integer('status', 100, 599, true);
  if (status === undefined) return undefined;
  if (isFaultStatus(status)) return { kind: 'status', status };
  input.issues.push(
    issue('control.one_of', input.at('status'), { value: String(status), allowed: FAULT_STATUSES.map(String) }),
  );
  return undefined;
}

/** The fault vocabulary: one row per kind, shared by the control API, the fault header and the CLI. */
export const FAULT_KINDS = {
  latency: {
    terminal: false,
    members: ['ms', 'minMs', 'maxMs'],
    example: 'latency=300 or latency=100-500',
    fromHeader: (arg) => {
      const range = /^(\d{1,10})-(\d{1,10})$/.exec(arg ?? '');
      if (range !== null) return { minMs: Number(range[1]), maxMs: Number(range[2]) };
      return arg !== undefined && digits.test(arg) ? { ms: Number(arg) } : undefined;
    },
    read: readLatency,
  },
  status: {
    terminal: true,
    members: ['status'],
    example: 'status=500',
    fromHeader: (arg) => (arg !== undefined && digits.test(arg) ? { status: Number(arg) } : undefined),
    read: readStatus,
  },
  drop: {
    terminal: true,
    members: [],
    example: 'drop',
    fromHeader: (arg) => (arg === undefined ? {} : undefined),
    read: () => ({ kind: 'drop' }),
  },
  truncate: {
    terminal: true,
    members: ['bytes'],
    example: 'truncate or truncate=10',
    fromHeader: (arg) => (arg === undefined ? {} : digits.test(arg) ? { bytes: Number(arg) } : undefined),
    read: (input) => {
      const bytes = input.integer('bytes', 0, MAX_BYTES);
      return input.has('bytes') && bytes === undefined ? undefined : { kind: 'truncate', bytes: bytes ?? null };
    },
  },
} as const satisfies Record<string, FaultKindRow>;

export type FaultKind = keyof typeof FAULT_KINDS;

export const FAULT_KIND_NAMES = Object.keys(FAULT_KINDS) as FaultKind[];

export function isFaultKind(value: string): value is FaultKind {
  return Object.hasOwn(FAULT_KINDS, value);
}

/** `latency=300`, `status=500`, `drop`, `truncate=10`: the header form of a fault, for logs and listings. */
export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'latency':
      return fault.minMs === fault.maxMs ? `latency=${fault.minMs}` : `latency=${fault.minMs}-${fault.maxMs}`;
    case 'status':
      return `status=${fault.status}`;
    case 'drop':
      return 'drop';
    case 'truncate':
      return fault.bytes === null ? 'truncate' : `truncate=${fault.bytes}`;
  }
}
