import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { COMMAND_USAGE } from '../../src/cli/mock-usage.js';

// `portos-mock` as a user runs it: --help on every command prints that command's usage on stdout with exit 0
// (never a Node message, never a missing --user); a bare `portos-mock` prints help instead of serving.

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/portos-mock.ts', ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

/** argv → exit code, what stdout must match (and stderr: empty unless given). */
const CASES: [string[], number, RegExp, RegExp?][] = [
  [[], 0, /^portos-mock: a stateful mock[\s\S]*portos-mock COMMAND --help/],
  [['--help'], 0, /^portos-mock: a stateful mock/],
  [['-h'], 0, /^portos-mock: a stateful mock/],
  [['help', 'token'], 0, /^Usage: portos-mock token --user NAME/],
  [['--version'], 0, new RegExp(`^${VERSION.replace(/\./g, '\\.')}\\n$`)],
  [['serve', '--help'], 0, /^Usage: portos-mock serve[\s\S]*PORTOS_MOCK_HOST/],
  [['serve', '-h'], 0, /^Usage: portos-mock serve/],
  [['token', '--help'], 0, /^Usage: portos-mock token --user NAME/],
  [['token', '--user', 'manager', '-h'], 0, /^Usage: portos-mock token/],
  [['reset', '--help'], 0, /^Usage:\n {2}portos-mock reset \[--seed N\]/],
  [['clock', 'advance', '--help'], 0, /^Usage:\n {2}portos-mock clock/],
  [['requests', '--help'], 0, /portos-mock requests[\s\S]*--follow[\s\S]*--status S/],
  [['changes', '-h'], 0, /portos-mock changes \[--limit N\]/],
  [['nope'], 2, /^$/, /^portos-mock: unknown command "nope" \(run portos-mock help for usage\)\n$/],
];

describe('portos-mock usage', { concurrency: 4 }, () => {
  for (const [args, code, stdout, stderr = /^$/] of CASES) {
    test(`portos-mock ${args.join(' ')} → exit ${code}`, async () => {
      const run = await cli(args);
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stdout, stdout);
      assert.match(run.stderr, stderr);
    });
  }
});

test('every command has its usage, and each names the command', () => {
  for (const [command, usage] of Object.entries(COMMAND_USAGE))
    assert.match(usage, new RegExp(`portos-mock ${command}`));
});

test('npm start still serves', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts['start'] ?? '', /portos-mock\.js serve$/);
});
