import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { parseRunArgs } from '../../src/contracts/cli/args.js';
import { ACTION_NAMES, CONTROL_ACTIONS, mockDuration } from '../../src/contracts/control-actions.js';
import { controlApi } from '../../src/contracts/control-api.js';
import { loadScenarioText } from '../../src/contracts/load.js';
import { parseProfiles } from '../../src/contracts/profiles.js';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { formatJsonReport } from '../../src/contracts/report/json.js';
import { formatJunitReport } from '../../src/contracts/report/junit.js';
import { exitCode } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { fakeServer, json, type Seen } from './support/fake-server.js';

// `arrange:`, `finally:` and `api: control` against a fake server with a fake control API: the loader's rules,
// the calls each action makes, `finally` after a failure, the skip without a control API, exclusive scheduling,
// and the transport and elapsed-time expectations.

const PROFILES = parseProfiles('p.yaml', 'profiles:\n  clerk: { token: clerk-token }', {}).profiles;

/** The fake server's control API at /_mock answers unless `controlOn` is false (a server without one). */
let server: Awaited<ReturnType<typeof fakeServer>>;
let controlOn = true;
const log: { at: number; phase: 'start' | 'end'; url: string }[] = [];

function handle(req: Seen, res: Parameters<Parameters<typeof fakeServer>[0]>[1]): void {
  const url = req.url;
  if (url.startsWith('/_mock') && !controlOn) return json(res, 404, { title: 'Resource not found' });
  if (url === '/_mock' || url === '/qa/_ctl')
    return json(res, 200, { counts: { customers: 1 }, clock: {}, stateFile: null });
  if (url === '/_mock/faults' && req.method === 'POST')
    return json(res, 201, { id: 'f7', ...(JSON.parse(req.body.toString()) as object) });
  if (url === '/_mock/locks/broken' && req.method === 'PUT')
    return json(res, 404, { title: 'Resource not found', detail: 'no such thing' });
  if (url.startsWith('/_mock/snapshots/') && req.method === 'PUT')
    return json(res, 201, { name: url.slice('/_mock/snapshots/'.length) });
  if (url.startsWith('/_mock/'))
    return req.method === 'DELETE' || req.method === 'PUT'
      ? void res.writeHead(204).end()
      : json(res, 200, { url, body: req.body.toString() });
  if (url.endsWith('/drop')) return void res.socket?.destroy();
  if (url.endsWith('/truncate')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"partial":');
    return void setTimeout(() => res.socket?.destroy(), 10);
  }
  if (url.includes('/slow')) {
    log.push({ at: performance.now(), phase: 'start', url });
    return void setTimeout(() => {
      log.push({ at: performance.now(), phase: 'end', url });
      json(res, 200, { url });
    }, 40);
  }
  json(res, 200, { url, authorization: req.headers['authorization'] ?? null });
}

before(async () => {
  server = await fakeServer(handle);
});
after(() => server.close());

const controlCalls = () =>
  server.seen
    .filter((s) => s.url.startsWith('/_mock'))
    .map((s) => `${s.method} ${s.url}${s.body.length > 0 ? ` ${s.body.toString()}` : ''}`);

async function run(yaml: string, options: { control?: boolean; concurrency?: number; controlUrl?: string } = {}) {
  const loaded = loadScenarioText('s.yaml', yaml);
  assert.deepEqual(loaded.issues, []);
  assert.ok(PROFILES !== undefined);
  server.seen.length = 0;
  controlOn = options.control ?? true;
  return runContracts({
    baseUrl: server.url,
    scenarios: loaded.scenarios,
    profiles: PROFILES,
    spec: undefined,
    http: { timeoutMs: 5000, retries: 2 },
    concurrency: options.concurrency ?? 3,
    runId: 'run1',
    ...(options.controlUrl === undefined ? {} : { controlUrl: options.controlUrl }),
  });
}

