import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DEFAULT_CONFIG, type Config, type ConfigInput } from './config.js';
import { CONFIG_SCHEMA } from './config-schema.js';

/** A configuration that cannot be used; the message lists every problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const validate = new Ajv2020({ allErrors: true }).compile(CONFIG_SCHEMA);

/** `input` checked against the config schema, or a ConfigError naming every bad key. */
export function checkConfigInput(input: unknown, source: string): ConfigInput {
  if (!validate(input)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
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
