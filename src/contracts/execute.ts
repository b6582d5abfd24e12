import { runActions } from './arrange.js';
import { captureValues } from './capture.js';
import { checkElapsed, checkResponse, checkTransport } from './check.js';
import { createdBy, deletedBy, type Created } from './cleanup.js';
import type { ControlApi } from './control-api.js';
import { relativeToBase } from './base-path.js';
import { renderDiff } from './diff.js';
import type { Finding } from './finding.js';
import { findings } from './finding.js';
import type { IdentityResolver } from './identity.js';
import { interpolateDeep, type Scope } from './interpolate.js';
import type { OpenApiIndex } from '../spec/openapi-index.js';
import { profileField } from './profiles.js';
import { send, type HttpOptions, type HttpRequest, type Observation } from './replay.js';
import { runHubStep } from './hub-step.js';
import { NotificationSessions, withinMs } from './notifications.js';
import { buildRequest, withoutRemoved } from './request.js';
import { type ScenarioResult, type StepResult, scenarioIdentity, statusOf } from './result.js';
import { ANONYMOUS, type Expect, isHubStep, type LoadedScenario, type Nws4Options, type Step } from './scenario.js';
import { stepLanguages } from './titles.js';

/** What running a scenario needs from the run. */
export interface ExecuteContext {
  baseUrl: string;
  /** The base URL's path (`''` at the root): paths in answers are read relative to it (see base-path.ts). */
  basePath: string;
  http: HttpOptions;
  identities: IdentityResolver;
  spec: OpenApiIndex | undefined;
  runId: string;
  /** A value unique to one scenario run (`${uid}`). */
  uid(): string;
  /** A positive integer unique to one scenario run (`${unum}`): for integer keys (payment type numbers). */
  unum(): number;
  now(): Date;
  created(resource: Created): void;
  /** Told the items the run deleted (`deletedBy`): one it then creates again is not the run's to clean up. */
  deleted?(path: string): void;
  /** The mock's control API, for `arrange:`, `finally:` and `api: control` (undefined: not known). */
  control?: ControlApi;
}

const list = (v: string | readonly string[] | undefined, fallback: string): string[] =>
  v === undefined ? [fallback] : typeof v === 'string' ? [v] : [...v];
const BODY_EXCERPT = 2000;

function excerpt(obs: Observation): NonNullable<StepResult['response']> {
  const keep = ['content-type', 'content-language', 'location', 'www-authenticate', 'allow'];
  const headers = Object.fromEntries(Object.entries(obs.headers).filter(([n]) => keep.includes(n)));
  const body = obs.body === undefined ? obs.text : JSON.stringify(obs.body, null, 2);
  return {
    status: obs.status,
    headers,
    body: body.length > BODY_EXCERPT ? `${body.slice(0, BODY_EXCERPT)}\n...` : body,
  };
}

/** The request for a report: the credentials' scheme only, the body shortened. */
function sentExcerpt(request: HttpRequest): NonNullable<StepResult['request']> {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([n, v]) => [n, n === 'authorization' ? `${v.split(' ')[0] ?? ''} …` : v]),
  );
  const body = request.body?.toString('utf8');
  return {
    headers,
    ...(body === undefined ? {} : { body: body.length > BODY_EXCERPT ? `${body.slice(0, BODY_EXCERPT)}\n...` : body }),
  };
}

/** `title: localized`: in each identity, the titles of different languages must differ. */
function localizedFindings(variants: { as: string; lang: string; title: unknown }[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < variants.length; i++) {
    for (let j = i + 1; j < variants.length; j++) {
      const a = variants[i];
      const b = variants[j];
      if (a === undefined || b === undefined || a.as !== b.as || a.lang === b.lang) continue;
      if (typeof a.title === 'string' && a.title === b.title) {
        out.push({
          kind: 'title',
          path: 'body.title',
          message: `expected different titles in ${a.lang} and ${b.lang}, both are ${JSON.stringify(a.title)}`,
          actual: a.title,
        });
      }
    }
  }
  return out;
}

