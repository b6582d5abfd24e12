import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import type { CommandIo } from '../../src/contracts/cli/io.js';
import { main } from '../../src/contracts/cli/main.js';
import { startMock, type RunningMock } from '../../src/mock.js';

// The CLI as a user runs it (a child process): exit code 0 all pass, 1 a contract broken, 2 invalid scenarios or
// usage; reporters and files.

let mock: RunningMock;
let dir: string;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/portos-contracts.ts', ...args],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
      },
    );
  });
}

/** The same command in this process (`main` with captured streams), from the folder `cwd`. */
async function inProcess(
  args: readonly string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env: {},
    cwd,
    tty: false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

before(async () => {
  mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'portos-cli-'));
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await mock.close();
});

describe('portos-contracts', { concurrency: true }, () => {
  test('exit 0: the smoke suite passes, with progress and a summary (the mock: against the strict view)', async () => {
    const { code, stdout } = await cli('run', '--base-url', mock.url, '--spec-view', 'strict', 'contracts/_smoke.yaml');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /✓ contracts\/_smoke\.yaml › health check answers without credentials/);
    assert.match(stdout, /\d+ scenarios: \d+ passed, 0 failed, 0 unconfirmed, 0 could not run/);
  });

  test('exit 1: a broken contract; decision failures reported apart', async () => {
    const { code, stdout } = await cli('run', '--base-url', mock.url, 'fixtures/scenarios/failing.yaml');
    assert.equal(code, 1, stdout);
    assert.match(
      stdout,
      /Contract broken \(doc scenarios\) — 1:[\s\S]*expects the wrong status[\s\S]*expected status 201, got 200/,
    );
    assert.match(stdout, /Assumptions not confirmed \(decision scenarios\) — 1:[\s\S]*expects another title/);
  });

  test('exit 0 with --probe when only assumptions are not confirmed', async () => {
    const { code, stdout } = await cli(
      'run',
      '--base-url',
      mock.url,
      '--probe',
      '--grep',
      'another title',
      'fixtures/scenarios/failing.yaml',
    );
    assert.equal(code, 0, stdout);
    assert.match(stdout, /1 unconfirmed \(probe: not failing the run\)/);
  });

  test('exit 2: invalid scenario files, reported with file, line and path', async () => {
    const { code, stdout } = await cli('run', '--base-url', mock.url, 'fixtures/scenarios/broken/schema.yaml');
    assert.equal(code, 2, stdout);
    assert.match(
      stdout,
      /fixtures\/scenarios\/broken\/schema\.yaml:9:12 {2}scenarios\[1\]\.basis \(scenario "unknown basis"\): must be one of/,
    );
  });

  for (const [name, args, message] of [
    ['no base URL', ['run', 'contracts'], /--base-url is required/],
    ['a bad shard', ['run', '--base-url', 'http://x', '--shard', '3/2'], /--shard must be I\/N/],
    ['an unknown option', ['run', '--base-url', 'http://x', '--nope'], /unknown option '--nope'/],
    ['an unknown reporter', ['run', '--base-url', 'http://x', '--reporter', 'tap'], /--reporter must be one of/],
    [
      'two reports on stdout',
      ['run', '--base-url', 'http://x', '--reporter', 'json', '--reporter', 'junit'],
      /only one reporter can write to stdout \(json, junit\)/,
    ],
    [
      '--out when every reporter has a file',
      ['run', '--base-url', 'http://x', '--reporter', 'junit:a.xml', '--out', 'b.xml'],
      /--out names a file, but every --reporter already has one/,
    ],
    [
      'two reporters into one file',
      ['run', '--base-url', 'http://x', '--reporter', 'junit:a.xml', '--reporter', 'html:a.xml'],
      /two reporters write to a\.xml/,
    ],
    ['an unknown spec view', ['run', '--base-url', 'http://x', '--spec-view', 'loose'], /--spec-view must be one of/],
    ['--insecure with --ca', ['run', '--base-url', 'http://x', '--insecure', '--ca', 'x.pem'], /exclude each other/],
    ['an unknown command', ['replay'], /unknown command 'replay'/],
    [
      'a missing profiles file',
      ['run', '--base-url', 'http://x', '--profiles', 'fixtures/none.yaml', 'contracts'],
      /cannot read profiles/,
    ],
    ['record without --upstream', ['record', '--port', '0', '--out', 'x'], /--upstream URL/],
    [
      'a selection that selects nothing',
      ['run', '--base-url', 'http://x', '--tags', 'no-such-tag', 'contracts'],
      /no scenario selected \(\d+ loaded from \d+ files\)/,
    ],
  ] as const) {
    test(`exit 2: usage, ${name}`, async () => {
      const { code, stderr } = await cli(...args);
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
    });
  }

  test('--list prints the selection and runs nothing', async () => {
    const { code, stdout } = await cli('run', '--list', '--tags', 'smoke', '--grep', 'NWS4', 'contracts/_smoke.yaml');
    assert.equal(code, 0);
    assert.equal(stdout, "contracts/_smoke.yaml › NWS4 signed requests act as the key's user  [doc]  #smoke\n");
  });

  test('--dry-run checks scenarios and profiles without a server', async () => {
    const { code, stdout } = await cli('run', '--dry-run', 'contracts/_smoke.yaml', '--grep', 'logout');
    assert.equal(code, 0, stdout);
    assert.match(stdout, /1\. POST \/api\/auth \(as anonymous\) → 200/);
    assert.match(stdout, /1 scenarios would run/);
  });

  test('--reporter junit --out writes JUnit XML; the console summary still shows', async () => {
    const file = join(dir, 'report.xml');
    const { code, stdout } = await cli(
      'run',
      '--base-url',
      mock.url,
      '--reporter',
      'junit',
      '--out',
      file,
      'fixtures/scenarios/failing.yaml',
    );
    assert.equal(code, 1);
    assert.match(stdout, /2 scenarios: 0 passed, 1 failed, 1 unconfirmed/);
    const xml = readFileSync(file, 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /<testsuites name="portos-contracts" tests="2" failures="2" errors="0"/);
  });

  test('--reporter json on stdout, progress on stderr', async () => {
    const { code, stdout, stderr } = await cli(
      'run',
      '--base-url',
      mock.url,
      '--reporter',
      'json',
      '--grep',
      'health',
      'contracts/_smoke.yaml',
    );
    assert.equal(code, 0, stderr);
    const parsed = JSON.parse(stdout) as { summary: { passed: number; exitCode: number } };
    assert.deepEqual([parsed.summary.passed, parsed.summary.exitCode], [1, 0]);
    assert.match(stderr, /✓ contracts\/_smoke\.yaml › health/);
  });

  test('schema prints spec/scenario.schema.json', async () => {
    const { code, stdout } = await cli('schema');
    assert.equal(code, 0);
    assert.equal(stdout, readFileSync('spec/scenario.schema.json', 'utf8'));
  });

  test('exit 2 and one line when the server is down (nothing answers the health check), --probe or not', async () => {
    for (const probe of [[], ['--probe']]) {
      const { code, stdout, stderr } = await cli('run', '--base-url', 'http://127.0.0.1:9', ...probe, 'contracts');
      assert.equal(code, 2, stderr);
      assert.deepEqual(
        [stdout, stderr.replace(/ 127\.0\.0\.1:9\)/, ')')],
        [
          '',
          'portos-contracts: no answer from http://127.0.0.1:9/api/v2/health (connect ECONNREFUSED); is the server running?\n',
        ],
      );
    }
  });
});

