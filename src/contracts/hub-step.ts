import type { Finding } from './finding.js';
import { findings } from './finding.js';
import { interpolateDeep, type Scope } from './interpolate.js';
import { matchValue } from './match.js';
import { HUB_PATH, type NotificationSessions } from './notifications.js';
import type { StepResult } from './result.js';
import { ANONYMOUS, type HubStep, hubStepIdentity, type LoadedScenario } from './scenario.js';

/** The hub method a step calls and its arguments (before interpolation); none for `connect`. */
function callOf(step: HubStep): { method: string; args: unknown[] } | undefined {
  if ('subscribe' in step) {
    const { event, resources } = step.subscribe;
    return { method: 'Subscribe', args: [event, ...(resources === undefined ? [] : [{ resources }])] };
  }
  if ('unsubscribe' in step) return { method: 'Unsubscribe', args: [step.unsubscribe.event] };
  return undefined;
}

/** The identity of a hub step: its own `as`, else the scenario's (the first, when that is a list). */
export function hubIdentity(step: HubStep, scenario: LoadedScenario): string {
  const as = hubStepIdentity(step) ?? scenario.defaults.as;
  return (typeof as === 'string' ? as : as?.[0]) ?? ANONYMOUS;
}

/** One line for `--dry-run`: `Subscribe portos.resources.changed {"resources":[...]} (as manager) → error`. */
export function describeHubStep(step: HubStep, scenario: LoadedScenario): string {
  const call = callOf(step);
  const args = (call?.args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  const fails = !('connect' in step) && step.expect?.error !== undefined ? ' → error' : '';
  return `${call?.method ?? 'connect'}${args === '' ? '' : ` ${args}`} (as ${hubIdentity(step, scenario)})${fails}`;
}

/** Runs `subscribe`, `unsubscribe` or `connect` on the identity's connection (opened on first use). */
export async function runHubStep(
  step: HubStep,
  index: number,
  scenario: LoadedScenario,
  scopeOf: (as: string, lang: string) => Scope,
  hub: NotificationSessions,
): Promise<StepResult> {
  const started = performance.now();
  const as = hubIdentity(step, scenario);
  const call = callOf(step);
  const method = call?.method ?? 'connect';
  const base = { index, name: step.name ?? `${method} ${String(call?.args[0] ?? '')}`.trim(), as, lang: '' };
  const result = (found: Finding[]): StepResult => ({
    ...base,
    method,
    url: HUB_PATH,
    durationMs: Math.round(performance.now() - started),
    findings: found,
  });
  if (call === undefined) {
    const opened = await hub.connect(as);
    return result(opened.ok ? [] : [opened.finding]);
  }
  const args = interpolateDeep(call.args, scopeOf(as, ''), 'arguments');
  if (args.errors.length > 0)
    return result(args.errors.map((e) => ({ kind: 'request', path: e.path, message: e.error })));
  const answer = await hub.invoke(as, call.method, args.value as unknown[]);
  if (!answer.ok) return result([answer.finding]);
  const expected = 'connect' in step ? undefined : step.expect?.error;
  if (expected === undefined) {
    if (answer.error === undefined) return result([]);
    return result([{ kind: 'notifications', path: 'error', message: `${call.method} failed: ${answer.error}` }]);
  }
  if (answer.error === undefined)
    return result([{ kind: 'notifications', path: 'error', message: `expected ${call.method} to fail, it succeeded` }]);
  const wanted = interpolateDeep(expected, scopeOf(as, ''), 'expect.error');
  return result(findings('notifications', matchValue(wanted.value, answer.error, 'error')));
}