async function runVariant(
  step: Step,
  index: number,
  as: string,
  lang: string,
  scope: Scope,
  ctx: ExecuteContext,
  scenario: string,
  hub: NotificationSessions,
): Promise<{ result: StepResult; obs?: Observation; captured?: Record<string, unknown> }> {
  const name = step.name ?? `${step.request.method} ${step.request.path}`;
  const base = { index, name, as, lang, method: step.request.method, url: step.request.path };
  const fail = (f: Finding[]): { result: StepResult } => ({ result: { ...base, durationMs: 0, findings: f } });
  const control = step.request.api === 'control';
  const root = control ? ctx.control?.url : ctx.baseUrl;
  if (root === undefined) return fail([{ kind: 'control', path: 'request.api', message: 'no control API' }]);
  const built = buildRequest(step.request, scope, root, lang);
  if (!built.ok) return fail(findings('request', built.problems));
  let request = built.built.request;
  if (!control && !built.built.explicitAuth && !built.built.removed.includes('authorization')) {
    const nws4 = interpolateDeep(step.nws4 ?? {}, scope, 'nws4');
    if (nws4.errors.length > 0)
      return fail(nws4.errors.map((e) => ({ kind: 'request', path: e.path, message: e.error })));
    const authorized = await ctx.identities.authorize(as, request, nws4.value as Nws4Options);
    if (!authorized.ok) return fail([{ kind: 'identity', path: 'as', message: authorized.error }]);
    request = authorized.request;
  }
  // A control step carries the mock's control token, unless it sends that header itself.
  if (control && ctx.control?.token !== undefined)
    request = { ...request, headers: { 'x-mock-control-token': ctx.control.token, ...request.headers } };
  request = withoutRemoved(request, built.built.removed);
  // Notifications count from here: what the identity's connection received before this request is not looked at.
  const since = step.expect.notifications === undefined ? undefined : await hub.mark(as);
  // A retry would send the request again past a fault meant to drop or cut it.
  const sent = await send(request, step.expect.transport === undefined ? ctx.http : { ...ctx.http, retries: 0 });
  const url =
    (control ? (ctx.control?.prefix ?? '') : '') + (request.url.slice(root.replace(/\/+$/, '').length) || '/');
  if (!sent.ok) {
    const failed = [...checkTransport(step.expect, sent), ...checkElapsed(step.expect, sent.durationMs)];
    return {
      result: {
        ...base,
        url,
        ...(sent.status === undefined ? {} : { status: sent.status }),
        durationMs: sent.durationMs,
        findings: failed,
        ...(failed.length > 0 ? { request: sentExcerpt(request) } : {}),
      },
    };
  }
  const obs = relativeToBase(sent.observation, ctx.basePath);
  const createdPath = control ? undefined : createdBy(request.method, built.built.path, obs);
  if (createdPath !== undefined) ctx.created({ path: createdPath, as, scenario });
  const deletedPath = control ? undefined : deletedBy(request.method, built.built.path, obs);
  if (deletedPath !== undefined) ctx.deleted?.(deletedPath);
  // A step's captures are visible in its own expectations (e.g. a Location header naming the new id).
  const captured = captureValues(step.capture ?? {}, obs);
  const expected = interpolateDeep(step.expect, { ...scope, vars: { ...scope.vars, ...captured.values } }, 'expect');
  const found: Finding[] = expected.errors.map((e) => ({ kind: 'request', path: e.path, message: e.error }));
  // The control API is not in the spec: its answers are checked against a schema only when the step gives one.
  const expect = control ? { schema: false as const, ...(expected.value as Expect) } : (expected.value as Expect);
  found.push(...checkResponse(expect, { method: request.method, path: built.built.path, lang }, obs, ctx.spec));
  found.push(...captured.findings);
  const notifications = (expected.value as Expect).notifications;
  if (notifications !== undefined) {
    const within = withinMs((expected.value as Expect).within);
    found.push(...(await hub.expect(as, since ?? 0, notifications, within)));
  }
  const expectedBody = (expected.value as Expect).body;
  const bodyDiff = found.some((f) => f.kind === 'body') ? renderDiff(expectedBody, obs.body) : [];
  const result: StepResult = {
    ...base,
    url,
    status: obs.status,
    durationMs: obs.durationMs,
    findings: found,
    ...(bodyDiff.length > 0 ? { bodyDiff } : {}),
    ...(found.length > 0 ? { request: sentExcerpt(request) } : {}),
  };
  // The report shows the answer as the server sent it.
  return { result, obs: sent.observation, captured: captured.values };
}

