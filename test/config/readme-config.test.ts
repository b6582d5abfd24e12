// Drift tests: the README's "Every key" block must be a valid config file and equal the defaults, and its flags
// table must name every environment variable, so the documentation of the configuration cannot fall behind the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configFromArgs } from '../../src/cli/serve-options.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { checkConfigInput, mergeConfig } from '../../src/config/load-config.js';

test("the README's configuration block lists every key with its default", () => {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('Every key:\n\n```json\n');
  assert.ok(start >= 0, 'README has the "Every key" block');
  const text = readme.slice(start + 'Every key:\n\n```json\n'.length, readme.indexOf('```', start + 20));
  const documented = checkConfigInput(JSON.parse(text), 'README');
  assert.deepEqual(documented, JSON.parse(JSON.stringify(DEFAULT_CONFIG)));
  assert.deepEqual(mergeConfig(documented), DEFAULT_CONFIG);
});

/** An example value of every environment variable the mock reads (and the flags table must list). */
const ENV_SAMPLES: Record<string, string> = {
  PORT: '4567',
  PORTOS_MOCK_HOST: '0.0.0.0',
  PORTOS_MOCK_SEED: '7',
  PORTOS_MOCK_COUNT: '3',
  PORTOS_MOCK_LOCALE: 'en-GB',
  PORTOS_MOCK_STRICT: '1',
  PORTOS_MOCK_BASE_PATH: '/portos',
  PORTOS_MOCK_CONTROL: '0',
  PORTOS_MOCK_CONTROL_TOKEN: 'secret',
};

test("the README's flags table names every environment variable, and each changes the configuration", () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('| flag | env | default | meaning |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const documented = rows.flatMap((row) =>
    [...(row.split('|')[2] ?? '').matchAll(/`([A-Z_]+)(=\d)?`/g)].map((m) => m[1]),
  );
  assert.deepEqual(documented.sort(), Object.keys(ENV_SAMPLES).sort());
  const defaults = configFromArgs([], {}).config;
  for (const [name, value] of Object.entries(ENV_SAMPLES))
    assert.notDeepEqual(configFromArgs([], { [name]: value }).config, defaults, `${name}=${value} changes nothing`);
});
