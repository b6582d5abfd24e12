import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { argsErrorLine } from '../../cli/args-error.js';
import { SPEC_VIEW_NAMES, type SpecViewName } from '../../spec/openapi-index.js';
import { parseShard } from '../select.js';
import { parseReporters, type ReporterTarget } from './reporters.js';

/** `portos-contracts run` options, checked. */
export interface RunArgs {
  baseUrl?: string;
  /** Scenario files and folders: the positional paths and `--scenarios DIR`; none = the bundled suite. */
  paths: string[];
  profiles?: string;
  tags: string[];
  grep?: string;
  shard?: { index: number; count: number };
  concurrency: number;
  timeoutMs: number;
  retries: number;
  insecure: boolean;
  ca?: string;
  spec?: string;
  /** Which view of the spec the schema checks use (default `documented`). */
  specView: SpecViewName;
  schema: boolean;
  probe: boolean;
  list: boolean;
  dryRun: boolean;
  /** The reports besides the console's (`--reporter NAME[:FILE]`, `--out FILE`). */
  reporters: ReporterTarget[];
  /** Stop at the first scenario that fails the run; the ones not started are skipped. */
  bail: boolean;
  color: boolean;
  help: boolean;
  /** The mock control API's base URL, or its path at the server root (default `/_mock`). */
  controlUrl?: string;
  controlPrefix?: string;
  /** The mock's control token (`--control-token`, env `PORTOS_MOCK_CONTROL_TOKEN`). */
  controlToken?: string;
}

/** `portos-contracts record` options, checked. */
export interface RecordArgs {
  upstream: string;
  port: number;
  out: string;
  host: string;
  name?: string;
  profiles?: string;
  help: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function integer(text: string | undefined, name: string, fallback: number, min: number): number | string {
  if (text === undefined) return fallback;
  const n = Number(text);
  return Number.isInteger(n) && n >= min ? n : `--${name} must be an integer ≥ ${min}, got '${text}'`;
}

function parse(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return {
      ok: true as const,
      parsed: parseArgs({
        args: [...args],
        options: { ...options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      }),
    };
  } catch (error) {
    return { ok: false as const, error: argsErrorLine(error) };
  }
}

/** Why `--grep` cannot select anything (a `/regex/` that is not one), or undefined. */
function grepProblem(grep: string): string | undefined {
  const regex = /^\/(.+)\/([a-z]*)$/.exec(grep);
  if (regex === null) return undefined;
  try {
    new RegExp(regex[1] ?? '', regex[2]);
    return undefined;
  } catch (error) {
    return `--grep '${grep}' is not a valid regular expression (${(error as Error).message})`;
  }
}

/**
 * Why a report cannot be written to FILE (checked before any scenario runs), or undefined; `flag` is how the
 * command line named it (`--out`, `--reporter junit:`).
 */
function outProblem(out: string, cwd: string, flag = '--out '): string | undefined {
  const file = resolve(cwd, out);
  const folder = dirname(file);
  if (existsSync(file) && statSync(file).isDirectory()) return `${flag}${out} is a folder; name a file`;
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    return `${flag}${out}: the folder ${folder} does not exist`;
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return `${flag}${out}: the folder ${folder} cannot be written`;
  }
  return undefined;
}

