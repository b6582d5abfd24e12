import { issue, type Issue } from '../errors/issue.js';
import { ControlInput } from './control-input.js';
import { FAULT_KINDS, FAULT_KIND_NAMES, isFaultKind, type Fault } from './fault-kinds.js';
import type { FaultScope } from './fault-rules.js';
import { ROUTE_NAME_LIST, isRouteName } from './route-names.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Methods a scope may name: the ones PORTOS routes serve. */
export const SCOPE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const;

const SCOPE_MEMBERS = ['route', 'method', 'id', 'share', 'times'] as const;

/** `{kind, ...members}` → a fault, with issues at `at` (`$` for a whole body). */
export function readFault(
  value: Record<string, unknown>,
  at: string,
  issues: Issue[],
  extra: readonly string[] = [],
): Fault | undefined {
  const kindName = value['kind'];
  if (typeof kindName !== 'string' || !isFaultKind(kindName)) {
    const member = at === '$' ? 'kind' : `${at}.kind`;
    if (kindName === undefined) issues.push(issue('control.required', member, {}));
    else issues.push(issue('control.one_of', member, { value: String(kindName), allowed: FAULT_KIND_NAMES }));
    return undefined;
  }
  const row = FAULT_KINDS[kindName];
  return row.read(new ControlInput(value, at, issues, ['kind', ...row.members, ...extra]));
}

function readScope(value: unknown, issues: Issue[]): FaultScope | undefined {
  if (value === undefined) return {};
  const object = ControlInput.object(value, 'scope', issues);
  if (object === undefined) return undefined;
  const input = new ControlInput(object, 'scope', issues, SCOPE_MEMBERS);
  const scope: FaultScope = {};
  const route = input.string('route');
  if (route !== undefined) {
    if (route.startsWith('/') || isRouteName(route)) scope.route = route;
    else
      issues.push(
        issue('control.one_of', 'scope.route', { value: route, allowed: [...ROUTE_NAME_LIST, '/path/glob/*'] }),
      );
  }
  const method = input.string('method')?.toUpperCase();
  if (method !== undefined) {
    if ((SCOPE_METHODS as readonly string[]).includes(method)) scope.method = method;
    else issues.push(issue('control.one_of', 'scope.method', { value: method, allowed: SCOPE_METHODS }));
  }
  const id = input.string('id');
  if (id !== undefined) scope.id = id;
  const share = input.number('share', 0, 1, true);
  if (share !== undefined) scope.share = share;
  const times = input.integer('times', 1, 1_000_000);
  if (times !== undefined) scope.times = times;
  return scope;
}

/**
 * The body of `POST /_mock/faults`: `{kind, <kind's members>, scope?: {route, method, id, share, times}}`,
 * every problem listed.
 */
export function parseFaultRule(body: unknown): Parsed<{ fault: Fault; scope: FaultScope }> {
  const issues: Issue[] = [];
  const object = ControlInput.object(body, '$', issues);
  if (object === undefined) return { ok: false, issues };
  const fault = readFault(object, '$', issues, ['scope']);
  const scope = readScope(object['scope'], issues);
  if (issues.length > 0 || fault === undefined || scope === undefined) return { ok: false, issues };
  return { ok: true, value: { fault, scope } };
}
