import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeHubStep } from '../../src/contracts/hub-step.js';
import { loadScenarioText } from '../../src/contracts/load.js';
import { subsequence, withinMs } from '../../src/contracts/notifications.js';
import { parseProfiles } from '../../src/contracts/profiles.js';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { formatHtmlReport } from '../../src/contracts/report/html.js';
import { formatJsonReport } from '../../src/contracts/report/json.js';
import { formatJunitReport } from '../../src/contracts/report/junit.js';
import type { RunResult, ScenarioStatus } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { type FakeHub, fakeHub } from './support/fake-hub.js';
import { fakeServer, json } from './support/fake-server.js';

// Notification steps (subscribe / unsubscribe / connect, expect.notifications and within) against a fake SignalR
// hub spoken to by the official client: the format loads or is refused, and each expectation passes or fails.

const EVENT = 'portos.resources.changed';
let hub: FakeHub;
let plain: Awaited<ReturnType<typeof fakeServer>>;

const changed = (action: string, id: string) => ({
  e: EVENT,
  s: null,
  r: 'ref',
  ca: new Date(0).toISOString(),
  ea: null,
  p: { action, resource: { name: 'item', id, version: 1 } },
});

before(async () => {
  // POST /items/{id}: one `created`; /two/{id}: created, an event of another id, updated; /late/{id}: the event
  // after the answer; /silent/{id}: none; /drop/{id}: the hub closes every connection.
  hub = await fakeHub((req, res, { push, drop }) => {
    const [, route, id = ''] = (req.url ?? '').split('/');
    if (route === 'items') push(changed('created', id));
    if (route === 'two') {
      push(changed('created', id));
      push(changed('created', `other-${id}`));
      push(changed('updated', id));
    }
    if (route === 'late') setTimeout(() => push(changed('created', id)), 100);
    if (route === 'drop') drop();
    json(res, 201, { id });
  });
  // No hub here: negotiate answers 404.
  plain = await fakeServer((_req, res) => json(res, 404, {}));
});
after(async () => {
  await hub.close();
  await plain.close();
});

const PROFILES = parseProfiles(
  'p.yaml',
  'profiles:\n  hub: { token: hub-token }\n  wrong: { token: not-the-token }\n  signer: { nws4: { clientId: c, clientSecret: s } }',
  {},
).profiles;

async function runAll(yaml: string, baseUrl = hub.url, timeoutMs = 5000): Promise<RunResult> {
  const loaded = loadScenarioText('s.yaml', yaml);
  assert.deepEqual(loaded.issues, []);
  assert.ok(PROFILES !== undefined);
  return runContracts({
    baseUrl,
    scenarios: loaded.scenarios,
    profiles: PROFILES,
    spec: undefined,
    http: { timeoutMs, retries: 0 },
    concurrency: 1,
    runId: 'run1',
  });
}

async function run(yaml: string, baseUrl = hub.url) {
  const [scenario] = (await runAll(yaml, baseUrl)).scenarios;
  assert.ok(scenario !== undefined);
  return scenario;
}

const created = (id: string) => `{ e: ${EVENT}, p: { action: created, resource: { name: item, id: "${id}" } } }`;
const updated = (id: string) => `{ e: ${EVENT}, p: { action: updated, resource: { id: "${id}" } } }`;
const subscribe = `{ subscribe: { event: ${EVENT}, resources: [{ name: item, ids: [a] }] } }`;
const post = (path: string, notifications: string, within: string | number = '') =>
  `{ request: { method: POST, path: ${path} }, expect: { status: 201, notifications: ${notifications}${within === '' ? '' : `, within: ${within}`} } }`;
const scenario = (steps: string[], basis = 'decision', as = 'hub') =>
  `scenarios:\n  - { name: s, basis: ${basis}, as: ${as}, steps: [${steps.join(', ')}] }`;

