import { randomBytes } from 'node:crypto';
import { Agent } from 'undici';
import type { CleanupResult, Created } from './cleanup.js';
import { basePathOf } from './base-path.js';
import {
  type ControlProbe,
  controlApi,
  couldNotRun,
  needsControl,
  probeControl,
  skippedResult,
  withoutControl,
} from './control-api.js';
import { executeScenario } from './execute.js';
import { IdentityResolver } from './identity.js';
import { references } from './interpolate.js';
import type { OpenApiIndex } from '../spec/openapi-index.js';
import { mapConcurrent } from './pool.js';
import type { Profiles } from './profiles.js';
import { send, type HttpOptions } from './replay.js';
import { RunLease, type RunLeaseMode, type RunLeaseOptions } from './run-lease.js';
import type { RunResult, ScenarioResult } from './result.js';
import {
  ANONYMOUS,
  EXCLUSIVE_TAG,
  hubStepIdentity,
  isHubStep,
  type LoadIssue,
  type LoadedScenario,
} from './scenario.js';

export interface RunOptions {
  baseUrl: string;
  scenarios: readonly LoadedScenario[];
  /** Problems found while loading, carried into the result (they make the exit code 2). */
  issues?: readonly LoadIssue[];
  profiles: Profiles;
  /** The spec for `schema: spec` checks; undefined: schemas are not checked. */
  spec: OpenApiIndex | undefined;
  http: HttpOptions;
  concurrency: number;
  probe?: boolean;
  /** Stop at the first scenario that fails the run (`--bail`): those not started yet are skipped, with a note. */
  bail?: boolean;
  /** Called as each scenario finishes (progress). */
  onScenario?: (result: ScenarioResult) => void;
  now?: () => Date;
  runId?: string;
  /** The mock control API's base URL (default: `controlPrefix` at the root of `baseUrl`). */
  controlUrl?: string;
  /** The control API's path at the root of `baseUrl` (default `/_mock`). */
  controlPrefix?: string;
  /** The mock's control token, sent as `X-Mock-Control-Token` on every control call. */
  controlToken?: string;
  /** The leases this run takes on a mock that has them (src/control/CONTROL-API.md#leases); tests shorten them. */
  lease?: RunLeaseOptions;
}

/** A short lowercase id, unique per run, safe in ids, externalIds, serial numbers and e-mail addresses. */
export function newRunId(): string {
  return (Date.now() % 2 ** 31).toString(36) + randomBytes(3).toString('hex');
}

function identitiesOf(scenario: LoadedScenario): { names: Set<string>; refs: Set<string> } {
  const names = new Set<string>();
  const refs = new Set<string>();
  const add = (v: string | readonly string[] | undefined) =>
    v === undefined ? undefined : (typeof v === 'string' ? [v] : v).forEach((n) => names.add(n));
  add(scenario.defaults.as);
  for (const step of scenario.steps) {
    add(isHubStep(step) ? hubStepIdentity(step) : step.as);
    for (const ref of references(JSON.stringify(step))) {
      const m = /^profile\.([A-Za-z0-9_.-]+?)\./.exec(ref.expression.trim());
      if (m?.[1] !== undefined) refs.add(m[1]);
    }
  }
  if (names.size === 0) names.add(ANONYMOUS);
  return { names, refs };
}

/** Scenarios whose identities cannot be resolved become issues (exit 2) instead of running. */
export function preflight(
  scenarios: readonly LoadedScenario[],
  profiles: Profiles,
): { runnable: LoadedScenario[]; issues: LoadIssue[] } {
  const runnable: LoadedScenario[] = [];
  const issues: LoadIssue[] = [];
  for (const scenario of scenarios) {
    const { names, refs } = identitiesOf(scenario);
    const problems = [...names, ...refs].map((n) => profiles.get(n)).flatMap((r) => (r.ok ? [] : [r.reason]));
    if (problems.length === 0) runnable.push(scenario);
    else
      for (const message of new Set(problems))
        issues.push({ file: scenario.file, scenario: scenario.name, path: 'as', message });
  }
  if (profiles.cleanup !== undefined) {
    const cleanup = profiles.get(profiles.cleanup);
    if (!cleanup.ok) issues.push({ file: profiles.file, path: 'cleanup', message: cleanup.reason });
  }
  return { runnable, issues };
}

