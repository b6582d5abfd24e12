import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ERRORS = join(import.meta.dirname, '../../src/errors');

/** `src/errors/` is the bottom of the house: it imports nothing from the folders above it. */
test('src/errors imports only from src/errors', () => {
  const outside = readdirSync(ERRORS)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      [...readFileSync(join(ERRORS, file), 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1] ?? '')
        .filter((target) => !target.startsWith('./') && !target.startsWith('node:'))
        .map((target) => `${file} → ${target}`),
    );
  assert.deepEqual(outside, []);
});