// [what, scenario, expected status, expected finding (kind path: message), base URL]
const CASES: [string, string, ScenarioStatus, RegExp | undefined, ('plain' | 'down')?][] = [
  ['a matching notification passes', scenario([subscribe, post('/items/a', `[${created('a')}]`)]), 'passed', undefined],
  [
    'a notification is matched as a subset with matchers',
    scenario([
      subscribe,
      post('/items/a', `[{ p: { resource: { id: { $regex: "^a$" }, version: { $min: 1 } } }, ca: { $date: true } }]`),
    ]),
    'passed',
    undefined,
  ],
  [
    'a missing notification is an unconfirmed decision after within',
    scenario([subscribe, post('/silent/a', `[${created('a')}]`, '300ms')]),
    'unconfirmed',
    /^notifications notifications\[0\]: not received within 300 ms \(none arrived\)/,
  ],
  [
    'a missing notification breaks a doc contract',
    scenario([subscribe, post('/silent/a', `[${created('a')}]`, '300ms')], 'doc'),
    'failed',
    /not received within 300 ms/,
  ],
  [
    'a different notification is a finding naming the member',
    scenario([subscribe, post('/items/a', `[{ p: { action: deleted } }]`, '300ms')]),
    'unconfirmed',
    /closest of the 1 received differs/,
  ],
  [
    'a notification after the answer, within the time, passes',
    scenario([subscribe, post('/late/a', `[${created('a')}]`)]),
    'passed',
    undefined,
  ],
  [
    'notifications: [] passes when none arrive',
    scenario([subscribe, post('/silent/a', '[]', 200)]),
    'passed',
    undefined,
  ],
  [
    'notifications: [] fails when one arrives',
    scenario([subscribe, post('/items/a', '[]', '1s')]),
    'unconfirmed',
    /expected no notification within 1000 ms, got 1/,
  ],
  [
    'an ordered subsequence: others may come between',
    scenario([subscribe, post('/two/a', `[${created('a')}, ${updated('a')}]`)]),
    'passed',
    undefined,
  ],
  [
    'the order counts',
    scenario([subscribe, post('/two/a', `[${updated('a')}, ${created('a')}]`, '300ms')]),
    'unconfirmed',
    /notifications\[1\]: not received/,
  ],
  [
    'only what arrives after the request counts',
    scenario([
      subscribe,
      '{ request: { method: POST, path: /items/a }, expect: { status: 201 } }',
      post('/silent/b', `[${created('a')}]`, '300ms'),
    ]),
    'unconfirmed',
    /not received within 300 ms/,
  ],
  [
    'a connection the hub closes cannot confirm that none arrive',
    scenario([subscribe, post('/drop/a', '[]', '1s')]),
    'unconfirmed',
    /^notifications hub: the hub closed the connection: .*dropped/,
  ],
  [
    'a connection without Subscribe gets nothing',
    scenario(['{ connect: {} }', post('/items/a', '[]', 200)]),
    'passed',
    undefined,
  ],
  [
    'after Unsubscribe nothing arrives',
    scenario([subscribe, `{ unsubscribe: { event: ${EVENT} } }`, post('/items/a', '[]', 200)]),
    'passed',
    undefined,
  ],
  [
    'an expected hub error passes',
    scenario(['{ subscribe: { event: portos.nope }, expect: { error: { $contains: "HubException" } } }']),
    'passed',
    undefined,
  ],
  [
    'an unexpected hub error is a finding',
    scenario(['{ subscribe: { event: portos.nope } }']),
    'unconfirmed',
    /^notifications error: Subscribe failed: .*HubException/,
  ],
  [
    'an expected error that does not come is a finding',
    scenario([`{ subscribe: { event: ${EVENT} }, expect: { error: { $type: string } } }`]),
    'unconfirmed',
    /expected Subscribe to fail, it succeeded/,
  ],
  [
    'a refused token is a finding, not could-not-run',
    scenario([subscribe], 'decision', 'wrong'),
    'unconfirmed',
    /^notifications hub: cannot connect as 'wrong'.*401/,
  ],
  [
    'a server without the hub (404) is a finding',
    scenario([subscribe], 'doc'),
    'failed',
    /cannot connect as 'hub'.*404/,
    'plain',
  ],
  [
    'a hub that nothing answers could not run',
    scenario([subscribe], 'doc'),
    'error',
    /^no-answer hub: no answer from the hub http:\/\/127\.0\.0\.1:9\/signalr\/v1\/mainHub/,
    'down',
  ],
  [
    'an NWS4 identity cannot connect',
    scenario([subscribe], 'decision', 'signer'),
    'unconfirmed',
    /needs a bearer identity; 'signer' is nws4/,
  ],
];

for (const [what, yaml, status, finding, server] of CASES) {
  test(what, async () => {
    const base = server === 'plain' ? plain.url : server === 'down' ? 'http://127.0.0.1:9' : hub.url;
    const result = await run(yaml, base);
    const findings = result.steps.flatMap((s) => s.findings.map((f) => `${f.kind} ${f.path}: ${f.message}`));
    assert.equal(result.status, status, findings.join('\n'));
    if (finding === undefined) assert.deepEqual(findings, []);
    else assert.match(findings[0] ?? '', finding, findings.join('\n'));
  });
}

test('Subscribe gets the event and, when given, {resources}; the connection carries the identity', async () => {
  hub.calls.length = 0;
  await run(scenario([`{ subscribe: { event: ${EVENT} } }`, subscribe, `{ unsubscribe: { event: ${EVENT} } }`]));
  assert.deepEqual(hub.calls, [
    `Subscribe ["${EVENT}"]`,
    `Subscribe ["${EVENT}",{"resources":[{"name":"item","ids":["a"]}]}]`,
    `Unsubscribe ["${EVENT}"]`,
  ]);
});

