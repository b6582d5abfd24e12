import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ConfigError, checkConfigInput, configFromEnv, mergeConfig } from '../../src/config/load-config.js';
import { configFromArgs } from '../../src/cli/serve-options.js';

test("defaults are docs/decisions.md's", () => {
  assert.deepEqual(
    [
      DEFAULT_CONFIG.port,
      DEFAULT_CONFIG.seed,
      DEFAULT_CONFIG.count,
      DEFAULT_CONFIG.defaultLocale,
      DEFAULT_CONFIG.strict,
      DEFAULT_CONFIG.basePath,
    ],
    [3000, 42, 250, 'sk-SK', false, ''],
  );
});

test('layers override in order and nested sections merge', () => {
  const config = mergeConfig({ port: 1, auth: { tokenLifetimeSeconds: 5 } }, { port: 2 });
  assert.equal(config.port, 2);
  assert.equal(config.auth.tokenLifetimeSeconds, 5);
  assert.equal(config.auth.jwtSecret, DEFAULT_CONFIG.auth.jwtSecret);
});

test('env names of docs/decisions.md', () => {
  assert.deepEqual(
    configFromEnv({
      PORT: '8080',
      PORTOS_MOCK_HOST: '0.0.0.0',
      PORTOS_MOCK_SEED: '7',
      PORTOS_MOCK_COUNT: '0',
      PORTOS_MOCK_LOCALE: 'en-GB',
      PORTOS_MOCK_STRICT: 'true',
    }),
    {
      port: 8080,
      host: '0.0.0.0',
      seed: 7,
      count: 0,
      defaultLocale: 'en-GB',
      strict: true,
    },
  );
});

test('flags beat env, env beats defaults', () => {
  const { config } = configFromArgs(
    ['--port', '4000', '--strict', '--default-locale', 'en-GB', '--base-path', '/portos'],
    { PORT: '8080', PORTOS_MOCK_SEED: '9' },
  );
  assert.deepEqual(
    [config.port, config.seed, config.strict, config.defaultLocale, config.basePath],
    [4000, 9, true, 'en-GB', '/portos'],
  );
});

/** The control token: [flags, env, config file?, expected `control.token`]. */
const TOKENS: [string[], Record<string, string>, string][] = [
  [[], {}, ''],
  [[], { PORTOS_MOCK_CONTROL_TOKEN: 'from-env' }, 'from-env'],
  [['--control-token', 'from-flag'], { PORTOS_MOCK_CONTROL_TOKEN: 'from-env' }, 'from-flag'],
  [['--control-token', 'from-flag', '--no-control'], {}, 'from-flag'],
  [[], { PORTOS_MOCK_CONTROL_TOKEN: '', PORTOS_MOCK_CONTROL: '1' }, ''],
];
for (const [flags, env, token] of TOKENS) {
  test(`control.token from ${JSON.stringify(flags)} ${JSON.stringify(env)} is "${token}"`, () => {
    const { config } = configFromArgs(flags, env);
    assert.equal(config.control.token, token);
    assert.equal(config.control.prefix, '/_mock', 'the rest of the section keeps its defaults');
  });
}

const BAD: [string, () => unknown][] = [
  ['control token not a string', () => checkConfigInput({ control: { token: 1 } }, 'x')],
  ['unknown key', () => checkConfigInput({ prot: 1 }, 'x')],
  ['wrong type', () => checkConfigInput({ port: '1' }, 'x')],
  ['unsupported locale', () => checkConfigInput({ defaultLocale: 'de-DE' }, 'x')],
  ['bad base path', () => checkConfigInput({ basePath: 'no-slash' }, 'x')],
  ['non-integer env', () => configFromEnv({ PORT: 'abc' })],
  ['non-integer flag', () => configFromArgs(['--count', '1e3'], {})],
];
for (const [name, run] of BAD) {
  test(`rejected: ${name}`, () =>
    assert.throws(
      run,
      (e: unknown) => e instanceof ConfigError || (e as Error).name === 'TypeError' || e instanceof Error,
    ));
}
