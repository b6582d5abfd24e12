import { parseArgs } from 'node:util';
import type { ConfigInput } from '../config/config.js';
import { ConfigError, checkConfigInput, configFromEnv, mergeConfig, readConfigFile } from '../config/load-config.js';
import type { Config } from '../config/config.js';

/** Flags of `portos-mock serve` (and the other commands that build a configuration). */
export const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  count: { type: 'string' },
  'default-locale': { type: 'string' },
  strict: { type: 'boolean' },
  'base-path': { type: 'string' },
  config: { type: 'string' },
  identities: { type: 'string' },
  'no-auth': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(`--${flag} must be an integer, got "${value}"`);
  return Number(value);
}

/** Configuration from defaults ← `--config FILE` ← environment ← flags. */
export function configFromArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
): { config: Config; help: boolean; user: string | undefined; device: string | undefined } {
  const options = { ...SERVE_FLAGS, user: { type: 'string' }, device: { type: 'string' } } as const;
  const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  const flags: Record<string, unknown> = {
    port: int('port', values.port),
    host: values.host,
    seed: int('seed', values.seed),
    count: int('count', values.count),
    defaultLocale: values['default-locale'],
    strict: values.strict,
    basePath: values['base-path'],
    auth:
      values.identities !== undefined || values['no-auth'] === true
        ? {
            ...(values.identities === undefined ? {} : { identitiesFile: values.identities }),
            ...(values['no-auth'] === true ? { required: false } : {}),
          }
        : undefined,
  };
  const fromFlags = checkConfigInput(Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)), 'flags');
  const fromFile: ConfigInput = values.config === undefined ? {} : readConfigFile(values.config);
  return {
    config: mergeConfig(fromFile, configFromEnv(env), fromFlags),
    help: values.help === true,
    user: values.user,
    device: values.device,
  };
}
