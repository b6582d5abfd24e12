import { captureValues } from './capture.js';
import { actionRow, readAction, type ControlActionSpec } from './control-actions.js';
import { type ControlApi, controlHeaders } from './control-api.js';
import type { Created } from './cleanup.js';
import type { Finding } from './finding.js';
import { interpolateDeep, type Scope } from './interpolate.js';
import { brief } from './matchers.js';
import { relativeToBase } from './base-path.js';
import { send, type HttpOptions } from './replay.js';
import type { StepResult } from './result.js';
import { ANONYMOUS, type CaptureSource } from './scenario.js';

/** What running control actions needs. */
export interface ArrangeContext {
  control?: ControlApi;
  /** The base URL's path (`''` at the root): paths in answers are read relative to it. */
  basePath: string;
  http: HttpOptions;
  /** Records customers an action created (a `load`), for the end-of-run cleanup. */
  created(resource: Created): void;
}

/** The actions' results (one StepResult each, under step `index`) and what they captured. */
export interface Arranged {
  results: StepResult[];
  captured: Record<string, unknown>;
  failed: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function problemText(body: unknown): string {
  const p = body as { title?: unknown; detail?: unknown } | undefined;
  if (typeof p?.title !== 'string') return '';
  return `: ${p.title}${typeof p.detail === 'string' ? ` (${p.detail})` : ''}`;
}

async function runAction(
  spec: ControlActionSpec,
  scope: Scope,
  ctx: ArrangeContext,
  base: { index: number; phase: string; scenario: string },
): Promise<{ result?: StepResult; captured: Record<string, unknown> }> {
  const action = readAction(spec);
  if (action === undefined) return { captured: {} };
  const name = `${base.phase}: ${action.name}`;
  const head = { index: base.index, name, as: ANONYMOUS, lang: '' };
  const { value: arg, errors } = interpolateDeep(action.arg, scope, action.name);
  if (errors.length > 0) {
    // In `finally`, a variable no step captured means what it would undo never happened.
    if (base.phase === 'finally') return { captured: {} };
    const findings: Finding[] = errors.map((e) => ({ kind: 'request', path: e.path, message: e.error }));
    return { result: { ...head, method: '', url: '', durationMs: 0, findings }, captured: {} };
  }
  const call = actionRow(action.name).call(arg);
  if (call === undefined) {
    await sleep(Number(arg));
    return {
      result: { ...head, method: 'WAIT', url: `${Number(arg)} ms`, durationMs: Number(arg), findings: [] },
      captured: {},
    };
  }
  const url = `${ctx.control?.prefix ?? ''}${call.path}`;
  const fail = (durationMs: number, message: string, status?: number, kind: Finding['kind'] = 'control') => ({
    result: {
      ...head,
      method: call.method,
      url,
      durationMs,
      findings: [{ kind, path: action.name, message }],
      ...(status === undefined ? {} : { status }),
    },
    captured: {},
  });
  if (ctx.control === undefined) return fail(0, 'no control API');
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers = controlHeaders(ctx.control, call.method, body !== undefined);
  const sent = await send(
    { method: call.method, url: ctx.control.url + call.path, headers, ...(body === undefined ? {} : { body }) },
    { ...ctx.http, retries: 0 },
  );
  // No answer from the control API: the scenario could not run (not a broken expectation).
  if (!sent.ok) return fail(sent.durationMs, `${call.method} ${url}: ${sent.error}`, undefined, 'no-answer');
  const obs = relativeToBase(sent.observation, ctx.basePath);
  if (!call.ok.includes(obs.status)) {
    return fail(
      obs.durationMs,
      `${call.method} ${url} answered ${obs.status} (expected ${call.ok.join(' or ')})${problemText(obs.body) || (obs.text === '' ? '' : `: ${brief(obs.text)}`)}`,
      obs.status,
    );
  }
  for (const path of actionRow(action.name).creates?.(arg) ?? [])
    ctx.created({ path, as: ANONYMOUS, scenario: base.scenario });
  const captured = captureValues(action.capture as Record<string, CaptureSource>, obs);
  return {
    result: {
      ...head,
      method: call.method,
      url,
      status: obs.status,
      durationMs: obs.durationMs,
      findings: captured.findings,
    },
    captured: captured.values,
  };
}

/**
 * Runs control actions in order. `arrange` stops at the first that fails; `finally` runs them all and leaves out
 * those whose variables were never captured.
 */
export async function runActions(
  specs: readonly ControlActionSpec[],
  scope: Scope,
  ctx: ArrangeContext,
  at: { index: number; phase: 'arrange' | 'finally'; scenario: string },
): Promise<Arranged> {
  const out: Arranged = { results: [], captured: {}, failed: false };
  for (const spec of specs) {
    const { result, captured } = await runAction(spec, { ...scope, vars: { ...scope.vars, ...out.captured } }, ctx, at);
    Object.assign(out.captured, captured);
    if (result === undefined) continue;
    out.results.push(result);
    if (result.findings.length > 0) {
      out.failed = true;
      if (at.phase === 'arrange') break;
    }
  }
  return out;
}
