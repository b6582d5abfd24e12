import { issue, type Issue } from '../errors/issue.js';
import { FAULT_KINDS, FAULT_KIND_NAMES, isFaultKind, type Fault } from './fault-kinds.js';
import { readFault, type Parsed } from './parse-fault.js';

/**
 * The fault header of one request (`X-Mock-Fault: latency=300, status=500`): comma-separated faults in the form
 * `kind` or `kind=ARG` (see `FAULT_KINDS[kind].example`). At most one of each kind and one that ends the request.
 * `member` names the header in issues.
 */
export function parseFaultHeader(value: string, member: string): Parsed<Fault[]> {
  const issues: Issue[] = [];
  const faults: Fault[] = [];
  const tokens = value.split(',').map((token) => token.trim());
  for (const token of tokens) {
    const [name = '', ...rest] = token.split('=');
    const kind = name.trim().toLowerCase();
    const arg = rest.length === 0 ? undefined : rest.join('=').trim();
    if (!isFaultKind(kind)) {
      issues.push(issue('control.one_of', member, { value: token, allowed: FAULT_KIND_NAMES }));
      continue;
    }
    const row = FAULT_KINDS[kind];
    const members = row.fromHeader(arg);
    if (members === undefined) {
      issues.push(issue('control.syntax', member, { example: row.example }));
      continue;
    }
    const found: Issue[] = [];
    const fault = readFault({ kind, ...members }, member, found);
    // Members are the header's own argument: name the header, not an inner member.
    issues.push(...found.map((item) => ({ ...item, member })));
    if (fault === undefined) continue;
    if (faults.some((other) => other.kind === kind || (FAULT_KINDS[other.kind].terminal && row.terminal))) {
      issues.push(issue('control.conflict', member, { with: faults.map((f) => f.kind).join(', ') }));
      continue;
    }
    faults.push(fault);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: faults };
}
