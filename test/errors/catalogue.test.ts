// Drift test: the catalogue, the locale tables and the spec must describe the same problems.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROBLEMS, STATUS_TYPES, type ProblemCode } from '../../src/errors/catalogue.js';

const codes = Object.keys(PROBLEMS) as ProblemCode[];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('every status is 4xx/5xx and has a type URI; errorCodes are the documented 1..6', () => {
  for (const code of codes) {
    const entry: { status: number; errorCode?: number } = PROBLEMS[code];
    assert.ok(entry.status >= 400 && entry.status < 600, code);
    assert.ok(STATUS_TYPES[entry.status]?.startsWith('https://tools.ietf.org/html/rfc'), code);
    if (entry.errorCode !== undefined) assert.ok(entry.errorCode >= 1 && entry.errorCode <= 6, code);
  }
});

test('every problem code is raised somewhere outside the catalogue and the locales', () => {
  const code = sources('src')
    .filter((path) => !path.includes('i18n') && !path.endsWith('catalogue.ts') && !path.endsWith('problem-params.ts'))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');
  for (const problem of codes) assert.ok(code.includes(`'${problem}'`), `${problem} is never raised`);
});