/**
 * Deletes what the run created, newest first and `concurrency` at once. A `400` (something the run created later
 * still names the item: a PLU its stock) is tried again after the others, as long as each round deletes something.
 */
async function cleanUp(
  created: readonly Created[],
  options: RunOptions,
  identities: IdentityResolver,
): Promise<CleanupResult> {
  const unique = [...new Map(created.map((c) => [c.path, c])).values()];
  const result: CleanupResult = { attempted: unique.length, deleted: 0, alreadyGone: 0, failed: [] };
  let pending = unique.reverse();
  while (pending.length > 0) {
    const inUse: Created[] = [];
    await mapConcurrent(pending, options.concurrency, async (item) => {
      const as = options.profiles.cleanup ?? item.as;
      const url = options.baseUrl.replace(/\/+$/, '') + item.path;
      const authorized = await identities.authorize(as, {
        method: 'DELETE',
        url,
        headers: { accept: 'application/json' },
      });
      if (!authorized.ok) return void result.failed.push({ path: item.path, as, reason: authorized.error });
      const sent = await send(authorized.request, options.http);
      if (!sent.ok) return void result.failed.push({ path: item.path, as, reason: sent.error });
      const status = sent.observation.status;
      if (status === 200 || status === 204) result.deleted++;
      else if (status === 404) result.alreadyGone++;
      else if (status === 400) inUse.push(item);
      else result.failed.push({ path: item.path, as, reason: `HTTP ${status}` });
    });
    if (inUse.length === pending.length) {
      for (const item of inUse)
        result.failed.push({ path: item.path, as: options.profiles.cleanup ?? item.as, reason: 'HTTP 400' });
      break;
    }
    pending = inUse;
  }
  return result;
}

/**
 * Runs scenarios against a server: at most `concurrency` at once (steps in order within one), then deletes what
 * the run created (best effort; reported). Never resets the server itself, so runs can share one; on a mock with
 * leases, runs sharing it take turns for their exclusive scenarios (see `runWith`).
 */
export async function runContracts(options: RunOptions): Promise<RunResult> {
  if (options.http.dispatcher !== undefined) return runWith(options);
  // Connections of its own, closed at the end: a pooled socket the server closed while this process was busy
  // elsewhere (say, between two runs) would reset the run's first request, which then could not run.
  const dispatcher = new Agent();
  try {
    return await runWith({ ...options, http: { ...options.http, dispatcher } });
  } finally {
    await dispatcher.close();
  }
}