/** Parses `run` arguments; every problem is a usage error (exit 2). */
export function parseRunArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): Parsed<RunArgs> {
  const result = parse(args, {
    'base-url': { type: 'string' },
    profiles: { type: 'string' },
    tags: { type: 'string', multiple: true },
    grep: { type: 'string' },
    shard: { type: 'string' },
    concurrency: { type: 'string' },
    timeout: { type: 'string' },
    retries: { type: 'string' },
    insecure: { type: 'boolean' },
    ca: { type: 'string' },
    spec: { type: 'string' },
    'spec-view': { type: 'string' },
    'no-schema': { type: 'boolean' },
    probe: { type: 'boolean' },
    list: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    reporter: { type: 'string', multiple: true },
    out: { type: 'string' },
    bail: { type: 'boolean' },
    scenarios: { type: 'string', multiple: true },
    'no-color': { type: 'boolean' },
    'control-url': { type: 'string' },
    'control-prefix': { type: 'string' },
    'control-token': { type: 'string' },
  });
  if (!result.ok) return result;
  const v = result.parsed.values as Record<string, string | string[] | boolean | undefined>;
  const str = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : undefined);
  const controlUrl = str('control-url');
  const controlPrefix = str('control-prefix');
  const controlToken = str('control-token') ?? env['PORTOS_MOCK_CONTROL_TOKEN'];
  if (controlUrl !== undefined && controlPrefix !== undefined)
    return { ok: false, error: '--control-url and --control-prefix exclude each other' };
  if (controlUrl !== undefined && !/^https?:\/\/[^/]/.test(controlUrl))
    return { ok: false, error: `--control-url must be an http(s) URL, got '${controlUrl}'` };
  if (controlPrefix !== undefined && !/^\/[^?#\s]*$/.test(controlPrefix))
    return { ok: false, error: `--control-prefix must be a path starting with /, got '${controlPrefix}'` };
  const flag = (name: string) => v[name] === true;
  const concurrency = integer(str('concurrency'), 'concurrency', 4, 1);
  const timeoutMs = integer(str('timeout'), 'timeout', 10_000, 1);
  const retries = integer(str('retries'), 'retries', 0, 0);
  for (const n of [concurrency, timeoutMs, retries]) if (typeof n === 'string') return { ok: false, error: n };
  const shardText = str('shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  if (shardText !== undefined && shard === undefined)
    return { ok: false, error: `--shard must be I/N with 1 ≤ I ≤ N, got '${shardText}'` };
  const reporters = parseReporters((v['reporter'] as string[] | undefined) ?? [], str('out'));
  if (!reporters.ok) return reporters;
  if (flag('insecure') && str('ca') !== undefined)
    return { ok: false, error: '--insecure and --ca exclude each other' };
  const specView = str('spec-view') ?? 'documented';
  if (!(SPEC_VIEW_NAMES as readonly string[]).includes(specView))
    return { ok: false, error: `--spec-view must be one of ${SPEC_VIEW_NAMES.join(', ')}, got '${specView}'` };
  const baseUrl = str('base-url') ?? env['PORTOS_BASE_URL'];
  const value: RunArgs = {
    paths: [...result.parsed.positionals, ...((v['scenarios'] as string[] | undefined) ?? [])],
    tags: (v['tags'] as string[] | undefined) ?? [],
    concurrency: concurrency as number,
    timeoutMs: timeoutMs as number,
    retries: retries as number,
    insecure: flag('insecure'),
    specView: specView as SpecViewName,
    schema: !flag('no-schema'),
    probe: flag('probe'),
    list: flag('list'),
    dryRun: flag('dry-run'),
    reporters: reporters.value,
    bail: flag('bail'),
    color: !flag('no-color'),
    help: flag('help'),
    ...(baseUrl === undefined || baseUrl === '' ? {} : { baseUrl }),
    ...(str('profiles') === undefined ? {} : { profiles: str('profiles') as string }),
    ...(str('grep') === undefined ? {} : { grep: str('grep') as string }),
    ...(shard === undefined ? {} : { shard }),
    ...(str('ca') === undefined ? {} : { ca: str('ca') as string }),
    ...(str('spec') === undefined ? {} : { spec: str('spec') as string }),
    ...(controlUrl === undefined ? {} : { controlUrl }),
    ...(controlPrefix === undefined ? {} : { controlPrefix }),
    ...(controlToken === undefined || controlToken === '' ? {} : { controlToken }),
  };
  const out = str('out');
  const reportProblems = value.help
    ? []
    : value.reporters.flatMap((r) =>
        r.file === undefined ? [] : [outProblem(r.file, cwd, r.file === out ? '--out ' : `--reporter ${r.name}:`)],
      );
  const problem =
    (value.grep === undefined ? undefined : grepProblem(value.grep)) ?? reportProblems.find((p) => p !== undefined);
  if (problem !== undefined) return { ok: false, error: problem };
  if (value.baseUrl !== undefined && !/^https?:\/\/[^/]/.test(value.baseUrl))
    return { ok: false, error: `--base-url must be an http(s) URL, got '${value.baseUrl}'` };
  if (value.baseUrl === undefined && !value.list && !value.dryRun && !value.help)
    return { ok: false, error: '--base-url is required (or PORTOS_BASE_URL)' };
  return { ok: true, value };
}

/** Parses `record` arguments. */
export function parseRecordArgs(args: readonly string[]): Parsed<RecordArgs> {
  const result = parse(args, {
    upstream: { type: 'string' },
    port: { type: 'string' },
    out: { type: 'string' },
    host: { type: 'string' },
    name: { type: 'string' },
    profiles: { type: 'string' },
  });
  if (!result.ok) return result;
  const v = result.parsed.values as Record<string, string | boolean | undefined>;
  const help = v['help'] === true;
  const upstream = typeof v['upstream'] === 'string' ? v['upstream'] : undefined;
  const out = typeof v['out'] === 'string' ? v['out'] : undefined;
  const port = integer(typeof v['port'] === 'string' ? v['port'] : undefined, 'port', -1, 0);
  if (!help) {
    if (upstream === undefined || !/^https?:\/\/[^/]/.test(upstream))
      return { ok: false, error: '--upstream URL (http or https) is required' };
    if (out === undefined) return { ok: false, error: '--out DIR is required' };
    if (typeof port === 'string') return { ok: false, error: port };
    if (port < 0 || port > 65535) return { ok: false, error: '--port P is required (0 = any free port)' };
  }
  if (result.parsed.positionals.length > 0)
    return { ok: false, error: `unexpected argument '${result.parsed.positionals[0] ?? ''}'` };
  return {
    ok: true,
    value: {
      upstream: upstream ?? '',
      port: typeof port === 'number' ? port : 0,
      out: out ?? '',
      host: typeof v['host'] === 'string' ? v['host'] : '127.0.0.1',
      help,
      ...(typeof v['name'] === 'string' ? { name: v['name'] } : {}),
      ...(typeof v['profiles'] === 'string' ? { profiles: v['profiles'] } : {}),
    },
  };
}
