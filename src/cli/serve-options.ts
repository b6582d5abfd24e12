import { parseArgs } from 'node:util';
import type { ConfigInput } from '../config/config.js';
import { ConfigError, checkConfigInput, configFromEnv, mergeConfig, readConfigFile } from '../config/load-config.js';
import type { Config } from '../config/config.js';
import { UsageError } from '../control/cli/control-command.js';
import { argsErrorLine } from './args-error.js';

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
  'no-control': { type: 'boolean' },
  'no-docs': { type: 'boolean' },
  state: { type: 'string' },
  'control-token': { type: 'string' },
  webhook: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function int(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(`--${flag} must be an integer, got "${value}"`);
  return Number(value);
}

/** `URL#secret` → a webhook receiver (the secret is optional). */
function webhookOf(value: string): { url: string; secret?: string } {
  const at = value.indexOf('#');
  return at < 0 ? { url: value } : { url: value.slice(0, at), secret: value.slice(at + 1) };
}

/** `PORTOS_MOCK_CONTROL=0` (or false/no/off) switches the control API off; `PORTOS_MOCK_CONTROL_TOKEN` sets its token. */
function controlFromEnv(env: Record<string, string | undefined>): ConfigInput {
  const value = env['PORTOS_MOCK_CONTROL'];
  const token = env['PORTOS_MOCK_CONTROL_TOKEN'];
  return {
    control: {
      ...(value === undefined || value === ''
        ? {}
        : { enabled: !['0', 'false', 'no', 'off'].includes(value.toLowerCase()) }),
      ...(token === undefined || token === '' ? {} : { token }),
    },
  };
}

/** Configuration from defaults ← the command's defaults ← `--config FILE` ← environment ← flags. */
export function configFromArgs(
  args: readonly string[],
  env: Record<string, string | undefined>,
  /** The command's own defaults, under everything else (`serve` logs requests unless `--quiet`). */
  commandDefaults: ConfigInput = {},
): { config: Config; help: boolean; user: string | undefined; device: string | undefined } {
  const options = { ...SERVE_FLAGS, user: { type: 'string' }, device: { type: 'string' } } as const;
  let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(argsErrorLine(error));
  }
  if (values.help === true)
    return { config: mergeConfig(commandDefaults), help: true, user: undefined, device: undefined };
  const flags: Record<string, unknown> = {
    port: int('port', values.port),
    host: values.host,
    seed: int('seed', values.seed),
    count: int('count', values.count),
    defaultLocale: values['default-locale'],
    strict: values.strict,
    basePath: values['base-path'],
    logRequests: values.quiet === true ? false : undefined,
    docs: values['no-docs'] === true ? { enabled: false } : undefined,
    control: {
      ...(values['no-control'] === true ? { enabled: false } : {}),
      ...(values.state === undefined ? {} : { stateFile: values.state }),
      ...(values.webhook === undefined ? {} : { webhooks: values.webhook.map(webhookOf) }),
      ...(values['control-token'] === undefined ? {} : { token: values['control-token'] }),
    },
    auth:
      values.identities !== undefined || values['no-auth'] === true
        ? {
            ...(values.identities === undefined ? {} : { identitiesFile: values.identities }),
            ...(values['no-auth'] === true ? { required: false } : {}),
          }
        : undefined,
  };
  const fromFlags = checkConfigInput(
    Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    'flags',
  );
  const fromFile: ConfigInput = values.config === undefined ? {} : readConfigFile(values.config);
  return {
    config: mergeConfig(commandDefaults, fromFile, configFromEnv(env), controlFromEnv(env), fromFlags),
    help: false,
    user: values.user,
    device: values.device,
  };
}
