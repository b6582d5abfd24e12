import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkTransport } from '../../src/contracts/check.js';
import { main } from '../../src/contracts/cli/main.js';
import type { Finding } from '../../src/contracts/finding.js';
import { generalize, identityMap } from '../../src/contracts/record/generalize.js';
import { recordingYaml } from '../../src/contracts/record/write.js';
import type { TransportFailureKind } from '../../src/contracts/replay.js';
import { exitCode, statusOf, type ScenarioResult } from '../../src/contracts/result.js';
import type { Expect } from '../../src/contracts/scenario.js';
import { fakeServer, json } from './support/fake-server.js';
import { runSuite } from './support/run-suite.js';
import { hasOpenssl, selfSignedServer } from './support/tls-server.js';

// No HTTP answer is never green: a transport failure (refused, reset, timeout, TLS, DNS) makes a scenario "could not
// run" whatever its basis and --probe, and exit 2; when nothing answers the health check, one line and exit 2.

type Server = { url: string; close(): Promise<void> };
const servers: Record<'resets' | 'hangs' | 'tls', Server | undefined> = {
  resets: undefined,
  hangs: undefined,
  tls: undefined,
};
let dir = '';
let recording = '';

/** How many more health checks the servers answer (each test that runs the CLI against them allows one). */
let healthChecks = 0;
const answerHealth = (url: string) => url === '/api/v2/health' && healthChecks-- > 0;

before(async () => {
  // Answers the health check, then resets every connection before a status line.
  servers.resets = await fakeServer((req, res) =>
    answerHealth(req.url) ? json(res, 200, {}) : void res.socket?.destroy(),
  );
  // Answers the health check, then nothing (a timeout).
  servers.hangs = await fakeServer((req, res) => (answerHealth(req.url) ? json(res, 200, {}) : undefined));
  if (hasOpenssl) servers.tls = await selfSignedServer((_req, res) => res.writeHead(200).end('{}'));
  dir = mkdtempSync(join(tmpdir(), 'portos-not-run-'));
  // A recording (every scenario of one is a `decision`), as `portos-contracts record` writes it.
  const exchange = (url: string, status: number) => ({
    method: 'GET',
    url,
    requestHeaders: { accept: 'application/json' },
    requestBody: Buffer.alloc(0),
    status,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: Buffer.from(JSON.stringify({ status })),
  });
  const recorded = generalize([exchange('/customers/one', 200), exchange('/customers/nope', 401)], {
    name: 'recorded',
    source: 'a test',
    identities: identityMap(undefined),
  });
  recording = join(dir, 'recorded.yaml');
  writeFileSync(recording, recordingYaml(recorded, ['Recorded for a test']));
});

after(async () => {
  await Promise.all(Object.values(servers).map((s) => s?.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** `portos-contracts` in process (the same code as the bin, cheaper than a child process). */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: process.cwd(),
    tty: false,
  });
  return { code, stdout, stderr };
}

const url = (name: keyof typeof servers) => servers[name]?.url ?? 'http://127.0.0.1:9';
const FILES = { run: 'contracts/_smoke.yaml', replay: () => recording };
const fileOf = (mode: 'run' | 'replay') => (mode === 'run' ? FILES.run : FILES.replay());

describe('nothing answers the health check: one line on stderr, exit 2, no report', () => {
  const cases: { name: string; base: () => string; args: string[]; line: RegExp; skip?: boolean }[] = [
    {
      name: 'a closed port',
      base: () => 'http://127.0.0.1:9',
      args: [],
      line: /^portos-contracts: no answer from http:\/\/127\.0\.0\.1:9\/api\/v2\/health \(connect ECONNREFUSED 127\.0\.0\.1:9\); is the server running\?$/,
    },
    {
      name: 'a closed port, under a base path',
      base: () => 'http://127.0.0.1:9/api/v1/',
      args: [],
      line: /^portos-contracts: no answer from http:\/\/127\.0\.0\.1:9\/api\/v1\/api\/v2\/health \(connect ECONNREFUSED/,
    },
    {
      name: 'a server that never answers',
      base: () => `${url('hangs')}/never`,
      args: ['--timeout', '100'],
      line: /^portos-contracts: no answer from http:\/\/127\.0\.0\.1:\d+\/never\/api\/v2\/health \(timed out after 100 ms\)/,
    },
    {
      name: 'a certificate nobody trusts (TLS)',
      base: () => url('tls'),
      args: [],
      line: /^portos-contracts: no answer from https:\/\/127\.0\.0\.1:\d+\/api\/v2\/health \([^)]*certificate[^)]*\); is the server running\?$/,
      skip: !hasOpenssl,
    },
  ];
  for (const c of cases) {
    for (const mode of ['run', 'replay'] as const) {
      for (const probe of [false, true]) {
        test(`${c.name}, ${mode}${probe ? ', --probe' : ''}`, {
          skip: c.skip === true && 'openssl not available',
        }, async () => {
          const { code, stdout, stderr } = await cli(
            'run',
            '--base-url',
            c.base(),
            ...c.args,
            ...(probe ? ['--probe'] : []),
            fileOf(mode),
          );
          assert.equal(code, 2, stderr);
          assert.equal(stdout, '');
          const lines = stderr.split('\n').filter((l) => l !== '');
          assert.equal(lines.length, 1, stderr);
          assert.match(lines[0] ?? '', c.line);
        });
      }
    }
  }
});