async function runWith(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runId = options.runId ?? newRunId();
  const now = options.now ?? (() => new Date());
  const identities = new IdentityResolver(options.profiles, options.baseUrl, options.http, now);
  const { runnable, issues } = preflight(options.scenarios, options.profiles);
  const created: Created[] = [];
  // Items the run deleted: creating one again restores what was there before the run (a seed), not the run's.
  const deleted = new Set<string>();
  const control = controlApi(options.baseUrl, {
    ...(options.controlUrl === undefined ? {} : { controlUrl: options.controlUrl }),
    ...(options.controlPrefix === undefined ? {} : { controlPrefix: options.controlPrefix }),
    ...(options.controlToken === undefined ? {} : { controlToken: options.controlToken }),
  });
  let sequence = 0;
  let numbers = 0;
  const numberBase = unumBase(runId);
  const context = {
    baseUrl: options.baseUrl,
    basePath: basePathOf(options.baseUrl),
    http: options.http,
    identities,
    spec: options.spec,
    runId,
    // Fixed width, so no scenario's uid is a prefix of another's (`Search=${uid}` finds only its own data).
    uid: () => `${runId}${(sequence++).toString(36).padStart(4, '0')}`,
    unum: () => numberBase + numbers++,
    now,
    created: (c: Created) => {
      if (!deleted.has(c.path)) created.push(c);
    },
    deleted: (path: string) => void deleted.add(path),
    control,
  };
  // Scenarios that need the control API are skipped (with a note) when a single probe finds none; when the probe
  // gets no answer they could not run. The probe also tells whether the mock has leases.
  const probe: ControlProbe =
    runnable.length > 0 ? await probeControl(control, options.http) : { ok: true, leases: false };
  const scenarios = new Array<ScenarioResult>(runnable.length);
  const shared: number[] = [];
  const exclusive: number[] = [];
  const finish = (i: number, result: ScenarioResult) => {
    options.onScenario?.(result);
    scenarios[i] = result;
  };
  runnable.forEach((scenario, i) => {
    if (!probe.ok && needsControl(scenario)) finish(i, withoutControl(scenario, control, probe));
    else (scenario.tags.includes(EXCLUSIVE_TAG) ? exclusive : shared).push(i);
  });
  // On a mock with leases, other runs may share it (CI shards): a shared lease while the ordinary scenarios run
  // and the run cleans up, an exclusive one around each exclusive scenario, so no run's clock move, reset or
  // restore lands in the middle of another's scenarios. Without leases, as before: nothing to take.
  const lease = probe.ok && probe.leases ? new RunLease(control, options.http, options.lease) : undefined;
  const leased = async (mode: RunLeaseMode, indexes: readonly number[], work: () => Promise<unknown>) => {
    const taken = lease === undefined ? { ok: true as const } : await lease.take(mode);
    if (taken.ok) return void (await work());
    const call = {
      name: `${mode === 'shared' ? 'a' : 'an'} ${mode} lease on the mock`,
      method: 'POST',
      url: `${control.prefix}/lease`,
    };
    for (const i of indexes)
      finish(i, couldNotRun(runnable[i] as LoadedScenario, call, { message: `needs ${call.name}: ${taken.reason}` }));
  };
  let bailedAt: string | undefined;
  const run = async (i: number) => {
    const scenario = runnable[i] as LoadedScenario;
    if (bailedAt !== undefined)
      return finish(i, skippedResult(scenario, `not run: --bail stopped the run after ${bailedAt}`));
    const result = await executeScenario(scenario, context);
    const fails = ['failed', 'error'].includes(result.status) || (result.status === 'unconfirmed' && !options.probe);
    if (options.bail === true && bailedAt === undefined && fails) bailedAt = result.id;
    finish(i, result);
  };
  let cleanup: CleanupResult;
  try {
    await leased('shared', shared, () => mapConcurrent(shared, options.concurrency, run));
    // Exclusive scenarios (the clock, global faults, resets) run after the others, one at a time.
    for (const i of exclusive) await leased('exclusive', [i], () => run(i));
    if (exclusive.length > 0) await leased('shared', [], async () => undefined);
    cleanup = await cleanUp(created, options, identities);
  } finally {
    await lease?.release();
  }
  return {
    baseUrl: options.baseUrl,
    runId,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    probe: options.probe ?? false,
    scenarios,
    issues: [...(options.issues ?? []), ...issues],
    cleanup,
  };
}

/**
 * Where this run's `${unum}` values start: 1,000,000 plus a multiple of 100,000 taken from the run id, so two
 * runs against one server rarely share numbers and every value stays an ASP.NET `int`.
 */
export function unumBase(runId: string): number {
  let hash = 0;
  for (const char of runId) hash = (hash * 31 + char.charCodeAt(0)) % 20_000;
  return 1_000_000 + hash * 100_000;
}