test('interpolation fills subscribe arguments and notification expectations', async () => {
  hub.calls.length = 0;
  const result = await run(`scenarios:
  - name: s
    basis: decision
    as: hub
    steps:
      - request: { method: POST, path: "/silent/x-\${uid}" }
        expect: { status: 201 }
        capture: { id: body.id }
      - subscribe: { event: ${EVENT}, resources: [{ name: item, ids: ["\${id}"] }] }
      - request: { method: POST, path: "/items/\${id}" }
        expect: { status: 201, notifications: [{ p: { resource: { id: "\${id}" } } }] }`);
  assert.equal(result.status, 'passed', JSON.stringify(result.steps));
  assert.match(hub.calls[0] ?? '', /"ids":\["x-run1[0-9a-z]{4}"\]/);
});

test('the connections are closed at the end of the scenario, also when it failed', async () => {
  const result = await run(scenario([subscribe, post('/silent/a', `[${created('a')}]`, 100)]));
  assert.equal(result.status, 'unconfirmed');
  // The client's stop() waits for the close handshake, so the hub has no subscribed socket left to push to.
  const before = hub.calls.length;
  const again = await run(scenario(['{ connect: {} }', post('/items/a', '[]', 100)]));
  assert.equal(again.status, 'passed');
  assert.equal(hub.calls.length, before, 'a connect calls no hub method');
});

test('every report names the notification finding, its step and the diff', async () => {
  const result = await runAll(scenario([subscribe, post('/items/a', `[{ p: { action: deleted } }]`, '100ms')]));
  const reports: [string, string, RegExp[]][] = [
    [
      'console',
      formatConsoleReport(result),
      [
        /step 2 "POST \/items\/a"/,
        /✗ notifications\[0\]\.p\.action: expected "deleted", got "created"/,
        /\+ +"action": "created"/,
      ],
    ],
    ['junit', formatJunitReport(result), [/assumption-not-confirmed/, /notifications\[0\]\.p\.action/]],
    ['json', formatJsonReport(result), [/"kind": "notifications"/, /"path": "notifications\[0\]"/]],
    ['html', formatHtmlReport(result), [/<span class="kind">notifications<\/span>/, /notifications\[0\]\.p\.action/]],
  ];
  for (const [name, text, patterns] of reports) for (const p of patterns) assert.match(text, p, `${name}: ${text}`);
});

test('a hub whose negotiate never answers could not run (the run timeout bounds the start)', async () => {
  const silent = await fakeServer(() => undefined);
  try {
    const result = await runAll(scenario([subscribe], 'doc'), silent.url, 300);
    const finding = result.scenarios[0]?.steps[0]?.findings[0];
    assert.equal(result.scenarios[0]?.status, 'error');
    assert.equal(finding?.kind, 'no-answer');
    assert.match(finding?.message ?? '', /timed out after 300 ms/);
  } finally {
    await silent.close();
  }
});

test('--dry-run describes hub steps in one line each', () => {
  const { scenarios } = loadScenarioText(
    's.yaml',
    scenario([
      subscribe,
      `{ unsubscribe: { event: ${EVENT}, as: other } }`,
      '{ connect: {} }',
      '{ subscribe: { event: x }, expect: { error: y } }',
    ]),
  );
  const [loaded] = scenarios;
  assert.ok(loaded !== undefined);
  const lines = loaded.steps.flatMap((step) => ('request' in step ? [] : [describeHubStep(step, loaded)]));
  assert.deepEqual(lines, [
    `Subscribe ${EVENT} {"resources":[{"name":"item","ids":["a"]}]} (as hub)`,
    `Unsubscribe ${EVENT} (as other)`,
    'connect (as hub)',
    'Subscribe x (as hub) → error',
  ]);
});

