// Command-line failures: each is one line on stderr that says what to fix, checked before any work starts, with
// exit code 2; `--help` anywhere prints the usage; a closed stdout (`| head`) ends the command quietly. The bins
// run the built JS (`npm run build` first).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startMock, type RunningMock } from '../../src/mock.js';

const built = existsSync('dist/src/cli/portos-mock.js') && existsSync('dist/src/cli/portos-contracts.js');
const skip = !built && 'run npm run build first';

const dir = mkdtempSync(join(tmpdir(), 'portos-mock-cli-'));
writeFileSync(join(dir, 'plain-file'), 'x');
writeFileSync(join(dir, 'typo.json'), JSON.stringify({ prot: 4000 }));
const NOWHERE = 'http://127.0.0.1:9';

let busy: Server;
let busyPort = 0;
/** A port nothing listens on: taken, then let go. */
let closedPort = 0;
let mock: RunningMock;

before(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPort = (closed.address() as { port: number }).port;
  await new Promise((resolve) => closed.close(resolve));
  mock = await startMock({ config: { port: 0, count: 3 }, log: () => undefined });
  for (let i = 0; i < 40; i++) await fetch(`${mock.url}/api/v2/health`);
});

after(async () => {
  busy.close();
  await mock.close();
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `{mock}` and `{busy}` in an argument: the running mock's URL and a port that is taken. */
function filled(args: readonly string[]): string[] {
  return args.map((arg) => arg.replace('{mock}', mock.url).replace('{busy}', String(busyPort)));
}

function run(bin: string, args: readonly string[], options: { closeStdout?: boolean } = {}): Promise<Ran> {
  const child = spawn(process.execPath, [`bin/${bin}.js`, ...filled(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORTOS_MOCK_URL: `http://127.0.0.1:${closedPort}`, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  if (options.closeStdout === true) child.stdout.destroy();
  else
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** (bin, argv) → exit code and the one stderr line it prints (null: nothing on stderr). */
const CASES: [bin: string, args: readonly string[], code: number, line: RegExp | null][] = [
  [
    'portos-mock',
    ['serve', '--port', '0', '--quiet', '--state', dir],
    2,
    /^portos-mock: state file .* cannot be used: it is a folder, not a file$/,
  ],
  [
    'portos-mock',
    ['serve', '--port', '0', '--quiet', '--state', join(dir, 'plain-file', 'state.json')],
    2,
    /^portos-mock: state file .*plain-file\/state\.json cannot be used: its folder cannot be created \(.+\)$/,
  ],
  [
    'portos-mock',
    ['serve', '--default-locale', 'de-DE'],
    2,
    /^portos-mock: flags: defaultLocale must be one of sk-SK, en-GB, got "de-DE"$/,
  ],
  [
    'portos-mock',
    ['serve', '--config', join(dir, 'typo.json')],
    2,
    /^portos-mock: .*typo\.json: unknown key "prot"; allowed: port, host, /,
  ],
  [
    'portos-mock',
    ['serve', '--port', '{busy}', '--count', '0', '--quiet'],
    2,
    /^portos-mock: port \d+ on 127\.0\.0\.1 is in use; pick another --port \(0 = any free port\)/,
  ],
  [
    'portos-mock',
    ['serve', '--prot', '1'],
    2,
    /^portos-mock: unknown option '--prot' \(run portos-mock help for usage\)$/,
  ],
  ['portos-mock', ['frobnicate'], 2, /^portos-mock: unknown command "frobnicate" \(run portos-mock help/],
  ['portos-mock', ['token', '--help'], 0, null],
  ['portos-mock', ['token'], 2, /^portos-mock: token: --user NAME is required/],
  ['portos-mock', ['token', '--user', 'nobody'], 2, /^portos-mock: token: unknown user: nobody/],
  ['portos-mock', ['reset', '--help'], 0, null],
  ['portos-mock', ['clock', 'set', '-h'], 0, null],
  [
    'portos-mock',
    ['reset', '--nope'],
    2,
    /^portos-mock: reset: unknown option '--nope' \(run portos-mock help for usage\)$/,
  ],
  ['portos-mock', ['counts', '--lang', 'de-DE'], 2, /^portos-mock: --lang must be one of sk-SK, en-GB, got "de-DE"/],
  [
    'portos-mock',
    ['counts'],
    2,
    /^portos-mock: no mock answers at http:\/\/127\.0\.0\.1:\d+\/_mock \(ECONNREFUSED\); start one or pass --url$/,
  ],
  [
    'portos-mock',
    ['load', join(dir, 'none.json'), '--url', '{mock}'],
    2,
    /^portos-mock: cannot read .*none\.json: ENOENT/,
  ],
  [
    'portos-contracts',
    ['run', '--list', '--grep', '/[/'],
    2,
    /^portos-contracts run: --grep '\/\[\/' is not a valid regular expression \(.+\) \(see portos-contracts --help\)$/,
  ],
  [
    'portos-contracts',
    ['run', '--base-url', NOWHERE, '--reporter', 'junit', '--out', join(dir, 'none', 'x.xml')],
    2,
    /^portos-contracts run: --out .*x\.xml: the folder .*none does not exist/,
  ],
  ['portos-contracts', ['run', '--base-url', NOWHERE, '--out', dir], 2, /^portos-contracts run: --out .* is a folder/],
  [
    'portos-contracts',
    ['record', '--upstream', NOWHERE, '--port', '0', '--out', dir],
    2,
    /^portos-contracts: no answer from http:\/\/127\.0\.0\.1:9\/api\/v2\/health \(.+\); is the server running\?$/,
  ],
  [
    'portos-contracts',
    ['record', '--upstream', '{mock}', '--port', '{busy}', '--out', dir],
    2,
    /^portos-contracts record: port \d+ on 127\.0\.0\.1 is in use; pick another --port/,
  ],
  [
    'portos-contracts',
    ['record', '--upstream', '{mock}', '--port', '0', '--out', join(dir, 'plain-file', 'sub')],
    2,
    /^portos-contracts record: --out .* cannot be created/,
  ],
  [
    'portos-contracts',
    ['run', '--nope'],
    2,
    /^portos-contracts run: unknown option '--nope' \(see portos-contracts --help\)$/,
  ],
  ['portos-contracts', ['replay'], 2, /^portos-contracts: unknown command 'replay'; one of run, record, schema/],
];

for (const [bin, args, code, line] of CASES) {
  test(`${bin} ${args.join(' ')} → exit ${code}${line === null ? '' : ', one line'}`, { skip }, async () => {
    const result = await run(bin, args);
    assert.equal(result.code, code, result.stderr);
    const lines = result.stderr.split('\n').filter((l) => l !== '');
    if (line === null) {
      assert.deepEqual(lines, []);
      assert.match(result.stdout, /Usage:/);
      return;
    }
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', line);
  });
}

/** Output that goes to a reader that has gone away (`| head`): the command ends quietly, exit 0. */
const PIPED: [bin: string, args: readonly string[]][] = [
  ['portos-contracts', ['run', '--list']],
  ['portos-mock', ['requests', '--url', '{mock}']],
  ['portos-contracts', ['schema']],
];

for (const [bin, args] of PIPED) {
  test(`${bin} ${args[0]} into a closed pipe ends quietly`, { skip }, async () => {
    const result = await run(bin, args, { closeStdout: true });
    assert.deepEqual([result.code, result.stderr], [0, '']);
  });
}

test('control commands print the mock English messages unless --lang says otherwise', { skip }, async () => {
  const cases: [lang: readonly string[], message: RegExp][] = [
    [[], /The value has the wrong form/],
    [['--lang', 'en-GB'], /The value has the wrong form/],
    [['--lang', 'sk-SK'], /Hodnota nemá správny tvar/],
  ];
  for (const [lang, message] of cases) {
    const result = await run('portos-mock', ['clock', 'set', '2024-02-30', '--url', '{mock}', ...lang]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, message, lang.join(' '));
  }
});
