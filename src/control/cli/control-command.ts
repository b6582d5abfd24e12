import { parseArgs } from 'node:util';
import { argsErrorLine } from '../../cli/args-error.js';
import { isLocale, LOCALE_NAMES, type Locale } from '../../i18n/locales.js';
import { isSegment, SEGMENTS } from '../../resources/names.js';
import { FAULT_KINDS, FAULT_KIND_NAMES, isFaultKind } from '../fault-kinds.js';

/** One HTTP call to the control API; `bodyFile` is read and sent as the JSON body. */
export interface ControlCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  bodyFile?: string;
}

export interface ControlPlan {
  /** Server root, e.g. `http://127.0.0.1:3000` (the control API is not under the PORTOS base path). */
  url: string;
  prefix: string;
  /** The mock's control token (`--control-token`, `PORTOS_MOCK_CONTROL_TOKEN`), sent as `X-Mock-Control-Token`. */
  token?: string;
  /** The language of the mock's answers (`Accept-Language`): English unless `--lang` says otherwise. */
  lang: Locale;
  call: ControlCall;
}

/** A command line that cannot become a control call; the message says why (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const CONTROL_COMMANDS = [
  'reset',
  'load',
  'snapshot',
  'clock',
  'fault',
  'lock',
  'unlock',
  'locks',
  'counts',
  'requests',
  'changes',
] as const;

export type ControlCommand = (typeof CONTROL_COMMANDS)[number];

export function isControlCommand(value: string): value is ControlCommand {
  return (CONTROL_COMMANDS as readonly string[]).includes(value);
}

/** The options that say which mock to talk to and how: every control and log command takes them. */
export const TARGET_OPTIONS = {
  url: { type: 'string' },
  prefix: { type: 'string' },
  'control-token': { type: 'string' },
  lang: { type: 'string' },
} as const;

