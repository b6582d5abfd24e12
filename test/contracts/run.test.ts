import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadScenarioText } from '../../src/contracts/load.js';
import { parseProfiles } from '../../src/contracts/profiles.js';
import { exitCode } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { fakeServer, json } from './support/fake-server.js';

// The runner against a fake server: identities checked before running, steps stop at the first failure,
// `localized` titles compared across languages, per-scenario unique values, and the end-of-run cleanup.

let server: Awaited<ReturnType<typeof fakeServer>>;
let nextId = 0;
const deleted: string[] = [];

before(async () => {
  server = await fakeServer((req, res) => {
    if (req.url === '/api/auth') return json(res, 200, { tokenId: 'tok' });
    if (req.method === 'POST' && req.url === '/customers')
      return json(res, 201, { id: `c${++nextId}`, externalId: JSON.parse(req.body.toString()).externalId });
    if (req.method === 'POST' && req.url === '/stocks') return json(res, 201, { name: 'S-run' });
    if (req.method === 'POST' && req.url === '/plus') return json(res, 201, {}, { Location: '/plus/p%201' });
    if (req.method === 'POST' && req.url === '/zones') return json(res, 201, { name: 'Z-stuck' });
    if (req.method === 'DELETE') {
      deleted.push(`${req.url} ${String(req.headers['authorization'])}`);
      if (req.url === '/customers/c-gone') return json(res, 404, {});
      // The stock is still in use the first time (as if something named it); the zone always.
      if (req.url === '/stocks/S-run' && deleted.filter((d) => d.startsWith('/stocks/')).length === 1)
        return json(res, 400, { errorCode: 3 });
      if (req.url === '/zones/Z-stuck') return json(res, 400, { errorCode: 3 });
      return req.url === '/customers/c2' ? json(res, 500, {}) : json(res, 200, {});
    }
    if (req.url.startsWith('/problem'))
      return json(res, 404, {
        title:
          req.headers['accept-language'] === 'en-GB' && req.url.endsWith('same')
            ? 'Ne'
            : req.headers['accept-language'] === 'en-GB'
              ? 'No'
              : 'Ne',
      });
    return json(res, 200, { url: req.url });
  });
});
after(() => server.close());

const PROFILES = parseProfiles(
  'p.yaml',
  'cleanup: admin\nprofiles:\n  admin: { token: admin-token }\n  clerk: { token: clerk-token }\n  broken: { bearer: { userName: u, password: "${NOT_SET}", deviceName: P01 } }',
  {},
).profiles;

async function run(yaml: string, probe = false) {
  const loaded = loadScenarioText('s.yaml', yaml);
  assert.deepEqual(loaded.issues, []);
  assert.ok(PROFILES !== undefined);
  return runContracts({
    baseUrl: server.url,
    scenarios: loaded.scenarios,
    profiles: PROFILES,
    spec: undefined,
    http: { timeoutMs: 5000, retries: 0 },
    concurrency: 3,
    probe,
    runId: 'run1',
  });
}

test('scenarios naming unknown or unusable profiles become issues and do not run', async () => {
  const result = await run(`scenarios:
  - { name: ghost, basis: doc, as: ghost, steps: [{ request: { method: GET, path: /a }, expect: { status: 200 } }] }
  - { name: env, basis: doc, steps: [{ as: broken, request: { method: GET, path: /a }, expect: { status: 200 } }] }
  - { name: ok, basis: doc, steps: [{ request: { method: GET, path: /a }, expect: { status: 200 } }] }`);
  assert.deepEqual(
    result.scenarios.map((s) => s.name),
    ['ok'],
  );
  assert.deepEqual(
    result.issues.map((i) => [i.scenario, i.message]),
    [
      ['ghost', "no profile 'ghost' in p.yaml"],
      ['env', "profile 'broken' needs environment variable(s) NOT_SET"],
    ],
  );
  assert.equal(exitCode(result), 2);
});

test('a scenario stops at its first failing step; decision failures are unconfirmed', async () => {
  const result = await run(`scenarios:
  - name: stops
    basis: decision
    steps:
      - { request: { method: GET, path: /a }, expect: { status: 201 } }
      - { request: { method: GET, path: /b }, expect: { status: 200 } }`);
  const [scenario] = result.scenarios;
  assert.equal(scenario?.status, 'unconfirmed');
  assert.equal(scenario?.steps.length, 1);
  assert.equal(scenario?.skippedSteps, 1);
  assert.equal(exitCode(result), 1);
  assert.equal(exitCode({ ...result, probe: true }), 0);
});

