import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parseRunArgs } from '../../src/contracts/cli/args.js';
import { loadScenarios } from '../../src/contracts/load.js';
import { specIndex } from '../../src/spec/spec-index.js';
import { loadProfiles } from '../../src/contracts/profiles.js';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { exitCode, type RunResult } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { startMock, type RunningMock } from '../../src/mock.js';

// The contract kit against a mock whose control API needs a control token: with the token (option, flag or env)
// the control scenarios (arrange, finally, `api: control` steps, body-less POSTs) pass and leave the mock as they
// found it; without it they are skipped with a note that names the token, and nothing under /_mock changed.

const TOKEN = 'kit-secret';
const FILES = readdirSync('contracts')
  .filter((f) => /^control-.*\.ya?ml$/.test(f))
  .map((f) => `contracts/${f}`);
const spec = specIndex('strict');

let mock: RunningMock;
before(async () => {
  mock = await startMock({ config: { port: 0, count: 50, control: { token: TOKEN } }, log: () => undefined });
});
after(() => mock.close());

async function runWith(controlToken: string | undefined, paths: string[]): Promise<RunResult> {
  const loaded = loadScenarios(paths);
  const { profiles, issues } = loadProfiles('fixtures/profiles.yaml', {});
  if (profiles === undefined) throw new Error(JSON.stringify(issues));
  return runContracts({
    baseUrl: mock.url,
    scenarios: loaded.scenarios,
    issues: [...loaded.issues, ...issues],
    profiles,
    spec,
    http: { timeoutMs: 10_000, retries: 0 },
    concurrency: 4,
    ...(controlToken === undefined ? {} : { controlToken }),
  });
}

/** `--control-token` and `PORTOS_MOCK_CONTROL_TOKEN` of `portos-contracts run`: [flags, env, expected]. */
const ARGS: [string[], Record<string, string>, string | undefined][] = [
  [[], {}, undefined],
  [[], { PORTOS_MOCK_CONTROL_TOKEN: 'env' }, 'env'],
  [['--control-token', 'flag'], { PORTOS_MOCK_CONTROL_TOKEN: 'env' }, 'flag'],
  [[], { PORTOS_MOCK_CONTROL_TOKEN: '' }, undefined],
];
for (const [flags, env, expected] of ARGS) {
  test(`portos-contracts run ${flags.join(' ')} with ${JSON.stringify(env)}: control token ${expected}`, () => {
    const parsed = parseRunArgs(['--base-url', 'http://h:1', ...flags], env);
    assert.ok(parsed.ok);
    assert.equal(parsed.value.controlToken, expected);
  });
}

test('with the control token the control scenarios pass and leave the mock as they found it', async () => {
  const version = mock.store.version;
  const result = await runWith(TOKEN, FILES);
  assert.equal(exitCode(result), 0, formatConsoleReport(result));
  assert.ok(result.scenarios.length >= 30);
  assert.ok(result.scenarios.every((s) => s.status === 'passed'));
  const { control } = mock;
  assert.deepEqual([[...control.locks], control.faults.size, control.snapshots.size], [[], 0, 0]);
  assert.equal(mock.clock.state().offsetMs, 0);
  assert.equal(mock.store.size, 50);
  assert.ok(mock.store.version > version, 'the scenarios did change things on the way');
});

test('without the control token they are skipped with a note naming the token; the control API saw no change', async () => {
  const counts = { version: mock.store.version, faults: mock.control.faults.size, locks: mock.control.locks.size };
  const result = await runWith(
    undefined,
    FILES.filter((f) => f.includes('control-locks')),
  );
  assert.equal(exitCode(result), 0, formatConsoleReport(result));
  assert.ok(result.scenarios.length > 0);
  for (const s of result.scenarios) {
    assert.equal(s.status, 'skipped');
    assert.match(
      s.note ?? '',
      /answered 401 \(it needs the control token: --control-token or PORTOS_MOCK_CONTROL_TOKEN\)/,
    );
  }
  assert.deepEqual(
    { version: mock.store.version, faults: mock.control.faults.size, locks: mock.control.locks.size },
    counts,
  );
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/portos-contracts.ts', ...args],
      { env: { ...process.env, NO_COLOR: '1', ...env } },
      (error, stdout) => resolve({ code: error === null ? 0 : Number(error.code ?? -1), stdout }),
    );
  });
}

test('the bin passes the token through: --control-token, or PORTOS_MOCK_CONTROL_TOKEN', async () => {
  const run = ['run', '--base-url', mock.url, 'contracts/control-locks.yaml'];
  const [flag, env] = await Promise.all([
    cli([...run, '--control-token', TOKEN], {}),
    cli(run, { PORTOS_MOCK_CONTROL_TOKEN: TOKEN }),
  ]);
  for (const outcome of [flag, env]) {
    assert.equal(outcome.code, 0, outcome.stdout);
    assert.match(outcome.stdout, /\d+ scenarios: \d+ passed, 0 failed/);
    assert.doesNotMatch(outcome.stdout, / [1-9]\d* skipped/);
  }
});