const OPTIONS = {
  ...TARGET_OPTIONS,
  seed: { type: 'string' },
  count: { type: 'string' },
  merge: { type: 'boolean' },
  resource: { type: 'string' },
  file: { type: 'string' },
  route: { type: 'string' },
  method: { type: 'string' },
  id: { type: 'string' },
  share: { type: 'string' },
  times: { type: 'string' },
  limit: { type: 'string' },
  since: { type: 'string' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function numberOf(flag: string, text: string | undefined, integer = true): number | undefined {
  if (text === undefined) return undefined;
  const valid = integer ? /^-?\d+$/.test(text) : /^-?\d+(\.\d+)?$/.test(text);
  if (!valid) throw new UsageError(`--${flag} must be ${integer ? 'an integer' : 'a number'}, got "${text}"`);
  return Number(text);
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value === '') throw new UsageError(`${what} is required`);
  return value;
}

/** `latency=300` (the fault header's syntax) plus scope flags → the body of `POST /_mock/faults`. */
function faultBody(spec: string, values: Values): Record<string, unknown> {
  const [name = '', ...rest] = spec.split('=');
  if (!isFaultKind(name)) throw new UsageError(`unknown fault "${name}"; one of ${FAULT_KIND_NAMES.join(', ')}`);
  const members = FAULT_KINDS[name].fromHeader(rest.length === 0 ? undefined : rest.join('='));
  if (members === undefined)
    throw new UsageError(`fault "${spec}" has the wrong form; for example ${FAULT_KINDS[name].example}`);
  const scope = defined({
    route: values.route,
    method: values.method,
    id: values.id,
    share: numberOf('share', values.share, false),
    times: numberOf('times', values.times),
  });
  return { kind: name, ...members, ...(Object.keys(scope).length === 0 ? {} : { scope }) };
}

function instant(text: string): string | number {
  return /^\d+$/.test(text) ? Number(text) : text;
}

function logPath(name: string, values: Values): string {
  const query = new URLSearchParams(
    defined({ limit: values.limit, since: values.since }) as Record<string, string>,
  ).toString();
  return query === '' ? `/${name}` : `/${name}?${query}`;
}

function snapshotCall(action: string | undefined, name: string | undefined, values: Values): ControlCall {
  const path = () => `/snapshots/${encodeURIComponent(need(name, 'a snapshot NAME'))}`;
  if (action === 'list') return { method: 'GET', path: '/snapshots' };
  if (action === 'save')
    return { method: 'PUT', path: path(), ...(values.file === undefined ? {} : { bodyFile: values.file }) };
  if (action === 'restore') return { method: 'POST', path: `${path()}/restore` };
  if (action === 'get') return { method: 'GET', path: path() };
  if (action === 'delete') return { method: 'DELETE', path: path() };
  throw new UsageError('snapshot: save|restore|get|list|delete NAME');
}

function clockCall(action: string | undefined, arg: string | undefined): ControlCall {
  if (action === undefined || action === 'show') return { method: 'GET', path: '/clock' };
  if (action === 'freeze')
    return { method: 'POST', path: '/clock/freeze', body: arg === undefined ? {} : { at: instant(arg) } };
  if (action === 'set') return { method: 'POST', path: '/clock/set', body: { at: instant(need(arg, 'clock set AT')) } };
  if (action === 'advance') {
    const by = need(arg, 'clock advance BY (e.g. 1d, 2h, -30m, 500ms)');
    return { method: 'POST', path: '/clock/advance', body: { by: /^-?\d+$/.test(by) ? Number(by) : by } };
  }
  if (action === 'resume') return { method: 'POST', path: '/clock/resume' };
  if (action === 'reset') return { method: 'POST', path: '/clock/reset' };
  throw new UsageError('clock: show|freeze [AT]|set AT|advance BY|resume|reset');
}

function faultCall(action: string | undefined, arg: string | undefined, values: Values): ControlCall {
  if (action === 'add')
    return {
      method: 'POST',
      path: '/faults',
      body: faultBody(need(arg, 'fault add SPEC (e.g. latency=300, status=500)'), values),
    };
  if (action === undefined || action === 'list') return { method: 'GET', path: '/faults' };
  if (action === 'clear') return { method: 'DELETE', path: '/faults' };
  if (action === 'remove')
    return { method: 'DELETE', path: `/faults/${encodeURIComponent(need(arg, 'fault remove ID'))}` };
  throw new UsageError(
    'fault: add SPEC [--route R] [--method M] [--id ID] [--share S] [--times N] | list | clear | remove ID',
  );
}

/** `--resource SEGMENT` of `load`: a route segment (`stocks`), customers when absent. */
function resourceOf(text: string | undefined): string {
  if (text === undefined) return 'customers';
  if (!isSegment(text)) throw new UsageError(`--resource must be one of ${SEGMENTS.join(', ')}, got "${text}"`);
  return text;
}

/** The lock path of `ID` (a customer) or `SEGMENT/KEY` (an item of any resource: `stocks/S01`). */
function lockPath(target: string): string {
  const slash = target.indexOf('/');
  if (slash < 0) return `/locks/${encodeURIComponent(target)}`;
  return `/locks/${resourceOf(target.slice(0, slash))}/${encodeURIComponent(target.slice(slash + 1))}`;
}

/** The control call a `portos-mock <command> …` line stands for (no I/O). */
export function planControl(
  command: ControlCommand,
  args: readonly string[],
  env: Record<string, string | undefined>,
): ControlPlan {
  let parsed: { values: Values; positionals: string[] };
  // A negative duration (`clock advance -2h`) is an argument, not a flag: pass it after `--`.
  const negative = args.filter((arg) => /^-\d/.test(arg));
  const ordered = negative.length === 0 ? [...args] : [...args.filter((arg) => !/^-\d/.test(arg)), '--', ...negative];
  try {
    parsed = parseArgs({ args: ordered, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${argsErrorLine(error)}`);
  }
  const { values, positionals } = parsed;
  const [first, second] = positionals;
  const calls: Record<ControlCommand, () => ControlCall> = {
    reset: () => ({
      method: 'POST',
      path: '/reset',
      body: defined({ seed: numberOf('seed', values.seed), count: numberOf('count', values.count) }),
    }),
    load: () => ({
      method: values.merge === true ? 'POST' : 'PUT',
      path: `/${resourceOf(values.resource)}`,
      bodyFile: need(first, 'load FILE'),
    }),
    snapshot: () => snapshotCall(first, second, values),
    clock: () => clockCall(first, second),
    fault: () => faultCall(first, second, values),
    lock: () => ({ method: 'PUT', path: lockPath(need(first, 'lock [SEGMENT/]KEY')) }),
    unlock: () =>
      first === undefined ? { method: 'DELETE', path: '/locks' } : { method: 'DELETE', path: lockPath(first) },
    locks: () => ({ method: 'GET', path: '/locks' }),
    counts: () => ({ method: 'GET', path: '/counts' }),
    requests: () => ({ method: 'GET', path: logPath('requests', values) }),
    changes: () => ({ method: 'GET', path: logPath('changes', values) }),
  };
  return { ...controlTarget(values, env), call: calls[command]() };
}

/**
 * The mock a control command talks to: `--url` (else `PORTOS_MOCK_URL`), `--prefix`, `--control-token` (else env),
 * and the language of its answers (`--lang`, default en-GB).
 */
export function controlTarget(
  values: {
    url?: string | undefined;
    prefix?: string | undefined;
    'control-token'?: string | undefined;
    lang?: string | undefined;
  },
  env: Record<string, string | undefined>,
): Omit<ControlPlan, 'call'> {
  const lang = values.lang ?? 'en-GB';
  if (!isLocale(lang)) throw new UsageError(`--lang must be one of ${LOCALE_NAMES.join(', ')}, got "${lang}"`);
  const url = (values.url ?? env['PORTOS_MOCK_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http(s) URL, got "${url}"`);
  const token = values['control-token'] ?? env['PORTOS_MOCK_CONTROL_TOKEN'];
  return {
    url,
    prefix: values.prefix ?? '/_mock',
    lang,
    ...(token === undefined || token === '' ? {} : { token }),
  };
}
