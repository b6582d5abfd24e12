import { isRecord, jsonEqual } from './json-path.js';

// The `arrange:` / `finally:` vocabulary: one row per action, each with the schema of its argument (the scenario
// schema is built from this table), the control-API call it makes, whether it reaches beyond the scenario's own
// ids (then the scenario must be tagged `exclusive`), and what a `finally:` list must hold to undo it.

/** One HTTP call to the control API: the path is below the control base (default `{server root}/_mock`). */
export interface ControlCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Statuses that count as success. */
  ok: readonly number[];
}

/** A control action as written: `{ lock: "${id}" }`, optionally with `capture` from the control API's answer. */
export type ControlActionSpec = Record<string, unknown>;

interface ActionRow {
  description: string;
  /** JSON Schema of the argument. */
  arg: Record<string, unknown>;
  /** The call for an interpolated argument; `undefined`: done by the runner itself (`wait`). */
  call(arg: unknown): ControlCall | undefined;
  /** Reaches data, time or faults of other scenarios: only in a scenario tagged `exclusive`. */
  global(arg: unknown): boolean;
  /** The action a `finally:` list must contain to undo this one (same argument as written). */
  undo?(arg: unknown): ControlActionSpec;
  /** Customers it creates (paths below the base URL), for the end-of-run cleanup. */
  creates?(arg: unknown): string[];
}

