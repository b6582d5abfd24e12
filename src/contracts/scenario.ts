import type { ControlActionSpec } from './control-actions.js';

// The scenario format as TypeScript types. `scenario-schema.ts` holds the JSON Schema that the loader checks files
// against (published as `spec/scenario.schema.json`); `load.ts` is the one place that turns `unknown` into these.

/** What a scenario checks: a documented PORTOS fact, or one of our decisions in docs/decisions.md. */
export const BASES = ['doc', 'decision'] as const;
export type Basis = (typeof BASES)[number];

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
export type Method = (typeof METHODS)[number];

/** The built-in identity that sends no credentials. */
export const ANONYMOUS = 'anonymous';

/** Tag of scenarios that need the mock's control API (`arrange:`, `finally:`, `api: control`): skipped without it. */
export const CONTROL_TAG = 'control';

/** Tag of scenarios that must run alone (they move the clock, reset data...): after the others, one at a time. */
export const EXCLUSIVE_TAG = 'exclusive';

/** Where a step's request goes: the PORTOS API below the base URL, or the mock's control API. */
export const APIS = ['portos', 'control'] as const;
export type Api = (typeof APIS)[number];

/** Transport failures a step may expect instead of a response (the mock's `drop` and `truncate` faults). */
export const TRANSPORT_FAILURES = ['dropped', 'truncated'] as const;
export type TransportFailure = (typeof TRANSPORT_FAILURES)[number];

/** A scalar of a query parameter; numbers and booleans are sent as their text. */
export type QueryScalar = string | number | boolean;

/** Query parameters by name (a list repeats the parameter), or a raw query string sent as written. */
export type StepQuery = string | Record<string, QueryScalar | QueryScalar[]>;

export interface StepRequest {
  /** `control`: the path is below the control API (default `{server root}/_mock`), sent without credentials. */
  api?: Api;
  method: Method;
  /** Path below the base URL, e.g. `/customers/${id}`; may carry its own `?query`. */
  path: string;
  query?: StepQuery;
  /** Extra headers; `null` removes one the runner would add (e.g. `content-type`). */
  headers?: Record<string, string | null>;
  /** A JSON body (interpolated, then serialized). */
  body?: unknown;
  /** A body sent byte for byte (after interpolation), e.g. malformed JSON. */
  rawBody?: string;
  /** Content type of `body`/`rawBody` (default `application/json`). */
  contentType?: string;
}

/**
 * How to sign a step: with a key instead of the identity's credentials (a key the scenario created), or, for an
 * NWS4 identity, differently, to provoke signature failures.
 */
export interface Nws4Options {
  /** Sign with this key (e.g. `${clientId}` captured from `POST /apikeys`) instead of the step identity's credentials. */
  key?: { clientId: string; clientSecret: string };
  /** Seconds added to the signing time (e.g. -400: outside the ±150 s window). */
  clockSkewSeconds?: number;
  /** Sign only these headers (lower case). */
  signedHeaders?: string[];
  /** Spoil the request after signing: a different body, a wrong signature, or a different `x-nd-date`. */
  tamper?: 'body' | 'signature' | 'date';
}

/** The documented shapes of a `title` expectation (see FORMAT.md). */
export type TitleExpectation = string | Record<string, string> | 'localized';

/** `spec` (default): the response schema `spec/openapi.yaml` gives; `false`: none; an object: that schema. */
export type SchemaExpectation = 'spec' | false | Record<string, unknown>;

export interface Expect {
  /** Required unless `transport` is given. */
  status?: number | number[];
  /** No response at all, or one whose body ended early. */
  transport?: TransportFailure;
  /** A number expectation on the step's elapsed time, e.g. `{ $min: 300 }`. */
  elapsedMs?: unknown;
  /** Header name (any case) → literal text or matcher object. */
  headers?: Record<string, unknown>;
  /** Subset match with matchers (see matchers.ts). */
  body?: unknown;
  title?: TitleExpectation;
  schema?: SchemaExpectation;
  /**
   * Partial Notifications (body expectations) that the identity's SignalR connection must receive after the
   * request was sent, in this order, as a subsequence of what arrives; `[]`: none arrives within `within`.
   */
  notifications?: unknown[];
  /** How long to wait for `notifications`: `2s` (default), `500ms`, or a number of ms. */
  within?: string | number;
}