/** Runs a scenario's steps in order (each once per identity × language) and stops at the first failing step. */
export async function executeScenario(scenario: LoadedScenario, ctx: ExecuteContext): Promise<ScenarioResult> {
  // SignalR connections live as long as the scenario, whatever happens in it.
  const hub = new NotificationSessions(ctx);
  try {
    return await executeWith(scenario, ctx, hub);
  } finally {
    await hub.close();
  }
}

async function executeWith(
  scenario: LoadedScenario,
  ctx: ExecuteContext,
  hub: NotificationSessions,
): Promise<ScenarioResult> {
  const started = performance.now();
  const captured: Record<string, unknown> = {};
  const uid = ctx.uid();
  const unum = ctx.unum();
  const steps: StepResult[] = [];
  let failedAt: number | undefined;
  const scopeOf = (as: string, lang: string): Scope => ({
    vars: { ...scenario.vars, ...captured, run: ctx.runId, uid, unum, lang, as },
    now: ctx.now,
    profile: (name, field) => {
      const found = ctx.identities.profile(name);
      return found.ok ? profileField(found.profile, field) : undefined;
    },
  });
  for (const [index, step] of scenario.steps.entries()) {
    if (isHubStep(step)) {
      const result = await runHubStep(step, index, scenario, scopeOf, hub);
      steps.push(result);
      if (result.findings.length > 0) {
        failedAt = index;
        break;
      }
      continue;
    }
    const identities = list(step.as ?? scenario.defaults.as, ANONYMOUS);
    const langs = stepLanguages(step.lang ?? scenario.defaults.lang);
    const titles: { as: string; lang: string; title: unknown }[] = [];
    let firstCaptures: Record<string, unknown> | undefined;
    if (step.arrange !== undefined) {
      const arranged = await runActions(step.arrange, scopeOf(identities[0] ?? ANONYMOUS, langs[0] ?? ''), ctx, {
        index,
        phase: 'arrange',
        scenario: scenario.id,
      });
      steps.push(...arranged.results);
      Object.assign(captured, arranged.captured);
      if (arranged.failed) {
        failedAt = index;
        break;
      }
    }
    for (const as of identities) {
      for (const lang of langs) {
        const scope = scopeOf(as, lang);
        const { result, obs, captured: values } = await runVariant(step, index, as, lang, scope, ctx, scenario.id, hub);
        firstCaptures ??= values;
        if (obs !== undefined) {
          titles.push({ as, lang, title: (obs.body as { title?: unknown } | undefined)?.title });
          if (result.findings.length > 0) result.response = excerpt(obs);
        }
        steps.push(result);
      }
    }
    const last = steps[steps.length - 1];
    if (step.expect.title === 'localized' && last !== undefined) last.findings.push(...localizedFindings(titles));
    Object.assign(captured, firstCaptures ?? {});
    if (steps.some((s) => s.index === index && s.findings.length > 0)) {
      failedAt = index;
      break;
    }
  }
  if (scenario.finally !== undefined) {
    const index = scenario.steps.length;
    steps.push(
      ...(
        await runActions(scenario.finally, scopeOf(ANONYMOUS, ''), ctx, {
          index,
          phase: 'finally',
          scenario: scenario.id,
        })
      ).results,
    );
  }
  const all = steps.flatMap((s) => s.findings);
  return {
    ...scenarioIdentity(scenario),
    status: statusOf(scenario.basis, all),
    durationMs: Math.round(performance.now() - started),
    steps,
    skippedSteps: failedAt === undefined ? 0 : scenario.steps.length - failedAt - 1,
  };
}
