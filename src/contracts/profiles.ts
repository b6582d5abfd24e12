import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isRecord } from './json-path.js';
import type { LoadIssue } from './scenario.js';
import { ANONYMOUS } from './scenario.js';
import { formatSegments, schemaIssues } from './schema-issues.js';
import { parseYamlSource } from './yaml-source.js';

/** How an identity authenticates: a login, an API key, a fixed token, or fixed headers. */
export type Profile =
  | { kind: 'bearer'; userName: string; password: string; deviceName: string; loginPath: string }
  | { kind: 'nws4'; clientId: string; clientSecret: string }
  | { kind: 'token'; token: string }
  | { kind: 'headers'; headers: Record<string, string> }
  | { kind: 'anonymous' };

/** Named identities, and the one that deletes what a run created. */
export interface Profiles {
  file: string;
  /** Profile that deletes created resources at the end (default: the identity that created each one). */
  cleanup?: string;
  get(name: string): { ok: true; profile: Profile } | { ok: false; reason: string };
  names(): string[];
}

const text = { type: 'string' };
const PROFILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['profiles'],
  properties: {
    cleanup: text,
    profiles: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9_.-]+$', not: { const: ANONYMOUS } },
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
        properties: {
          bearer: {
            type: 'object',
            required: ['userName', 'password', 'deviceName'],
            additionalProperties: false,
            properties: { userName: text, password: text, deviceName: text, loginPath: text },
          },
          nws4: {
            type: 'object',
            required: ['clientId', 'clientSecret'],
            additionalProperties: false,
            properties: { clientId: text, clientSecret: text },
          },
          token: text,
          headers: { type: 'object', additionalProperties: text },
        },
      },
    },
  },
} as const;

const ENV = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** `${VAR}` and `${VAR:-default}` from the environment (`$$` is a literal `$`); lists the missing variables. */
export function substituteEnv(
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): { value: string; missing: string[] } {
  const missing: string[] = [];
  const out = value.replace(ENV, (match, name: string | undefined, fallback: string | undefined) => {
    if (name === undefined) return '$';
    const found = env[name];
    if (found !== undefined && found !== '') return found;
    if (fallback !== undefined) return fallback;
    missing.push(name);
    return match;
  });
  return { value: out, missing };
}

function substituteDeep(value: unknown, env: Readonly<Record<string, string | undefined>>, missing: string[]): unknown {
  if (typeof value === 'string') {
    const result = substituteEnv(value, env);
    missing.push(...result.missing);
    return result.value;
  }
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, env, missing)]));
  return value;
}

function toProfile(raw: Record<string, unknown>): Profile {
  const [kind, value] = Object.entries(raw)[0] ?? [];
  const v = (isRecord(value) ? value : {}) as Record<string, string>;
  switch (kind) {
    case 'bearer':
      return {
        kind,
        userName: v['userName'] ?? '',
        password: v['password'] ?? '',
        deviceName: v['deviceName'] ?? '',
        loginPath: v['loginPath'] ?? '/api/auth',
      };
    case 'nws4':
      return { kind, clientId: v['clientId'] ?? '', clientSecret: v['clientSecret'] ?? '' };
    case 'token':
      return { kind, token: String(value) };
    default:
      return { kind: 'headers', headers: v };
  }
}

/** Parses a profiles file's text; environment variables are substituted per profile when it is first used. */
export function parseProfiles(
  file: string,
  source: string,
  env: Readonly<Record<string, string | undefined>>,
): { profiles?: Profiles; issues: LoadIssue[] } {
  const yaml = parseYamlSource(source);
  if (yaml.errors.length > 0)
    return { issues: [{ file, path: '(file)', message: `YAML: ${yaml.errors[0]?.message ?? ''}` }] };
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(PROFILE_SCHEMA);
  if (!validate(yaml.data)) {
    return {
      issues: schemaIssues(validate.errors ?? []).map((i) => {
        const pos = yaml.position(i.segments);
        return {
          file,
          path: formatSegments(i.segments),
          ...(pos === undefined ? {} : { line: pos.line, column: pos.column }),
          message: i.message,
        };
      }),
    };
  }
  const data = yaml.data as { cleanup?: string; profiles: Record<string, Record<string, unknown>> };
  const issues: LoadIssue[] = [];
  if (data.cleanup !== undefined && !Object.hasOwn(data.profiles, data.cleanup)) {
    issues.push({ file, path: 'cleanup', message: `no profile named '${data.cleanup}'` });
  }
  const profiles: Profiles = {
    file,
    ...(data.cleanup === undefined ? {} : { cleanup: data.cleanup }),
    names: () => Object.keys(data.profiles),
    get(name) {
      if (name === ANONYMOUS) return { ok: true, profile: { kind: 'anonymous' } };
      const raw = Object.hasOwn(data.profiles, name) ? data.profiles[name] : undefined;
      if (raw === undefined) return { ok: false, reason: `no profile '${name}' in ${file}` };
      const missing: string[] = [];
      const resolved = substituteDeep(raw, env, missing) as Record<string, unknown>;
      if (missing.length > 0)
        return {
          ok: false,
          reason: `profile '${name}' needs environment variable(s) ${[...new Set(missing)].join(', ')}`,
        };
      return { ok: true, profile: toProfile(resolved) };
    },
  };
  return { profiles, issues };
}

/** Reads and parses a profiles file. */
export function loadProfiles(
  file: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { profiles?: Profiles; issues: LoadIssue[] } {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return { issues: [{ file, path: '(file)', message: `cannot read profiles: ${(error as Error).message}` }] };
  }
  return parseProfiles(file, source, env);
}

/** A field of a profile usable as `${profile.NAME.FIELD}` (e.g. to test login itself). */
export function profileField(profile: Profile, field: string): string | undefined {
  const value = (profile as unknown as Record<string, unknown>)[field];
  return field !== 'kind' && typeof value === 'string' ? value : undefined;
}