// [yaml of one step (inside a scenario with as: hub), path of the expected issue or undefined, message]
const SHAPES: [string, string | undefined, RegExp?][] = [
  [`{ subscribe: { event: ${EVENT} } }`, undefined],
  [
    `{ name: sub, subscribe: { event: ${EVENT}, resources: [{ name: customer }, { name: vat, ids: [a, b] }], as: hub } }`,
    undefined,
  ],
  [`{ subscribe: { event: x }, expect: { error: { $contains: HubException } } }`, undefined],
  [`{ unsubscribe: { event: ${EVENT}, as: hub } }`, undefined],
  ['{ connect: {} }', undefined],
  ['{ connect: { as: hub } }', undefined],
  [`{ subscribe: {} }`, 'scenarios[0].steps[0].subscribe', /missing member 'event'/],
  [`{ subscribe: { event: "" } }`, 'scenarios[0].steps[0].subscribe.event', /must NOT have fewer than 1 characters/],
  [
    `{ subscribe: { event: e, resources: [{ ids: [a] }] } }`,
    'scenarios[0].steps[0].subscribe.resources[0]',
    /missing member 'name'/,
  ],
  [`{ subscribe: { event: e, resources: { name: a } } }`, 'scenarios[0].steps[0].subscribe.resources', /must be array/],
  [
    `{ subscribe: { event: e, resources: [{ name: a, ids: [1] }] } }`,
    'scenarios[0].steps[0].subscribe.resources[0].ids[0]',
    /must be string/,
  ],
  [`{ subscribe: { event: e, as: [hub, wrong] } }`, 'scenarios[0].steps[0].subscribe.as', /must be string/],
  [`{ subscribe: { event: e, filter: x } }`, 'scenarios[0].steps[0].subscribe.filter', /unknown member 'filter'/],
  [
    `{ subscribe: { event: e }, request: { method: GET, path: / } }`,
    'scenarios[0].steps[0].request',
    /unknown member 'request'/,
  ],
  [
    `{ subscribe: { event: e }, expect: { status: 200 } }`,
    'scenarios[0].steps[0].expect.status',
    /unknown member 'status'/,
  ],
  [`{ unsubscribe: { event: e, resources: [] } }`, 'scenarios[0].steps[0].unsubscribe.resources', /unknown member/],
  [`{ connect: { as: hub }, expect: { error: x } }`, 'scenarios[0].steps[0].expect', /unknown member 'expect'/],
  [
    `{ request: { method: GET, path: / }, expect: { status: 200, notifications: [] } }`,
    'scenarios[0].steps[0].expect.notifications',
    /subscribe \(or connect\) in an earlier step/,
  ],
  [
    `{ request: { method: GET, path: / }, expect: { status: 200, within: 2s } }`,
    'scenarios[0].steps[0].expect.within',
    /add them/,
  ],
  [
    `{ request: { method: GET, path: / }, expect: { status: 200, notifications: {} } }`,
    'scenarios[0].steps[0].expect.notifications',
    /must be array/,
  ],
];

for (const [step, path, message] of SHAPES) {
  test(`schema: ${step} ${path === undefined ? 'loads' : 'is refused'}`, () => {
    const { issues } = loadScenarioText(
      's.yaml',
      `scenarios:\n  - { name: s, basis: decision, as: hub, steps: [${step}] }`,
    );
    if (path === undefined) return assert.deepEqual(issues, []);
    assert.ok(
      issues.some((i) => i.path === path && message?.test(i.message) === true),
      JSON.stringify(issues, null, 1),
    );
  });
}

test('schema: within takes 2s, 500ms or ms up to 60000, and needs a connection earlier in the scenario', () => {
  const yaml = (within: string) =>
    `scenarios:\n  - { name: s, basis: decision, as: hub, steps: [{ connect: {} }, { request: { method: GET, path: / }, expect: { status: 200, notifications: [], within: ${within} } }] }`;
  for (const ok of ['2s', '1.5s', '500ms', '0', '60000'])
    assert.deepEqual(loadScenarioText('s.yaml', yaml(ok)).issues, [], ok);
  for (const bad of ['2 s', '2m', '-1', '60001', 'soon'])
    assert.ok(
      loadScenarioText('s.yaml', yaml(bad)).issues.some((i) => i.path.endsWith('.within')),
      bad,
    );
});

test('schema: a hub step without its own as needs one identity in the scenario', () => {
  const { issues } = loadScenarioText(
    's.yaml',
    `scenarios:\n  - { name: s, basis: decision, as: [hub, wrong], steps: [{ connect: {} }] }`,
  );
  assert.deepEqual(
    issues.map((i) => i.path),
    ['scenarios[0].steps[0].connect'],
  );
});

test('within: text and numbers in ms', () => {
  const cases: [string | number | undefined, number][] = [
    [undefined, 2000],
    ['2s', 2000],
    ['1.5s', 1500],
    ['250ms', 250],
    [700, 700],
  ];
  for (const [within, ms] of cases) assert.equal(withinMs(within), ms, String(within));
});

test('subsequence: the earliest match of each item, in order', () => {
  const got = [{ n: 1 }, { n: 2 }, { n: 1 }, { n: 3 }];
  const cases: [unknown[], boolean][] = [
    [[], true],
    [[{ n: 1 }], true],
    [[{ n: 1 }, { n: 1 }], true],
    [[{ n: 2 }, { n: 1 }, { n: 3 }], true],
    [[{ n: 3 }, { n: 1 }], false],
    [[{ n: 1 }, { n: 1 }, { n: 1 }], false],
    [[{ n: 4 }], false],
  ];
  for (const [expected, ok] of cases)
    assert.equal(subsequence(expected, got).length === 0, ok, JSON.stringify(expected));
});