// In this process, one at a time (after the child processes above): loading the whole suite blocks the event loop.
describe('portos-contracts, in process', () => {
  const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  /** argv → what stdout must match; exit 0 and nothing on stderr, whatever else the line holds. */
  const HELP: [string[], RegExp][] = [
    [[], /^portos-contracts: contract tests[\s\S]*portos-contracts run --base-url URL/],
    [['--help'], /^portos-contracts: contract tests/],
    [['-h'], /^portos-contracts: contract tests/],
    [['help', 'record'], /^Usage: portos-contracts record/],
    [['--version'], new RegExp(`^${VERSION.replace(/\./g, '\\.')}\n$`)],
    [['run', '--help'], /^Usage: portos-contracts run[\s\S]*--bail[\s\S]*--reporter NAME\[:FILE\]/],
    [['run', '-h', '--reporter', 'tap'], /^Usage: portos-contracts run/],
    [['record', '--help'], /^Usage: portos-contracts record --upstream URL/],
    [['record', '--port', 'x', '-h'], /^Usage: portos-contracts record/],
    [['schema', '--help'], /^Usage: portos-contracts schema\n/],
  ];
  for (const [args, stdout] of HELP) {
    test(`portos-contracts ${args.join(' ')} → its usage, exit 0`, async () => {
      const run = await inProcess(args);
      assert.deepEqual([run.code, run.stderr], [0, '']);
      assert.match(run.stdout, stdout);
    });
  }

  test('several reporters in one run: files named, one on stdout, the console on stderr', async () => {
    const junit = join(dir, 'multi.xml');
    const html = join(dir, 'multi.html');
    const { code, stdout, stderr } = await inProcess([
      'run',
      '--base-url',
      mock.url,
      '--reporter',
      `junit:${junit}`,
      '--reporter',
      `html:${html}`,
      '--reporter',
      'json',
      '--grep',
      'health',
      'contracts/_smoke.yaml',
    ]);
    assert.equal(code, 0, stderr);
    assert.equal((JSON.parse(stdout) as { summary: { passed: number } }).summary.passed, 1);
    assert.match(stderr, /✓ contracts\/_smoke\.yaml › health[\s\S]*1 scenarios: 1 passed/);
    assert.equal(XMLValidator.validate(readFileSync(junit, 'utf8')), true);
    assert.match(readFileSync(html, 'utf8'), /^<!doctype html>/i);
  });

  test('--out is the file of the first reporter without one', async () => {
    const xml = join(dir, 'first.xml');
    const page = join(dir, 'second.html');
    const { code, stdout } = await inProcess([
      'run',
      '--base-url',
      mock.url,
      '--reporter',
      'junit',
      '--reporter',
      `html:${page}`,
      '--out',
      xml,
      '--grep',
      'health',
      'contracts/_smoke.yaml',
    ]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /1 scenarios: 1 passed/, 'no report on stdout: the console summary is there');
    assert.match(readFileSync(xml, 'utf8'), /^<\?xml/);
    assert.ok(existsSync(page));
  });

  test('--bail: after the first scenario that fails the run (here: an assumption not confirmed), scenarios not started are skipped with a note; exit as usual', async () => {
    const run = (...extra: string[]) =>
      inProcess([
        'run',
        '--base-url',
        mock.url,
        '--concurrency',
        '1',
        '--reporter',
        'json',
        ...extra,
        'fixtures/scenarios/failing.yaml',
      ]);
    type Report = { scenarios: { name: string; status: string; note?: string }[] };
    const bailed = await run('--bail');
    assert.equal(bailed.code, 1, bailed.stderr);
    assert.deepEqual(
      (JSON.parse(bailed.stdout) as Report).scenarios.map((s) => [s.name, s.status, s.note]),
      [
        ['expects another title', 'unconfirmed', undefined],
        [
          'expects the wrong status',
          'skipped',
          'not run: --bail stopped the run after fixtures/scenarios/failing.yaml › expects another title',
        ],
      ],
    );
    const all = await run();
    assert.deepEqual(
      (JSON.parse(all.stdout) as Report).scenarios.map((s) => s.status),
      ['unconfirmed', 'failed'],
    );
  });

  test('the bundled suite, not a ./contracts of the current folder, unless --scenarios names it', async () => {
    const cwd = join(dir, 'decoy');
    mkdirSync(join(cwd, 'contracts'), { recursive: true });
    writeFileSync(
      join(cwd, 'contracts', 'decoy.yaml'),
      [
        'scenarios:',
        '  - name: a decoy',
        '    basis: doc',
        '    steps:',
        '      - request: { method: GET, path: /api/v2/health }',
        '        expect: { status: 200 }',
        '',
      ].join('\n'),
    );
    const bundled = await inProcess(['run', '--list'], cwd);
    assert.equal(bundled.code, 0, bundled.stderr);
    assert.doesNotMatch(bundled.stdout, /decoy/);
    assert.match(bundled.stdout, /contracts\/_smoke\.yaml › health check answers without credentials/);
    assert.ok(bundled.stdout.split('\n').length > 100);
    const named = await inProcess(['run', '--list', '--scenarios', 'contracts'], cwd);
    assert.deepEqual([named.code, named.stdout], [0, 'contracts/decoy.yaml › a decoy  [doc]\n']);
  });
});

test('bin/portos-contracts.js runs the built CLI, as bin/portos-mock.js does', () => {
  assert.equal(
    readFileSync('bin/portos-contracts.js', 'utf8').trim().split('\n').pop(),
    "import '../dist/src/cli/portos-contracts.js';",
  );
});