const id = { type: 'string', minLength: 1 } as const;
/** A whole-number argument, or `"${column}"` of an example row (sent as the column's value). */
const count = (minimum: number) => ({
  anyOf: [
    { type: 'integer', minimum },
    { type: 'string', pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$' },
  ],
});
const instant = { description: 'Epoch milliseconds or ISO 8601 text.', type: ['string', 'integer'] } as const;
const duration = {
  description: "Milliseconds, the mock's text (1d, -2h, 1h30m, 500ms) or ISO 8601 (P2D, PT2H).",
  type: ['string', 'integer'],
} as const;
const snapshotName = { type: 'string', minLength: 1 } as const;
const enc = (value: unknown) => encodeURIComponent(String(value));

/** The lock path of a customer id, or of `SEGMENT/KEY` (an item of any resource: `stocks/S01`, `vats/3`). */
function lockPath(arg: unknown): string {
  const text = String(arg);
  const item = /^([a-z]+)\/(.+)$/.exec(text);
  return item === null ? `/locks/${enc(text)}` : `/locks/${item[1]}/${enc(item[2])}`;
}
const member = (arg: unknown, name: string): unknown => (isRecord(arg) ? arg[name] : undefined);

const ISO_DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** An ISO 8601 duration (`P2D`, `PT2H30M`, `-P1D`; a day is 24 h) in milliseconds; other values pass unchanged. */
export function mockDuration(by: unknown): unknown {
  if (typeof by !== 'string') return by;
  const m = ISO_DURATION.exec(by.trim());
  if (m === null || by.trim() === 'P' || by.trim().endsWith('T')) return by;
  const [, sign, w, d, h, min, s] = m;
  const ms = [
    [w, 604_800_000],
    [d, 86_400_000],
    [h, 3_600_000],
    [min, 60_000],
    [s, 1000],
  ].reduce((sum, [n, unit]) => sum + Number(n ?? 0) * Number(unit), 0);
  return Math.round(sign === '-' ? -ms : ms);
}

function clockCall(arg: unknown): ControlCall {
  const post = (path: string, body: unknown = {}): ControlCall => ({ method: 'POST', path, body, ok: [200] });
  if (typeof arg === 'string') return post(`/clock/${arg}`);
  const freeze = member(arg, 'freeze');
  if (freeze !== undefined) return post('/clock/freeze', freeze === true ? {} : { at: freeze });
  if (member(arg, 'set') !== undefined) return post('/clock/set', { at: member(arg, 'set') });
  return post('/clock/advance', { by: mockDuration(member(arg, 'advance')) });
}

function snapshotCall(arg: unknown): ControlCall {
  const save = member(arg, 'save');
  if (save !== undefined) return { method: 'PUT', path: `/snapshots/${enc(save)}`, ok: [200, 201] };
  const restore = member(arg, 'restore');
  if (restore !== undefined) return { method: 'POST', path: `/snapshots/${enc(restore)}/restore`, ok: [200] };
  return { method: 'DELETE', path: `/snapshots/${enc(member(arg, 'delete'))}`, ok: [204, 404] };
}

const oneOf = (members: Record<string, unknown>) => ({
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: members,
});

/** The action vocabulary (FORMAT.md "Arranging the mock"): adding an action is adding a row. */
export const CONTROL_ACTIONS = {
  lock: {
    description:
      'Locks an item: a customer id, or SEGMENT/KEY of any resource (stocks/S01); its PUT, DELETE and a POST naming that key answer 423 (PUT /_mock/locks/{id} or /_mock/locks/{segment}/{key}).',
    arg: id,
    call: (arg) => ({ method: 'PUT', path: lockPath(arg), ok: [204] }),
    global: () => false,
    undo: (arg) => ({ unlock: arg }),
  },
  unlock: {
    description:
      'Unlocks a customer id or SEGMENT/KEY (DELETE /_mock/locks/{id} or /_mock/locks/{segment}/{key}; fine when it was not locked).',
    arg: id,
    call: (arg) => ({ method: 'DELETE', path: lockPath(arg), ok: [204] }),
    global: () => false,
  },
  fault: {
    description:
      'Adds a fault rule (POST /_mock/faults): {kind: latency|status|drop|truncate, ms|minMs+maxMs|status|bytes, scope: {route, method, id, share, times}}; capture its id with capture: {rule: body.id}. Without scope.id it may hit other scenarios: exclusive only.',
    arg: {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: {
        kind: { enum: ['latency', 'status', 'drop', 'truncate'] },
        ms: count(0),
        minMs: count(0),
        maxMs: count(0),
        status: count(100),
        bytes: count(0),
        scope: {
          type: 'object',
          additionalProperties: false,
          properties: {
            route: { type: 'string', minLength: 1 },
            method: { type: 'string', minLength: 1 },
            id,
            share: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
            times: count(1),
          },
        },
      },
    },
    call: (arg) => ({ method: 'POST', path: '/faults', body: arg, ok: [201] }),
    global: (arg) => member(member(arg, 'scope'), 'id') === undefined,
  },
  removeFault: {
    description: 'Removes a fault rule by its id (DELETE /_mock/faults/{id}); a rule already used up (404) is fine.',
    arg: id,
    call: (arg) => ({ method: 'DELETE', path: `/faults/${enc(arg)}`, ok: [204, 404] }),
    global: () => false,
  },
  clock: {
    description:
      'Moves the mock clock (POST /_mock/clock/...): freeze, resume, reset, {freeze: true or an instant}, {set: instant}, {advance: duration}. Global: exclusive only, and finally must hold {clock: reset}.',
    arg: {
      anyOf: [
        { enum: ['freeze', 'resume', 'reset'] },
        oneOf({ freeze: { anyOf: [{ const: true }, instant] }, set: instant, advance: duration }),
      ],
    },
    call: clockCall,
    global: () => true,
    undo: (arg) => (arg === 'reset' ? {} : { clock: 'reset' }),
  },
  snapshot: {
    description:
      'Snapshots (PUT /_mock/snapshots/{name}, POST .../restore, DELETE): {save: name}, {restore: name} (replaces every customer: exclusive only), {delete: name} (404 is fine). A save needs {snapshot: {delete: name}} in finally.',
    arg: oneOf({ save: snapshotName, restore: snapshotName, delete: snapshotName }),
    call: snapshotCall,
    global: (arg) => member(arg, 'restore') !== undefined,
    undo: (arg) => (member(arg, 'save') === undefined ? {} : { snapshot: { delete: member(arg, 'save') } }),
  },
  reset: {
    description:
      'Back to the starting customers (POST /_mock/reset): true, or {seed, count} for a fresh set. Exclusive only.',
    arg: {
      anyOf: [
        { const: true },
        {
          type: 'object',
          additionalProperties: false,
          properties: { seed: { type: 'integer' }, count: { type: 'integer', minimum: 0 } },
        },
      ],
    },
    call: (arg) => ({ method: 'POST', path: '/reset', body: arg === true ? {} : arg, ok: [200] }),
    global: () => true,
  },
  load: {
    description:
      'Loads customers (POST /_mock/customers merges by id; replace: true is PUT, replacing every customer: exclusive only): {customers: [...], replace?}.',
    arg: {
      type: 'object',
      required: ['customers'],
      additionalProperties: false,
      properties: { customers: { type: 'array', items: { type: 'object' } }, replace: { type: 'boolean' } },
    },
    call: (arg) => ({
      method: member(arg, 'replace') === true ? 'PUT' : 'POST',
      path: '/customers',
      body: { customers: member(arg, 'customers') },
      ok: [200],
    }),
    global: (arg) => member(arg, 'replace') === true,
    creates: (arg) => {
      const customers = member(arg, 'customers');
      return (Array.isArray(customers) ? customers : []).flatMap((c) =>
        typeof member(c, 'id') === 'string' ? [`/customers/${enc(member(c, 'id'))}`] : [],
      );
    },
  },
  webhook: {
    description:
      'Adds a webhook receiver (POST /_mock/webhooks): {url, secret?, resources?}. Every write of every scenario goes to it: exclusive only, and finally must hold {clearWebhooks: true}.',
    arg: {
      type: 'object',
      required: ['url'],
      additionalProperties: false,
      properties: {
        url: { type: 'string', minLength: 1 },
        secret: { type: 'string' },
        resources: { type: 'array', items: { type: 'string' } },
      },
    },
    call: (arg) => ({ method: 'POST', path: '/webhooks', body: arg, ok: [201] }),
    global: () => true,
    undo: () => ({ clearWebhooks: true }),
  },
  clearWebhooks: {
    description: 'Forgets every webhook receiver, configured ones too (DELETE /_mock/webhooks). Exclusive only.',
    arg: { const: true },
    call: () => ({ method: 'DELETE', path: '/webhooks', ok: [204] }),
    global: () => true,
  },
  wait: {
    description: 'Waits this many milliseconds (no call; e.g. for an asynchronous webhook delivery).',
    arg: { type: 'integer', minimum: 1, maximum: 60_000 },
    call: () => undefined,
    global: () => false,
  },
} as const satisfies Record<string, ActionRow>;

export type ActionName = keyof typeof CONTROL_ACTIONS;

export const ACTION_NAMES = Object.keys(CONTROL_ACTIONS) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(CONTROL_ACTIONS, name);
}

