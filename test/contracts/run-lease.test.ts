import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadScenarioText } from '../../src/contracts/load.js';
import { parseProfiles } from '../../src/contracts/profiles.js';
import { exitCode } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { fakeServer, json, type Seen } from './support/fake-server.js';

// The runner's leases against a fake mock that has them: which calls it makes and when (a shared lease around
// the ordinary scenarios and the cleanup, an exclusive one around each exclusive scenario, never two at once),
// asking again after a 423, and what happens when no lease comes.

const PROFILES = parseProfiles('p.yaml', 'profiles:\n  clerk: { token: clerk-token }', {}).profiles;

/** What POST /_mock/lease answers, in turn (then 201); `null`: a granted lease. */
let answers: (number | null)[] = [];
let next = 0;
let server: Awaited<ReturnType<typeof fakeServer>>;

function handle(req: Seen, res: Parameters<Parameters<typeof fakeServer>[0]>[1]): void {
  if (req.url === '/_mock') return json(res, 200, { counts: {}, clock: {}, stateFile: null, leases: {} });
  if (req.url === '/_mock/lease' && req.method === 'POST') {
    const status = answers.shift() ?? null;
    if (status === 423) return json(res, 423, { title: 'The mock is leased' }, { 'retry-after': '0' });
    if (status !== null) return json(res, status, { title: 'no' });
    return json(res, 201, { id: `l${++next}` });
  }
  if (req.url.startsWith('/_mock/lease/')) return void res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
  json(res, 200, { url: req.url });
}

before(async () => {
  server = await fakeServer(handle);
});
after(() => server.close());

const scenario = (name: string, tags: string) =>
  `  - { name: ${name}, basis: doc, tags: [${tags}], steps: [{ request: { method: GET, path: /${name} }, expect: { status: 200 } }] }`;
const SUITE = `scenarios:\n${[scenario('x1', 'exclusive'), scenario('a', 'p'), scenario('x2', 'exclusive'), scenario('b', 'p')].join('\n')}`;

async function run(lease: readonly (number | null)[], giveUpMs = 0) {
  answers = [...lease];
  next = 0;
  server.seen.length = 0;
  const loaded = loadScenarioText('s.yaml', SUITE);
  assert.deepEqual(loaded.issues, []);
  assert.ok(PROFILES !== undefined);
  const result = await runContracts({
    baseUrl: server.url,
    scenarios: loaded.scenarios,
    profiles: PROFILES,
    spec: undefined,
    http: { timeoutMs: 5000, retries: 0 },
    concurrency: 2,
    runId: 'run1',
    lease: { giveUpMs },
  });
  const calls = server.seen.map((s) => {
    const body = s.body.length === 0 ? '' : ` ${(JSON.parse(s.body.toString()) as { mode?: string }).mode ?? ''}`;
    return `${s.method} ${s.url}${body}`.replace(/ \/(a|b)$/, ' /shared').trimEnd();
  });
  return { result, calls };
}

test('a shared lease around the ordinary scenarios and the cleanup, an exclusive one around each exclusive one', async () => {
  const { result, calls } = await run([]);
  assert.equal(exitCode(result), 0);
  assert.deepEqual(calls, [
    'GET /_mock',
    'POST /_mock/lease shared',
    'GET /shared',
    'GET /shared',
    'DELETE /_mock/lease/l1',
    'POST /_mock/lease exclusive',
    'GET /x1',
    'DELETE /_mock/lease/l2',
    'POST /_mock/lease exclusive',
    'GET /x2',
    'DELETE /_mock/lease/l3',
    'POST /_mock/lease shared',
    'DELETE /_mock/lease/l4',
  ]);
  const asked = server.seen.find((s) => s.url === '/_mock/lease');
  assert.equal(asked?.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(asked?.body.toString() ?? ''), { mode: 'shared', ttlMs: 60_000, waitMs: 2_500 });
});

test('a 423 is asked again (as Retry-After says); a lease that does not come: those scenarios could not run', async () => {
  const { result, calls } = await run([null, 423, 423, 500], 600_000);
  assert.deepEqual(
    calls.filter((c) => c.startsWith('POST')),
    [
      'POST /_mock/lease shared',
      'POST /_mock/lease exclusive',
      'POST /_mock/lease exclusive',
      'POST /_mock/lease exclusive',
      'POST /_mock/lease exclusive',
      'POST /_mock/lease shared',
    ],
  );
  assert.deepEqual(
    result.scenarios.map((s) => `${s.name} ${s.status}`),
    ['x1 error', 'a passed', 'x2 passed', 'b passed'],
  );
  assert.deepEqual(
    result.scenarios[0]?.steps.flatMap((s) => s.findings.map((f) => `${f.kind}: ${f.message}`)),
    ['no-answer: needs an exclusive lease on the mock: POST /_mock/lease answered 500'],
  );
  assert.ok(!calls.includes('GET /x1'), 'x1 was not sent');
  assert.equal(exitCode(result), 2);
});

test('giving up after 423s: the scenario could not run, the next one asks again', async () => {
  const { result } = await run([null, 423]);
  assert.deepEqual(
    result.scenarios.map((s) => `${s.name} ${s.status}`),
    ['x1 error', 'a passed', 'x2 passed', 'b passed'],
  );
  assert.match(
    result.scenarios[0]?.steps[0]?.findings[0]?.message ?? '',
    /^needs an exclusive lease on the mock: no exclusive lease on the mock within 0 ms/,
  );
});
