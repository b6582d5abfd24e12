// Drift test: the README's "Every key" block must be a valid config file and equal the defaults, so the
// documentation of the configuration cannot fall behind the code.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
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