test('${uid} differs per scenario, ${run} is shared', async () => {
  const result = await run(`scenarios:
  - name: one
    basis: doc
    examples: [{ n: 1 }, { n: 2 }, { n: 3 }]
    steps:
      - request: { method: GET, path: "/u/\${run}/\${uid}" }
        expect: { status: 200, body: { url: { $startsWith: /u/run1/run1 } } }
        capture: { url: body.url }`);
  const urls = result.scenarios.map((s) => s.steps[0]?.url);
  assert.equal(new Set(urls).size, 3, JSON.stringify(urls));
  assert.equal(exitCode(result), 0);
});

test('title: localized fails when two languages answer the same title', async () => {
  const result = await run(`scenarios:
  - { name: differs, basis: doc, lang: [sk-SK, en-GB], steps: [{ request: { method: GET, path: /problem }, expect: { status: 404, title: localized } }] }
  - { name: same, basis: doc, lang: [sk-SK, en-GB], steps: [{ request: { method: GET, path: /problem-same }, expect: { status: 404, title: localized } }] }`);
  assert.deepEqual(
    result.scenarios.map((s) => [s.name, s.status]),
    [
      ['differs', 'passed'],
      ['same', 'failed'],
    ],
  );
  assert.match(
    result.scenarios[1]?.steps[1]?.findings[0]?.message ?? '',
    /different titles in sk-SK and en-GB, both are "Ne"/,
  );
});

test('cleanup deletes every resource the run created; one still in use is tried again while others go', async () => {
  deleted.length = 0;
  const result = await run(`scenarios:
  - name: creates a stock, a PLU and a zone
    basis: doc
    as: clerk
    steps:
      - { request: { method: POST, path: /stocks, body: { name: S-run } }, expect: { status: 201 } }
      - { request: { method: POST, path: /plus, body: { stockName: S-run } }, expect: { status: 201 } }
      - { request: { method: POST, path: /zones, body: { name: Z-stuck } }, expect: { status: 201 } }`);
  assert.equal(exitCode(result), 0);
  assert.deepEqual(result.cleanup, {
    attempted: 3,
    deleted: 2,
    alreadyGone: 0,
    failed: [{ path: '/zones/Z-stuck', as: 'admin', reason: 'HTTP 400' }],
  });
  assert.deepEqual(
    deleted.map((d) => d.split(' ')[0]).sort(),
    ['/plus/p%201', '/stocks/S-run', '/stocks/S-run', '/zones/Z-stuck', '/zones/Z-stuck', '/zones/Z-stuck'],
    'the stock asked again after the first round; the zone given up once a round deleted nothing',
  );
});

test('a step runs once per identity × language', async () => {
  const result = await run(`scenarios:
  - { name: matrix, basis: doc, steps: [{ as: [admin, clerk], lang: [sk-SK, en-GB], request: { method: GET, path: /m }, expect: { status: 200 } }] }`);
  assert.deepEqual(
    result.scenarios[0]?.steps.map((s) => `${s.as}/${s.lang}`),
    ['admin/sk-SK', 'admin/en-GB', 'clerk/sk-SK', 'clerk/en-GB'],
  );
});

test('what a run created is deleted at the end by the cleanup profile; failures are reported', async () => {
  deleted.length = 0;
  nextId = 0;
  const result = await run(`scenarios:
  - name: creates
    basis: doc
    as: clerk
    steps:
      - { request: { method: POST, path: /customers, body: { externalId: "e-\${uid}" } }, expect: { status: 201 } }
      - { request: { method: POST, path: /customers, body: {} }, expect: { status: 201 } }`);
  assert.equal(exitCode(result), 0);
  assert.deepEqual(deleted.sort(), ['/customers/c1 Bearer admin-token', '/customers/c2 Bearer admin-token']);
  assert.deepEqual(result.cleanup, {
    attempted: 2,
    deleted: 1,
    alreadyGone: 0,
    failed: [{ path: '/customers/c2', as: 'admin', reason: 'HTTP 500' }],
  });
});
