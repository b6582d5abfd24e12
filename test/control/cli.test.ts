import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  UsageError,
  planControl,
  type ControlCall,
  type ControlCommand,
} from '../../src/control/cli/control-command.js';
import { runControl } from '../../src/control/cli/run-control.js';
import { startMock, type RunningMock } from '../../src/mock.js';

const PLANS: [string, ControlCall][] = [
  ['reset', { method: 'POST', path: '/reset', body: {} }],
  ['reset --seed 7 --count 30', { method: 'POST', path: '/reset', body: { seed: 7, count: 30 } }],
  [
    'load fixtures/customers.small.json',
    { method: 'PUT', path: '/customers', bodyFile: 'fixtures/customers.small.json' },
  ],
  ['load f.json --merge', { method: 'POST', path: '/customers', bodyFile: 'f.json' }],
  ['load state.json --resource stocks', { method: 'PUT', path: '/stocks', bodyFile: 'state.json' }],
  ['load v.json --resource vats --merge', { method: 'POST', path: '/vats', bodyFile: 'v.json' }],
  ['snapshot save before', { method: 'PUT', path: '/snapshots/before' }],
  ['snapshot save shared --file day.json', { method: 'PUT', path: '/snapshots/shared', bodyFile: 'day.json' }],
  ['snapshot restore before', { method: 'POST', path: '/snapshots/before/restore' }],
  ['snapshot get before', { method: 'GET', path: '/snapshots/before' }],
  ['snapshot list', { method: 'GET', path: '/snapshots' }],
  ['snapshot delete before', { method: 'DELETE', path: '/snapshots/before' }],
  ['clock', { method: 'GET', path: '/clock' }],
  ['clock freeze', { method: 'POST', path: '/clock/freeze', body: {} }],
  [
    'clock freeze 2025-06-02T00:00:00Z',
    { method: 'POST', path: '/clock/freeze', body: { at: '2025-06-02T00:00:00Z' } },
  ],
  ['clock set 1748779200000', { method: 'POST', path: '/clock/set', body: { at: 1748779200000 } }],
  ['clock advance 1d', { method: 'POST', path: '/clock/advance', body: { by: '1d' } }],
  ['clock advance -3600000', { method: 'POST', path: '/clock/advance', body: { by: -3600000 } }],
  ['clock advance -2h', { method: 'POST', path: '/clock/advance', body: { by: '-2h' } }],
  ['clock resume', { method: 'POST', path: '/clock/resume' }],
  ['clock reset', { method: 'POST', path: '/clock/reset' }],
  [
    'fault add latency=300 --route customers --method GET --share 0.5 --times 3',
    {
      method: 'POST',
      path: '/faults',
      body: { kind: 'latency', ms: 300, scope: { route: 'customers', method: 'GET', share: 0.5, times: 3 } },
    },
  ],
  ['fault add latency=100-500', { method: 'POST', path: '/faults', body: { kind: 'latency', minMs: 100, maxMs: 500 } }],
  [
    'fault add status=423 --id c1',
    { method: 'POST', path: '/faults', body: { kind: 'status', status: 423, scope: { id: 'c1' } } },
  ],
  ['fault add truncate=10', { method: 'POST', path: '/faults', body: { kind: 'truncate', bytes: 10 } }],
  [
    'fault add drop --route /customers/*',
    { method: 'POST', path: '/faults', body: { kind: 'drop', scope: { route: '/customers/*' } } },
  ],
  ['fault list', { method: 'GET', path: '/faults' }],
  ['fault clear', { method: 'DELETE', path: '/faults' }],
  ['fault remove f2', { method: 'DELETE', path: '/faults/f2' }],
  ['lock c1', { method: 'PUT', path: '/locks/c1' }],
  ['unlock c1', { method: 'DELETE', path: '/locks/c1' }],
  ['lock stocks/S/1', { method: 'PUT', path: '/locks/stocks/S%2F1' }],
  ['unlock vats/3', { method: 'DELETE', path: '/locks/vats/3' }],
  ['unlock', { method: 'DELETE', path: '/locks' }],
  ['locks', { method: 'GET', path: '/locks' }],
  ['counts', { method: 'GET', path: '/counts' }],
  ['requests --limit 5', { method: 'GET', path: '/requests?limit=5' }],
  ['changes --since 10', { method: 'GET', path: '/changes?since=10' }],
];

for (const [line, call] of PLANS) {
  test(`portos-mock ${line}`, () => {
    const [command, ...args] = line.split(' ');
    assert.deepEqual(planControl(command as ControlCommand, args, {}).call, call);
  });
}

test('the URL: --url, else PORTOS_MOCK_URL, else http://127.0.0.1:3000; --prefix', () => {
  assert.equal(planControl('counts', [], {}).url, 'http://127.0.0.1:3000');
  assert.equal(planControl('counts', [], { PORTOS_MOCK_URL: 'http://qa:8080/' }).url, 'http://qa:8080');
  assert.equal(planControl('counts', ['--url', 'http://x:1'], { PORTOS_MOCK_URL: 'http://qa:8080' }).url, 'http://x:1');
  assert.equal(planControl('counts', ['--prefix', '/__qa'], {}).prefix, '/__qa');
});