/** A capture: `body.path`, `headers.name` or `status`, optionally narrowed by a regex's first group. */
export type CaptureSource = string | { from: string; regex: string };

export interface Step {
  name?: string;
  /** Profile name(s); a list runs the step once per identity. */
  as?: string | string[];
  /** `Accept-Language` value(s); a list runs the step once per language. */
  lang?: string | string[];
  /** Control actions run once before the step's request (see control-actions.ts). */
  arrange?: ControlActionSpec[];
  request: StepRequest;
  expect: Expect;
  capture?: Record<string, CaptureSource>;
  nws4?: Nws4Options;
}

/** One item of a subscription's resource filter (`SubscriptionRequestResource`). */
export interface SubscriptionResource {
  name: string;
  ids?: string[];
}

/** `subscribe:` the identity's SignalR connection (opened on first use) calls `Subscribe(event, {resources})`. */
export interface Subscription {
  event: string;
  resources?: SubscriptionResource[];
  /** Default: the scenario's `as` (one bearer identity). */
  as?: string;
}

/** What a hub step expects: success (default), or an `error` of the hub method (a text expectation). */
export interface HubExpect {
  error?: unknown;
}

/** A step that talks to the SignalR hub instead of sending a request (see FORMAT.md "Notifications"). */
export interface SubscribeStep {
  name?: string;
  subscribe: Subscription;
  expect?: HubExpect;
}

/** `unsubscribe:` the identity's connection calls `Unsubscribe(event)` and stays open. */
export interface UnsubscribeStep {
  name?: string;
  unsubscribe: { event: string; as?: string };
  expect?: HubExpect;
}

/** `connect:` opens the identity's connection without subscribing to anything. */
export interface ConnectStep {
  name?: string;
  connect: { as?: string };
}

export type HubStep = SubscribeStep | UnsubscribeStep | ConnectStep;

/** Any step of a scenario: a request (`Step`) or a hub step. */
export type ScenarioStep = Step | HubStep;

/** Whether a step talks to the SignalR hub (it has no `request`). */
export function isHubStep(step: ScenarioStep): step is HubStep {
  return !Object.hasOwn(step, 'request');
}

/** The identity a hub step names, if any. */
export function hubStepIdentity(step: HubStep): string | undefined {
  if ('subscribe' in step) return step.subscribe.as;
  if ('unsubscribe' in step) return step.unsubscribe.as;
  return step.connect.as;
}

export interface Scenario {
  name: string;
  basis: Basis;
  description?: string;
  /** Where the fact or decision is written, e.g. `docs/decisions.md#errors` (format: src/contracts/FORMAT.md). */
  source?: string;
  tags?: string[];
  as?: string | string[];
  lang?: string | string[];
  /** A table: the scenario runs once per row, with the row's members as variables. */
  examples?: Record<string, unknown>[];
  steps: ScenarioStep[];
  /** Control actions run after the steps, also when one failed (undo locks, the clock...). */
  finally?: ControlActionSpec[];
}

export interface ScenarioFile {
  $schema?: string;
  /** Tags added to every scenario in the file. */
  tags?: string[];
  scenarios: Scenario[];
}

/** A scenario ready to run: one example row expanded, file tags merged. */
export interface LoadedScenario {
  /** `file › name` (unique in a run). */
  id: string;
  /** Path relative to the working directory, with `/`. */
  file: string;
  name: string;
  basis: Basis;
  tags: string[];
  source?: string;
  steps: ScenarioStep[];
  /** Control actions run after the steps, whatever happened. */
  finally?: ControlActionSpec[];
  /** Variables of the example row (none without `examples`). */
  vars: Record<string, unknown>;
  defaults: { as?: string | string[]; lang?: string | string[] };
}

/** A scenario file problem: where it is and what is wrong; never an exception. */
export interface LoadIssue {
  file: string;
  scenario?: string;
  /** Path inside the file, e.g. `scenarios[2].steps[0].expect.status`. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}