/** The row of an action, typed as the table's common shape. */
export function actionRow(name: ActionName): ActionRow {
  return CONTROL_ACTIONS[name];
}

/** An action read from its written form: which one, its argument and its captures. */
export interface ControlAction {
  name: ActionName;
  arg: unknown;
  capture: Record<string, unknown>;
}

/** `{ lock: "${id}", capture: {...} }` → the action; undefined unless exactly one action name is given. */
export function readAction(spec: ControlActionSpec): ControlAction | undefined {
  const names = Object.keys(spec).filter(isActionName);
  const [name] = names;
  if (name === undefined || names.length !== 1) return undefined;
  const capture = spec['capture'];
  return { name, arg: spec[name], capture: isRecord(capture) ? capture : {} };
}

/** Whether `finally` holds the action that undoes `action` (compared as written, before interpolation). */
export function undoneBy(
  action: ControlAction,
  finallyActions: readonly ControlActionSpec[],
): { ok: true } | { ok: false; needed: ControlActionSpec } {
  const needed = actionRow(action.name).undo?.(action.arg);
  if (needed === undefined || Object.keys(needed).length === 0) return { ok: true };
  const holds = finallyActions.some((spec) => Object.entries(needed).every(([k, v]) => jsonEqual(spec[k], v)));
  return holds ? { ok: true } : { ok: false, needed };
}