const USAGE: string[] = [
  'reset --seed many',
  'snapshot',
  'snapshot save',
  'clock travel',
  'clock set',
  'fault add explode',
  'fault add latency=soon',
  'lock',
  'lock unicorns/1',
  'load f.json --resource unicorns',
  'counts --bogus',
  'counts --url ftp://x',
  'fault add drop --share lots',
];

for (const line of USAGE) {
  test(`usage error: portos-mock ${line}`, () => {
    const [command, ...args] = line.split(' ');
    assert.throws(() => planControl(command as ControlCommand, args, {}), UsageError);
  });
}

let mock: RunningMock;
before(async () => {
  mock = await startMock({ config: { port: 0, count: 3, seed: 2 }, log: () => undefined });
});
after(() => mock.close());

async function run(line: string) {
  const [command, ...args] = line.split(' ');
  return runControl(planControl(command as ControlCommand, [...args, '--url', mock.url], {}));
}

test('against a running mock: load, snapshot, reset, restore, lock; a refusal exits 1 with the problem', async () => {
  assert.equal((await run('load fixtures/customers.small.json')).code, 0);
  assert.equal(mock.store.size, 8);
  assert.equal((await run('snapshot save eight')).code, 0);
  const reset = await run('reset --count 2');
  assert.deepEqual(JSON.parse(reset.stdout).customers, 2);
  assert.match((await run('snapshot list')).stdout, /"eight"/);
  assert.equal((await run('snapshot restore eight')).code, 0);
  assert.equal(mock.store.size, 8);
  const locked = await run('lock c1');
  assert.deepEqual([locked.code, locked.stdout], [0, '204 PUT /locks/c1\n']);
  assert.deepEqual(JSON.parse((await run('locks')).stdout).items, ['c1']);
  const missing = await run('snapshot restore nine');
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^404 POST \/snapshots\/nine\/restore\n/);
  assert.match(missing.stderr, /"status": 404/);
  const advanced = JSON.parse((await run('clock advance 2h')).stdout) as { offsetMs: number };
  assert.ok(Math.abs(advanced.offsetMs - 7_200_000) < 1000);
});

test('the control token: --control-token, else PORTOS_MOCK_CONTROL_TOKEN, else none', () => {
  assert.equal(planControl('counts', [], {}).token, undefined);
  assert.equal(planControl('counts', [], { PORTOS_MOCK_CONTROL_TOKEN: 'env' }).token, 'env');
  assert.equal(planControl('counts', ['--control-token', 'flag'], { PORTOS_MOCK_CONTROL_TOKEN: 'env' }).token, 'flag');
});

let guarded: RunningMock;
before(async () => {
  guarded = await startMock({
    config: { port: 0, count: 3, seed: 2, control: { token: 'cli-secret' } },
    log: () => undefined,
  });
});
after(() => guarded.close());

/** Every kind of call (body-less POSTs included) against a mock with a control token: [line, token source, exit code]. */
const TOKEN_RUNS: [string, 'none' | 'flag' | 'env' | 'wrong', 0 | 1][] = [
  ['counts', 'none', 1],
  ['reset', 'none', 1],
  ['counts', 'wrong', 1],
  ['clock freeze', 'wrong', 1],
  ['counts', 'flag', 0],
  ['reset', 'flag', 0],
  ['clock freeze', 'env', 0],
  ['clock resume', 'flag', 0],
  ['clock reset', 'env', 0],
  ['snapshot save one', 'flag', 0],
  ['snapshot restore one', 'env', 0],
  ['lock c1', 'flag', 0],
  ['unlock', 'env', 0],
  ['fault add latency=1 --times 1', 'flag', 0],
  ['fault clear', 'env', 0],
  ['load fixtures/customers.small.json --merge', 'flag', 0],
];

for (const [line, source, code] of TOKEN_RUNS) {
  test(`with a control token on the mock: portos-mock ${line} (token: ${source}) exits ${code}`, async () => {
    const [command, ...args] = line.split(' ');
    const flag =
      source === 'flag' ? ['--control-token', 'cli-secret'] : source === 'wrong' ? ['--control-token', 'x'] : [];
    const env = source === 'env' ? { PORTOS_MOCK_CONTROL_TOKEN: 'cli-secret' } : {};
    const version = guarded.store.version;
    const outcome = await runControl(
      planControl(command as ControlCommand, [...args, ...flag, '--url', guarded.url], env),
    );
    assert.equal(outcome.code, code, outcome.stderr);
    if (code === 1) {
      assert.match(outcome.stderr, /^401 /);
      assert.match(outcome.stderr, /"errorCode": 1/);
      assert.equal(guarded.store.version, version, 'a refused call changes nothing');
    }
  });
}