const LOADER_RULES: [string, string, RegExp][] = [
  [
    'arrange needs the control tag',
    `{ name: s, basis: decision, steps: [{ arrange: [{ lock: a }], request: { method: GET, path: /a }, expect: { status: 200 } }], finally: [{ unlock: a }] }`,
    /needs the tag control/,
  ],
  [
    'api: control needs the control tag',
    `{ name: s, basis: decision, steps: [{ request: { api: control, method: GET, path: /counts }, expect: { status: 200 } }] }`,
    /needs the tag control/,
  ],
  [
    'the fault header needs the control tag',
    `{ name: s, basis: decision, steps: [{ request: { method: GET, path: /a, headers: { X-Mock-Fault: drop } }, expect: { transport: dropped } }] }`,
    /needs the tag control/,
  ],
  [
    'a lock needs its unlock in finally',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ lock: a }], request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    /add \{"unlock":"a"\} to the scenario's finally/,
  ],
  [
    'a clock move needs exclusive and a reset in finally',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ clock: { advance: P1D } }], request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    /tag the scenario exclusive[\s\S]*add \{"clock":"reset"\}/,
  ],
  [
    'a fault without scope.id needs exclusive',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ fault: { kind: drop, scope: { times: 1 } } }], request: { method: GET, path: /a }, expect: { transport: dropped } }] }`,
    /scope it to an id the scenario created, or tag the scenario exclusive/,
  ],
  [
    'a snapshot save needs its delete in finally',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ snapshot: { save: n } }], request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    /add \{"snapshot":\{"delete":"n"\}\}/,
  ],
  [
    'an action names one action',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ lock: a, unlock: a }], request: { method: GET, path: /a }, expect: { status: 200 } }], finally: [{ unlock: a }] }`,
    /names exactly one of lock, unlock/,
  ],
  [
    'an unknown action',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ lok: a }], request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    /unknown member 'lok'/,
  ],
  [
    'a control request only reads',
    `{ name: s, basis: decision, tags: [control], steps: [{ request: { api: control, method: POST, path: /reset }, expect: { status: 200 } }] }`,
    /a control request reads \(GET\)/,
  ],
  [
    'arrange variables must be captured before',
    `{ name: s, basis: decision, tags: [control], steps: [{ arrange: [{ unlock: "\${id}" }], request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    /\$\{id\} is not defined here/,
  ],
  [
    'status or transport',
    `{ name: s, basis: decision, steps: [{ request: { method: GET, path: /a }, expect: { body: {} } }] }`,
    /missing member 'status'/,
  ],
  [
    'not both status and transport',
    `{ name: s, basis: decision, steps: [{ request: { method: GET, path: /a }, expect: { status: 200, transport: dropped } }] }`,
    /either a status or a transport failure/,
  ],
  [
    'no captures from a transport failure',
    `{ name: s, basis: decision, steps: [{ request: { method: GET, path: /a }, expect: { transport: dropped }, capture: { x: status } }] }`,
    /no response to capture from/,
  ],
];

for (const [name, scenario, message] of LOADER_RULES) {
  test(`loader: ${name}`, () => {
    const { issues } = loadScenarioText('s.yaml', `scenarios:\n  - ${scenario}\n`);
    assert.match(issues.map((i) => `${i.path}: ${i.message}`).join('\n'), message);
  });
}

test('loader: a well-formed control scenario loads, with its finally list', () => {
  const { scenarios, issues } = loadScenarioText(
    's.yaml',
    `tags: [control]
scenarios:
  - name: ok
    basis: decision
    tags: [exclusive]
    steps:
      - arrange: [{ clock: { advance: P2D } }, { fault: { kind: status, status: 500, scope: { route: customers, times: 1 } }, capture: { rule: body.id } }]
        request: { method: GET, path: "/a/\${rule}" }
        expect: { status: 500, elapsedMs: { $max: 1000 } }
    finally: [{ removeFault: "\${rule}" }, { clock: reset }]`,
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(scenarios[0]?.finally, [{ removeFault: '${rule}' }, { clock: 'reset' }]);
});

test('arrange calls the control API before the request; its captures reach the request; finally runs last', async () => {
  const result = await run(`tags: [control]
scenarios:
  - name: arranged
    basis: decision
    as: clerk
    tags: [exclusive]
    steps:
      - request: { method: GET, path: /customers/c1 }
        expect: { status: 200 }
        capture: { id: body.url }
      - arrange:
          - lock: "\${id}"
          - fault: { kind: status, status: 500, scope: { route: customer, method: GET, times: 1 } }
            capture: { rule: body.id }
          - clock: { advance: P2D }
          - clock: { freeze: "2030-01-01T00:00:00Z" }
          - snapshot: { save: "s-\${uid}" }
          - load: { customers: [{ id: "ld-\${uid}" }] }
          - wait: 5
        request: { method: GET, path: "/rule/\${rule}" }
        expect: { status: 200, body: { url: /rule/f7, authorization: Bearer clerk-token } }
      - request: { api: control, method: GET, path: /counts }
        expect: { status: 200, body: { url: /_mock/counts } }
    finally:
      - unlock: "\${id}"
      - removeFault: "\${rule}"
      - snapshot: { delete: "s-\${uid}" }
      - clock: reset`);
  assert.equal(exitCode(result), 0, formatConsoleReport(result));
  assert.deepEqual(controlCalls(), [
    'GET /_mock',
    'PUT /_mock/locks/%2Fcustomers%2Fc1',
    'POST /_mock/faults {"kind":"status","status":500,"scope":{"route":"customer","method":"GET","times":1}}',
    'POST /_mock/clock/advance {"by":172800000}',
    'POST /_mock/clock/freeze {"at":"2030-01-01T00:00:00Z"}',
    'PUT /_mock/snapshots/s-run10000',
    'POST /_mock/customers {"customers":[{"id":"ld-run10000"}]}',
    'GET /_mock/counts',
    'DELETE /_mock/locks/%2Fcustomers%2Fc1',
    'DELETE /_mock/faults/f7',
    'DELETE /_mock/snapshots/s-run10000',
    'POST /_mock/clock/reset {}',
  ]);
  const control = server.seen.find((s) => s.url === '/_mock/counts');
  assert.equal(control?.headers['authorization'], undefined, 'control requests carry no credentials');
  const steps = result.scenarios[0]?.steps.map((s) => `${s.index} ${s.name} ${s.method} ${s.url}`);
  assert.ok(steps?.includes('1 arrange: lock PUT /_mock/locks/%2Fcustomers%2Fc1'), JSON.stringify(steps));
  assert.ok(steps?.includes('3 finally: unlock DELETE /_mock/locks/%2Fcustomers%2Fc1'), JSON.stringify(steps));
  assert.deepEqual(result.cleanup.attempted, 1, 'a loaded customer is cleaned up');
});

test('a failing arrange action fails its step without sending the request; finally still runs, skipping unset variables', async () => {
  const result = await run(`tags: [control]
scenarios:
  - name: broken
    basis: decision
    steps:
      - arrange: [{ lock: broken }]
        request: { method: GET, path: /never }
        expect: { status: 200 }
      - request: { method: GET, path: /a }
        expect: { status: 200 }
        capture: { later: body.url }
    finally: [{ unlock: broken }, { unlock: "\${later}" }]`);
  const [scenario] = result.scenarios;
  assert.equal(scenario?.status, 'unconfirmed');
  assert.equal(scenario?.skippedSteps, 1);
  assert.ok(!server.seen.some((s) => s.url === '/never'), 'the request was not sent');
  const failure = scenario?.steps[0]?.findings[0];
  assert.equal(failure?.kind, 'control');
  assert.match(
    failure?.message ?? '',
    /PUT \/_mock\/locks\/broken answered 404 \(expected 204\): Resource not found \(no such thing\)/,
  );
  assert.deepEqual(controlCalls(), ['GET /_mock', 'PUT /_mock/locks/broken', 'DELETE /_mock/locks/broken']);
});

test('without a control API, control scenarios are skipped with a note; the others run; the exit code ignores them', async () => {
  const result = await run(
    `scenarios:
  - { name: plain, basis: doc, steps: [{ request: { method: GET, path: /a }, expect: { status: 200 } }] }
  - { name: needs control, basis: decision, tags: [control], steps: [{ arrange: [{ wait: 1 }], request: { method: GET, path: /a }, expect: { status: 200 } }] }
  - { name: declared, basis: doc, tags: [control], steps: [{ request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    { control: false },
  );
  assert.deepEqual(
    result.scenarios.map((s) => [s.name, s.status]),
    [
      ['plain', 'passed'],
      ['needs control', 'skipped'],
      ['declared', 'skipped'],
    ],
  );
  const note = 'needs the mock control API (/_mock); not available on this server (GET /_mock answered 404)';
  assert.equal(result.scenarios[1]?.note, note);
  assert.equal(exitCode(result), 0);
  assert.equal(server.seen.filter((s) => s.url.includes('_mock')).length, 1, 'one probe for the run');
  assert.match(
    formatConsoleReport(result),
    /Skipped \(not failing the run\) — 2:\n {2}needs the mock control API[^\n]*:\n {4}- s\.yaml › needs control/,
  );
  assert.match(
    formatConsoleReport(result),
    /3 scenarios: 1 passed, 0 failed, 0 unconfirmed, 0 could not run, 2 skipped/,
  );
  assert.match(
    formatJunitReport(result),
    /skipped="2"[\s\S]*<skipped message="needs the mock control API \(\/_mock\); not available on this server/,
  );
  const json = JSON.parse(formatJsonReport(result)) as { summary: { skipped: number; exitCode: number } };
  assert.deepEqual([json.summary.skipped, json.summary.exitCode], [2, 0]);
});

test('no answer from the control API: its scenarios could not run (it may be there); --control-url points elsewhere', async () => {
  const refused = await run(
    `scenarios:\n  - { name: c, basis: decision, tags: [control], steps: [{ request: { method: GET, path: /a }, expect: { status: 200 } }] }`,
    {
      controlUrl: 'http://127.0.0.1:9/_mock',
    },
  );
  assert.equal(refused.scenarios[0]?.status, 'error');
  assert.deepEqual(
    refused.scenarios[0]?.steps.flatMap((s) =>
      s.findings.map((f) => [f.kind, f.message.replace(/ECONNREFUSED.*/, '')]),
    ),
    [['no-answer', 'needs the mock control API: GET /_mock: connect ']],
  );
  assert.equal(exitCode(refused), 2);
  const elsewhere = await run(
    `scenarios:\n  - { name: c, basis: doc, tags: [control], steps: [{ request: { api: control, method: GET, path: /x }, expect: { status: 200, body: { url: /qa/_ctl/x } } }] }`,
    {
      controlUrl: `${server.url}/qa/_ctl`,
    },
  );
  assert.equal(elsewhere.scenarios[0]?.status, 'passed', formatConsoleReport(elsewhere));
  assert.deepEqual(elsewhere.scenarios[0]?.steps[0]?.url, '/qa/_ctl/x');
});

test('the control API sits at the server root, outside a base path; a prefix or URL moves it', () => {
  assert.deepEqual(controlApi('http://h:3000/portos/'), { url: 'http://h:3000/_mock', prefix: '/_mock' });
  assert.deepEqual(controlApi('http://h:3000', { controlPrefix: '/__qa/' }), {
    url: 'http://h:3000/__qa',
    prefix: '/__qa',
  });
  assert.deepEqual(controlApi('http://h:3000', { controlUrl: 'http://other:4000/ctl/' }), {
    url: 'http://other:4000/ctl',
    prefix: '/ctl',
  });
});

test('--control-url and --control-prefix: checked, exclusive of each other', () => {
  const args = (...extra: string[]) => parseRunArgs(['--base-url', 'http://h:1', ...extra], {});
  const ok = args('--control-prefix', '/__qa');
  assert.deepEqual(ok.ok && ok.value.controlPrefix, '/__qa');
  const url = args('--control-url', 'http://other:2/ctl');
  assert.deepEqual(url.ok && url.value.controlUrl, 'http://other:2/ctl');
  const errors = [
    args('--control-url', 'x', '--control-prefix', '/a'),
    args('--control-url', 'ftp://x'),
    args('--control-prefix', 'qa'),
  ].map((r) => (r.ok ? '' : r.error));
  assert.deepEqual(errors, [
    '--control-url and --control-prefix exclude each other',
    "--control-url must be an http(s) URL, got 'ftp://x'",
    "--control-prefix must be a path starting with /, got 'qa'",
  ]);
});

test("clock durations: ISO 8601 becomes milliseconds, the mock's own forms pass unchanged", () => {
  const rows: [unknown, unknown][] = [
    ['P2D', 172_800_000],
    ['PT2H', 7_200_000],
    ['-P1DT30M', -88_200_000],
    ['P1W', 604_800_000],
    ['PT0.5S', 500],
    ['1d', '1d'],
    ['-2h', '-2h'],
    [86_400_000, 86_400_000],
    ['P', 'P'],
  ];
  for (const [input, expected] of rows) assert.equal(mockDuration(input), expected, String(input));
});

test('exclusive scenarios run after the others, one at a time', async () => {
  const scenario = (name: string, tags: string) =>
    `  - { name: ${name}, basis: doc, tags: [${tags}], steps: [{ request: { method: GET, path: /slow/${name} }, expect: { status: 200 } }, { request: { method: GET, path: /slow/${name}/2 }, expect: { status: 200 } }] }`;
  log.length = 0;
  const result = await run(
    `scenarios:\n${[scenario('x1', 'exclusive'), scenario('a', 'p'), scenario('x2', 'exclusive'), scenario('b', 'p'), scenario('c', 'p')].join('\n')}`,
  );
  assert.equal(exitCode(result), 0);
  assert.deepEqual(
    result.scenarios.map((s) => s.name),
    ['x1', 'a', 'x2', 'b', 'c'],
    'results keep the input order',
  );
  const exclusive = (url: string) => /\/x\d/.test(url);
  const lastShared = Math.max(...log.filter((e) => !exclusive(e.url) && e.phase === 'end').map((e) => e.at));
  const firstExclusive = Math.min(...log.filter((e) => exclusive(e.url) && e.phase === 'start').map((e) => e.at));
  assert.ok(firstExclusive >= lastShared, 'exclusive scenarios start after every other one ended');
  const sharedStarts = log.filter((e) => !exclusive(e.url)).map((e) => e.phase);
  assert.deepEqual(sharedStarts.slice(0, 3), ['start', 'start', 'start'], 'the others run concurrently');
  const order = log.filter((e) => exclusive(e.url)).map((e) => `${e.phase} ${e.url}`);
  assert.deepEqual(order, [
    'start /slow/x1',
    'end /slow/x1',
    'start /slow/x1/2',
    'end /slow/x1/2',
    'start /slow/x2',
    'end /slow/x2',
    'start /slow/x2/2',
    'end /slow/x2/2',
  ]);
});

test('transport expectations: dropped and truncated, never retried; a response where a failure was expected fails', async () => {
  const result = await run(`tags: [control]
scenarios:
  - { name: dropped, basis: doc, steps: [{ request: { method: GET, path: /drop }, expect: { transport: dropped } }] }
  - { name: truncated, basis: doc, steps: [{ request: { method: GET, path: /truncate }, expect: { transport: truncated } }] }
  - { name: wrong kind, basis: doc, steps: [{ request: { method: GET, path: /drop }, expect: { transport: truncated } }] }
  - { name: answered, basis: doc, steps: [{ request: { method: GET, path: /a }, expect: { transport: dropped } }] }
  - { name: unexpected, basis: doc, steps: [{ request: { method: GET, path: /drop }, expect: { status: 200 } }] }`);
  const by = Object.fromEntries(result.scenarios.map((s) => [s.name, s]));
  assert.equal(by['dropped']?.status, 'passed', formatConsoleReport(result));
  assert.equal(by['truncated']?.status, 'passed', formatConsoleReport(result));
  assert.equal(by['truncated']?.steps[0]?.status, 200, 'the status line came');
  assert.match(
    by['wrong kind']?.steps[0]?.findings[0]?.message ?? '',
    /expected the connection to be truncated, got dropped/,
  );
  assert.match(
    by['answered']?.steps[0]?.findings[0]?.message ?? '',
    /expected the connection to be dropped, got a whole response with status 200/,
  );
  assert.match(by['unexpected']?.steps[0]?.findings[0]?.message ?? '', /^no response/);
  const drops = server.seen.filter((s) => s.url === '/drop').length;
  assert.equal(drops, 2 + 3, 'the transport steps are sent once; the plain one is retried (retries: 2)');
});

test('elapsedMs holds the step to a time', async () => {
  const result = await run(`scenarios:
  - { name: fast enough, basis: doc, steps: [{ request: { method: GET, path: /slow/e1 }, expect: { status: 200, elapsedMs: { $min: 35, $max: 5000 } } }] }
  - { name: too fast, basis: doc, steps: [{ request: { method: GET, path: /a }, expect: { status: 200, elapsedMs: { $min: 1000 } } }] }`);
  assert.deepEqual(
    result.scenarios.map((s) => s.status),
    ['passed', 'failed'],
  );
  assert.deepEqual(
    result.scenarios[1]?.steps[0]?.findings.map((f) => [f.kind, f.path]),
    [['elapsed', 'elapsedMs']],
  );
});

test('FORMAT.md documents every action of the table, and its control example loads (drift)', () => {
  const format = readFileSync('src/contracts/FORMAT.md', 'utf8');
  const section = format.slice(format.indexOf('## Arranging the mock'));
  for (const name of ACTION_NAMES) assert.match(section, new RegExp(`\\| \`${name}\` \\|`), name);
  const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(example !== undefined);
  const { issues, scenarios } = loadScenarioText('FORMAT.md', example);
  assert.deepEqual(issues, []);
  assert.deepEqual(scenarios[0]?.tags, ['control', 'locks']);
});

test('lock and unlock: a customer id, or SEGMENT/KEY of any resource', () => {
  const cases: [arg: string, path: string][] = [
    ['c1', '/locks/c1'],
    ['stocks/S 1', '/locks/stocks/S%201'],
    ['vats/3', '/locks/vats/3'],
    ['stocks/a/b', '/locks/stocks/a%2Fb'],
    ['/customers/c1', '/locks/%2Fcustomers%2Fc1'],
  ];
  for (const [arg, path] of cases) {
    assert.equal(CONTROL_ACTIONS.lock.call(arg).path, path, `lock ${arg}`);
    assert.equal(CONTROL_ACTIONS.unlock.call(arg).path, path, `unlock ${arg}`);
  }
});