describe('the health check answers, then nothing does: every scenario could not run, exit 2', () => {
  for (const [name, server, args, narrow] of [
    ['connections reset', 'resets', [], []],
    // The health check must be answered within the timeout on a busy machine; each scenario then waits it out once.
    ['requests time out', 'hangs', ['--timeout', '2000'], ['--grep', 'health']],
  ] as const) {
    for (const mode of ['run', 'replay'] as const) {
      for (const probe of [false, true]) {
        test(`${name}, ${mode}${probe ? ', --probe' : ''}`, async () => {
          healthChecks = 1;
          const { code, stdout, stderr } = await cli(
            'run',
            '--base-url',
            url(server),
            '--reporter',
            'json',
            ...args,
            ...(probe ? ['--probe'] : []),
            ...(mode === 'run' ? narrow : []),
            fileOf(mode),
          );
          assert.equal(code, 2, stderr);
          const report = JSON.parse(stdout) as {
            summary: Record<string, number>;
            scenarios: (ScenarioResult & { outcome: string })[];
          };
          assert.ok(report.scenarios.length > 0);
          assert.deepEqual(
            report.scenarios.filter((s) => s.status !== 'error' || s.outcome !== 'could not run').map((s) => s.id),
            [],
          );
          assert.deepEqual(
            [report.summary['failed'], report.summary['unconfirmed'], report.summary['exitCode']],
            [0, 0, 2],
          );
          assert.match(stderr, /0 passed, 0 failed, 0 unconfirmed, \d+ could not run/);
        });
      }
    }
  }
});

test('the whole suite against a server that resets connections, --probe: could not run, every basis', async () => {
  const result = await runSuite(url('resets'), ['contracts'], {}, { probe: true });
  assert.ok(result.scenarios.some((s) => s.basis === 'doc') && result.scenarios.some((s) => s.basis === 'decision'));
  const other = result.scenarios.filter((s) => s.status !== 'error');
  assert.deepEqual(
    other.map((s) => `${s.id}: ${s.status}`),
    [],
  );
  assert.equal(exitCode(result), 2);
});

test('a TLS failure in a scenario: could not run', { skip: !hasOpenssl && 'openssl not available' }, async () => {
  const result = await runSuite(url('tls'), [recording], {}, { probe: true });
  const findings = result.scenarios.flatMap((s) => s.steps.flatMap((st) => st.findings));
  assert.deepEqual(
    result.scenarios.map((s) => s.status),
    ['error'],
  );
  assert.equal(findings[0]?.kind, 'no-answer');
  assert.match(findings[0]?.message ?? '', /certificate/);
  assert.equal(exitCode(result), 2);
});

describe('transport failures: no answer, or an answer that broke', () => {
  const failure = (kind: TransportFailureKind) => ({ failure: kind, error: `${kind}!` });
  const cases: [string, Expect, Parameters<typeof checkTransport>[1], Finding['kind'][]][] = [
    ['refused, unasked', { status: 200 }, failure('refused'), ['no-answer']],
    ['reset before the status line, unasked', { status: 200 }, failure('dropped'), ['no-answer']],
    ['a timeout, unasked', { status: 200 }, failure('timeout'), ['no-answer']],
    ['TLS or DNS, unasked', { status: 200 }, failure('other'), ['no-answer']],
    ['the body cut short, unasked: an answer, broken', { status: 200 }, failure('truncated'), ['transport']],
    ['dropped, as asked', { status: 200, transport: 'dropped' }, failure('dropped'), []],
    [
      'refused where a drop was asked: no answer',
      { status: 200, transport: 'dropped' },
      failure('refused'),
      ['no-answer'],
    ],
    ['TLS where a drop was asked: no answer', { status: 200, transport: 'dropped' }, failure('other'), ['no-answer']],
    [
      'a timeout where a drop was asked: broken',
      { status: 200, transport: 'dropped' },
      failure('timeout'),
      ['transport'],
    ],
    [
      'a whole answer where a drop was asked: broken',
      { status: 200, transport: 'dropped' },
      { status: 200 },
      ['transport'],
    ],
    ['a whole answer, nothing asked', { status: 200 }, { status: 200 }, []],
  ];
  for (const [name, expect, got, kinds] of cases) {
    test(name, () => {
      assert.deepEqual(
        checkTransport(expect, got).map((f) => f.kind),
        kinds,
      );
    });
  }
});

test('the status of a scenario: could not run beats its basis', () => {
  const f = (kind: Finding['kind']): Finding => ({ kind, path: 'x', message: 'm' });
  const cases: [Finding[], 'doc' | 'decision', string][] = [
    [[], 'doc', 'passed'],
    [[], 'decision', 'passed'],
    [[f('status')], 'doc', 'failed'],
    [[f('status')], 'decision', 'unconfirmed'],
    [[f('transport')], 'decision', 'unconfirmed'],
    [[f('no-answer')], 'doc', 'error'],
    [[f('no-answer')], 'decision', 'error'],
    [[f('body'), f('no-answer')], 'decision', 'error'],
    [[f('identity')], 'decision', 'error'],
  ];
  for (const [findings, basis, status] of cases)
    assert.equal(statusOf(basis, findings), status, `${basis} ${findings.map((x) => x.kind).join(',')}`);
});
