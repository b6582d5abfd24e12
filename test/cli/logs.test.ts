import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { UsageError } from '../../src/control/cli/control-command.js';
import { type LogIo, type LogName, planLogs, runLogs } from '../../src/control/cli/log-command.js';
import { startMock, type RunningMock } from '../../src/mock.js';

// `portos-mock requests|changes` against an in-process mock: JSON lines when piped, a table on a terminal, oldest
// first, the last --limit that pass the filters, and --follow until stopped.

let mock: RunningMock;
let token = '';

async function call(method: string, path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await response.arrayBuffer();
  return response.status;
}

before(async () => {
  mock = await startMock({ config: { port: 0, count: 5, seed: 3 }, log: () => undefined });
  const login = await fetch(`${mock.url}/api/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'manager', password: 'manager', deviceName: 'P01' }),
  });
  token = ((await login.json()) as { tokenId: string }).tokenId;
  assert.equal(await call('GET', '/customers?$take=1'), 200);
  assert.equal(await call('GET', '/customers/nope'), 404);
  assert.equal(await call('POST', '/customers', { lastName: 'Logged' }), 201);
  assert.equal(await call('GET', '/customers/also-nope'), 404);
});

after(() => mock.close());

function io(tty: boolean): LogIo & { out: string[]; err: string } {
  const sink = {
    out: [] as string[],
    err: '',
    tty,
    stdout: (text: string) => void sink.out.push(...text.split('\n').filter(Boolean)),
    stderr: (text: string) => void (sink.err += text),
  };
  return sink;
}

async function logs(log: LogName, line: string, tty = false) {
  const sink = io(tty);
  const args = line === '' ? [] : line.split(' ');
  const code = await runLogs(planLogs(log, [...args, '--url', mock.url], {}), sink);
  return { code, lines: sink.out, err: sink.err };
}

/** requests line → the `METHOD url → status` of each JSON line printed, oldest first. */
const PIPED: [string, string[]][] = [
  [
    '',
    [
      'POST /api/auth → 200',
      'GET /customers?$take=1 → 200',
      'GET /customers/nope → 404',
      'POST /customers → 201',
      'GET /customers/also-nope → 404',
    ],
  ],
  ['--limit 2', ['POST /customers → 201', 'GET /customers/also-nope → 404']],
  ['--status 404', ['GET /customers/nope → 404', 'GET /customers/also-nope → 404']],
  ['--status 2xx --method post', ['POST /api/auth → 200', 'POST /customers → 201']],
  ['--status 4xx --limit 1', ['GET /customers/also-nope → 404']],
  ['--path /customers/ --method GET', ['GET /customers/nope → 404', 'GET /customers/also-nope → 404']],
  ['--since 4', ['GET /customers/also-nope → 404']],
];

for (const [line, expected] of PIPED) {
  test(`portos-mock requests ${line} | …: one JSON object per line, newest last`, async () => {
    const { code, lines } = await logs('requests', line);
    assert.equal(code, 0);
    const entries = lines.map((l) => JSON.parse(l) as { method: string; url: string; status: number });
    assert.deepEqual(
      entries.map((e) => `${e.method} ${e.url} → ${e.status}`),
      expected,
    );
  });
}

test('on a terminal: a heading, then one aligned row per request', async () => {
  const { code, lines } = await logs('requests', '--limit 2', true);
  assert.equal(code, 0);
  assert.equal(lines.length, 3);
  const [heading = '', ...rows] = lines.map((l) =>
    l.replace(/\d\d:\d\d:\d\d\.\d{3}/, 'HH:MM:SS.mmm').replace(/ +\d+\.\d {2}manager/, '     MS  manager'),
  );
  assert.equal(heading, '   SEQ  TIME (UTC)    METHOD  STATUS      MS  WHO           URL');
  assert.deepEqual(rows, [
    '     4  HH:MM:SS.mmm  POST    201     MS  manager       /customers',
    '     5  HH:MM:SS.mmm  GET     404     MS  manager       /customers/also-nope',
  ]);
});

test('changes: JSON lines piped, a table on a terminal', async () => {
  const piped = await logs('changes', '');
  assert.deepEqual(
    piped.lines.map((l) => {
      const { kind, action, before, after, identity } = JSON.parse(l) as Record<string, unknown>;
      return { kind, action, before, after, identity };
    }),
    [{ kind: 'customer', action: 'created', before: null, after: 1, identity: 'manager' }],
  );
  const table = await logs('changes', '', true);
  assert.equal(table.lines[0], '   SEQ  TIME (MOCK)   ACTION    _V       WHO           WHAT');
  assert.match(table.lines[1] ?? '', /^ {5}1 {2}\d\d:\d\d:\d\d\.\d{3} {2}created {3}-→1 {6}manager {7}customer \S+$/);
});

test('--follow prints what comes later, until stopped', async () => {
  const sink = io(false);
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const done = runLogs(planLogs('requests', ['--follow', '--limit', '0', '--url', mock.url], {}), sink, {
    stop: stopped,
    pollMs: 10,
  });
  await call('GET', '/customers/followed');
  for (let i = 0; i < 500 && sink.out.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  stop();
  assert.equal(await done, 0);
  assert.deepEqual(
    sink.out.map((l) => (JSON.parse(l) as { url: string }).url),
    ['/customers/followed'],
  );
});

test('a refusal exits 1 with the answer on stderr', async () => {
  const sink = io(false);
  const code = await runLogs(planLogs('requests', ['--url', mock.url, '--prefix', '/_nothing'], {}), sink);
  assert.equal(code, 1);
  assert.match(sink.err, /^404 GET \/requests\?limit=50\n/);
});

test('no mock at --url: one line saying so (exit 2 in the bin)', async () => {
  await assert.rejects(
    runLogs(planLogs('changes', ['--url', 'http://127.0.0.1:9'], {}), io(false)),
    /^UnreachableMock: no mock answers at http:\/\/127\.0\.0\.1:9\/_mock \([^)]+\); start one or pass --url$/,
  );
});

const USAGE: [LogName, string][] = [
  ['requests', '--status 4x'],
  ['requests', '--status 600'],
  ['requests', '--limit -1'],
  ['requests', '--limit many'],
  ['requests', 'extra'],
  ['changes', '--method GET'],
  ['changes', '--status 404'],
];

for (const [log, line] of USAGE) {
  test(`usage error: portos-mock ${log} ${line}`, () => {
    assert.throws(() => planLogs(log, line.split(' '), {}), UsageError);
  });
}
