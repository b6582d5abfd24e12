import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFAULT_CONFIG, type Config, type ConfigInput } from './config.js';
import { CONFIG_SCHEMA } from './config-schema.js';

/** A configuration that cannot be used; the message lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const validate = new Ajv2020({ allErrors: true, verbose: true }).compile(CONFIG_SCHEMA);

/** `/control/stateFile` → `control.stateFile`; the top level names itself by what it holds. */
function keyPath(pointer: string): string {
  return pointer.slice(1).replaceAll('/', '.');
}

/** One schema problem as a sentence that says what to fix: the key, what it must be, what is allowed. */
function problemOf(error: ErrorObject): string {
  const at = keyPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const where = at === '' ? '' : `${at}: `;
  switch (error.keyword) {
    case 'additionalProperties': {
      const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
      const allowed = Object.keys(properties ?? {}).filter((key) => key !== '$schema');
      return `${where}unknown key "${String(params['additionalProperty'])}"; allowed: ${allowed.join(', ')}`;
    }
    case 'enum':
      return `${at} must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}, got ${JSON.stringify(error.data)}`;
    case 'const':
      return `${at} must be ${JSON.stringify(params['allowedValue'])}, got ${JSON.stringify(error.data)}`;
    default:
      return `${at === '' ? 'the configuration' : at} ${error.message ?? 'is invalid'}, got ${JSON.stringify(error.data)}`;
  }
}

/** `input` checked against the config schema, or a ConfigError naming every bad key (one line). */
export function checkConfigInput(input: unknown, source: string): ConfigInput {
  if (!validate(input)) {
    const problems = [...new Set((validate.errors ?? []).map(problemOf))];
    throw new ConfigError(`${source}: ${problems.join('; ')}`);
  }
  return input as ConfigInput;
}

/** Reads a JSON config file. */
export function readConfigFile(path: string): ConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  try {
    return checkConfigInput(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** The defaults overridden by each layer in turn (file, then env, then flags); nested sections merge. */
export function mergeConfig(...layers: ConfigInput[]): Config {
  const merged: Config = structuredClone(DEFAULT_CONFIG);
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer) as [keyof Config, unknown][]) {
      if (value === undefined || key === ('$schema' as keyof Config)) continue;
      const current = merged[key];
      const nested =
        typeof current === 'object' && current !== null && !Array.isArray(current) && typeof value === 'object';
      (merged as unknown as Record<string, unknown>)[key] = nested ? { ...current, ...(value as object) } : value;
    }
  }
  return merged;
}

function intFrom(name: string, text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text.trim())) throw new ConfigError(`${name} must be an integer, got "${text}"`);
  return Number(text);
}

/** The documented environment variables (docs/decisions.md#configuration). */
export function configFromEnv(env: Record<string, string | undefined>): ConfigInput {
  const input: Record<string, unknown> = {
    port: intFrom('PORT', env['PORT']),
    host: env['PORTOS_MOCK_HOST'] || undefined,
    seed: intFrom('PORTOS_MOCK_SEED', env['PORTOS_MOCK_SEED']),
    count: intFrom('PORTOS_MOCK_COUNT', env['PORTOS_MOCK_COUNT']),
    defaultLocale: env['PORTOS_MOCK_LOCALE'] || undefined,
    strict:
      env['PORTOS_MOCK_STRICT'] === undefined
        ? undefined
        : ['1', 'true', 'yes'].includes(env['PORTOS_MOCK_STRICT'].toLowerCase()),
    basePath: env['PORTOS_MOCK_BASE_PATH'] || undefined,
  };
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return checkConfigInput(defined, 'environment');
}
