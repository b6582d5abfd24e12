import { isRecord } from './json-path.js';
import { send, type HttpOptions } from './replay.js';
import { type ScenarioResult, type StepResult, scenarioIdentity } from './result.js';
import { ANONYMOUS, CONTROL_TAG, type LoadedScenario } from './scenario.js';

/**
 * Where the mock's control API is: its base URL (no trailing `/`), for messages its path (`/_mock`), and the
 * mock's control token when it has one.
 */
export interface ControlApi {
  url: string;
  prefix: string;
  token?: string;
}

export const DEFAULT_CONTROL_PREFIX = '/_mock';

/**
 * The control API of a server: `controlUrl` as given, else `controlPrefix` (default `/_mock`) at the root of
 * `baseUrl` (the control API is outside the PORTOS base path); `controlToken` goes with every call.
 */
export function controlApi(
  baseUrl: string,
  options: { controlUrl?: string; controlPrefix?: string; controlToken?: string } = {},
): ControlApi {
  const prefix = `/${(options.controlPrefix ?? DEFAULT_CONTROL_PREFIX).replace(/^\/+|\/+$/g, '')}`;
  const url = (options.controlUrl ?? (URL.canParse(baseUrl) ? new URL(baseUrl).origin + prefix : prefix)).replace(
    /\/+$/,
    '',
  );
  return {
    url,
    prefix: URL.canParse(url) ? new URL(url).pathname.replace(/\/+$/, '') || '/' : prefix,
    ...(options.controlToken === undefined || options.controlToken === '' ? {} : { token: options.controlToken }),
  };
}

/**
 * The headers of a call to the control API: JSON accepted, `Content-Type: application/json` on a POST (an empty
 * one too) or with a body (src/control/CONTROL-API.md#who-may-call-it), and the control token when there is one.
 */
export function controlHeaders(api: ControlApi, method: string, hasBody: boolean): Record<string, string> {
  return {
    accept: 'application/json',
    ...(hasBody || method === 'POST' ? { 'content-type': 'application/json' } : {}),
    ...(api.token === undefined ? {} : { 'x-mock-control-token': api.token }),
  };
}

/** Whether a scenario needs the control API (the loader makes every scenario with arrange/finally carry the tag). */
export function needsControl(scenario: LoadedScenario): boolean {
  return scenario.tags.includes(CONTROL_TAG);
}

/**
 * What the probe of the control API found: it is there (and whether it has leases, so runs can share it); the
 * server answered that it is not; or no answer.
 */
export type ControlProbe = { ok: true; leases: boolean } | { ok: false; answered: boolean; reason: string };

/**
 * `GET {control}` answers 200 with `{counts: {...}}` on the mock (and `leases: {...}` on one that has them); any
 * other answer means there is no control API. No answer at all (refused, reset, timeout) says neither.
 */
export async function probeControl(api: ControlApi, http: HttpOptions): Promise<ControlProbe> {
  const sent = await send(
    { method: 'GET', url: api.url, headers: controlHeaders(api, 'GET', false) },
    { ...http, retries: 0 },
  );
  if (!sent.ok) return { ok: false, answered: false, reason: `GET ${api.prefix}: ${sent.error}` };
  const { status, body } = sent.observation;
  if (status === 200 && isRecord(body) && isRecord(body['counts']))
    return { ok: true, leases: isRecord(body['leases']) };
  const hint = status === 401 ? ' (it needs the control token: --control-token or PORTOS_MOCK_CONTROL_TOKEN)' : '';
  return {
    ok: false,
    answered: true,
    reason: `GET ${api.prefix} answered ${status}${status === 200 ? ' without counts' : hint}`,
  };
}

/** The note of a scenario skipped for want of a control API. */
export function controlNote(api: ControlApi, reason: string): string {
  return `needs the mock control API (${api.prefix}); not available on this server (${reason})`;
}

/**
 * The result of a scenario that needs the control API the probe found none of: skipped when the server answered
 * (it has none), could not run when nothing answered.
 */
export function withoutControl(
  scenario: LoadedScenario,
  api: ControlApi,
  probe: ControlProbe & { ok: false },
): ScenarioResult {
  if (probe.answered) return skippedResult(scenario, controlNote(api, probe.reason));
  return couldNotRun(
    scenario,
    { name: 'the control API', method: 'GET', url: api.prefix },
    {
      message: `needs the mock control API: ${probe.reason}`,
    },
  );
}

/** The result of a scenario that could not run because `call` (to the control API) got no useful answer. */
export function couldNotRun(
  scenario: LoadedScenario,
  call: { name: string; method: string; url: string },
  why: { message: string },
): ScenarioResult {
  const step: StepResult = {
    index: 0,
    ...call,
    as: ANONYMOUS,
    lang: '',
    durationMs: 0,
    findings: [{ kind: 'no-answer', path: 'request', message: why.message }],
  };
  return {
    ...scenarioIdentity(scenario),
    status: 'error',
    durationMs: 0,
    steps: [step],
    skippedSteps: scenario.steps.length,
  };
}

/** The result of a scenario that did not run, with why. */
export function skippedResult(scenario: LoadedScenario, note: string): ScenarioResult {
  return {
    ...scenarioIdentity(scenario),
    status: 'skipped',
    note,
    durationMs: 0,
    steps: [],
    skippedSteps: scenario.steps.length,
  };
}
