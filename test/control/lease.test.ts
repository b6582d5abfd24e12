import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LeaseGate, type LeaseTimers } from '../../src/control/lease-gate.js';
import { LeaseTable, type Lease, type LeaseMode } from '../../src/control/lease-table.js';
import { parseLeaseAsk, parseLeaseRenewal } from '../../src/control/parse-lease.js';

// The lease table (a readers–writer lock with expiry on the real clock), the gate that waits on it, and the
// bodies of the lease routes.

/** One step against a table whose clock reads `now`; each returns what it saw, as text (`''`: nothing to see). */
type Step =
  | ['ask', LeaseMode, number?]
  | ['settle']
  | ['at', number]
  | ['release', string]
  | ['renew', string, number?]
  | ['cancel', string]
  | ['held'];

function play(steps: readonly Step[]): string[] {
  let now = 0;
  let next = 0;
  const table = new LeaseTable(
    () => now,
    () => `l${++next}`,
  );
  const granted = (leases: Lease[]) => `granted ${leases.map((l) => l.id).join(' ') || '-'}`;
  return steps.map((step): string => {
    switch (step[0]) {
      case 'ask':
        return `asked ${table.request(step[1], step[2] ?? 1_000)}`;
      case 'settle':
        return granted(table.settle());
      case 'at':
        now = step[1];
        return `at ${now}`;
      case 'release':
        return `release ${step[1]}: ${table.release(step[1])}`;
      case 'renew':
        return `renew ${step[1]}: ${table.renew(step[1], step[2])?.expiresAt ?? 'none'}`;
      case 'cancel':
        return `cancel ${step[1]}: ${table.cancel(step[1])}`;
      case 'held': {
        const { leases, waiting } = table.list();
        return `held ${leases.map((l) => `${l.id}:${l.mode}`).join(' ') || '-'} waiting ${waiting.map((w) => w.id).join(' ') || '-'}`;
      }
    }
  });
}

const TABLE: { name: string; steps: Step[]; seen: string[] }[] = [
  {
    name: 'shared + shared: both at once',
    steps: [['ask', 'shared'], ['ask', 'shared'], ['settle'], ['held']],
    seen: ['asked l1', 'asked l2', 'granted l1 l2', 'held l1:shared l2:shared waiting -'],
  },
  {
    name: 'exclusive waits for every shared lease to be released',
    steps: [
      ['ask', 'shared'],
      ['ask', 'shared'],
      ['settle'],
      ['ask', 'exclusive'],
      ['settle'],
      ['release', 'l1'],
      ['settle'],
      ['release', 'l2'],
      ['settle'],
      ['held'],
    ],
    seen: [
      'asked l1',
      'asked l2',
      'granted l1 l2',
      'asked l3',
      'granted -',
      'release l1: true',
      'granted -',
      'release l2: true',
      'granted l3',
      'held l3:exclusive waiting -',
    ],
  },
  {
    name: 'shared waits for an exclusive lease',
    steps: [['ask', 'exclusive'], ['settle'], ['ask', 'shared'], ['settle'], ['release', 'l1'], ['settle']],
    seen: ['asked l1', 'granted l1', 'asked l2', 'granted -', 'release l1: true', 'granted l2'],
  },
  {
    name: 'a shared request behind a waiting exclusive one waits too (no starving the writer)',
    steps: [
      ['ask', 'shared'],
      ['settle'],
      ['ask', 'exclusive'],
      ['ask', 'shared'],
      ['settle'],
      ['held'],
      ['release', 'l1'],
      ['settle'],
      ['release', 'l2'],
      ['settle'],
    ],
    seen: [
      'asked l1',
      'granted l1',
      'asked l2',
      'asked l3',
      'granted -',
      'held l1:shared waiting l2 l3',
      'release l1: true',
      'granted l2',
      'release l2: true',
      'granted l3',
    ],
  },
  {
    name: 'two exclusive requests: first come, first served',
    steps: [['ask', 'exclusive'], ['ask', 'exclusive'], ['settle'], ['release', 'l1'], ['settle']],
    seen: ['asked l1', 'asked l2', 'granted l1', 'release l1: true', 'granted l2'],
  },
  {
    name: 'a lease expires ttlMs after it was granted; what waited for it is granted then',
    steps: [
      ['ask', 'shared', 1_000],
      ['settle'],
      ['ask', 'exclusive'],
      ['at', 999],
      ['settle'],
      ['at', 1_000],
      ['settle'],
      ['release', 'l1'],
      ['renew', 'l1'],
    ],
    seen: [
      'asked l1',
      'granted l1',
      'asked l2',
      'at 999',
      'granted -',
      'at 1000',
      'granted l2',
      'release l1: false',
      'renew l1: none',
    ],
  },
  {
    name: 'renew: another ttlMs from now (its own, or the one given)',
    steps: [
      ['ask', 'shared', 1_000],
      ['settle'],
      ['ask', 'exclusive'],
      ['at', 900],
      ['renew', 'l1'],
      ['at', 1_000],
      ['settle'],
      ['renew', 'l1', 5_000],
      ['at', 1_900],
      ['settle'],
      ['at', 6_000],
      ['settle'],
    ],
    seen: [
      'asked l1',
      'granted l1',
      'asked l2',
      'at 900',
      'renew l1: 1900',
      'at 1000',
      'granted -',
      'renew l1: 6000',
      'at 1900',
      'granted -',
      'at 6000',
      'granted l2',
    ],
  },
  {
    name: 'release ends a lease once; unknown ids end nothing',
    steps: [
      ['ask', 'shared'],
      ['settle'],
      ['release', 'l1'],
      ['release', 'l1'],
      ['release', 'nope'],
      ['renew', 'nope'],
    ],
    seen: [
      'asked l1',
      'granted l1',
      'release l1: true',
      'release l1: false',
      'release nope: false',
      'renew nope: none',
    ],
  },
  {
    name: 'a withdrawn exclusive request lets the shared ones behind it through',
    steps: [
      ['ask', 'shared'],
      ['settle'],
      ['ask', 'exclusive'],
      ['ask', 'shared'],
      ['settle'],
      ['cancel', 'l2'],
      ['cancel', 'l2'],
      ['settle'],
      ['held'],
    ],
    seen: [
      'asked l1',
      'granted l1',
      'asked l2',
      'asked l3',
      'granted -',
      'cancel l2: true',
      'cancel l2: false',
      'granted l3',
      'held l1:shared l3:shared waiting -',
    ],
  },
  {
    name: 'a granted lease cannot be withdrawn, only released',
    steps: [['ask', 'exclusive'], ['settle'], ['cancel', 'l1'], ['held']],
    seen: ['asked l1', 'granted l1', 'cancel l1: false', 'held l1:exclusive waiting -'],
  },
];

for (const { name, steps, seen } of TABLE) {
  test(`lease table: ${name}`, () => {
    assert.deepEqual(play(steps), seen);
  });
}

/** Timers the test fires by hand: nothing here depends on how fast the machine is. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 0;
  const timers: LeaseTimers = {
    set: (run, ms) => {
      pending.set(++next, { run, ms });
      return next;
    },
    clear: (handle) => void pending.delete(handle as number),
  };
  /** Fires the timers set for at most `ms` (the ones due then). */
  const fire = (ms: number) => {
    for (const [handle, timer] of [...pending]) {
      if (timer.ms > ms) continue;
      pending.delete(handle);
      timer.run();
    }
  };
  return { timers, fire, pending };
}

function gate() {
  const clock = { now: 0 };
  let next = 0;
  const manual = manualTimers();
  const table = new LeaseTable(
    () => clock.now,
    () => `l${++next}`,
  );
  return { gate: new LeaseGate(table, () => clock.now, manual.timers), clock, ...manual };
}

test('lease gate: an exclusive request is answered when the shared lease is released', async () => {
  const { gate: g } = gate();
  const shared = await g.acquire('shared', 60_000, 30_000);
  assert.equal(shared?.id, 'l1');
  const outcomes: string[] = [];
  const exclusive = g.acquire('exclusive', 60_000, 30_000).then((l) => outcomes.push(`exclusive ${l?.id}`));
  await Promise.resolve();
  assert.equal(outcomes.length, 0, 'it waits');
  assert.deepEqual(
    g.list().waiting.map((w) => w.mode),
    ['exclusive'],
  );
  outcomes.push('release l1');
  assert.equal(g.release('l1'), true);
  await exclusive;
  assert.deepEqual(outcomes, ['release l1', 'exclusive l2']);
});

test('lease gate: after waitMs the answer is undefined and the request is withdrawn', async () => {
  const { gate: g, fire } = gate();
  await g.acquire('shared', 60_000, 30_000);
  const exclusive = g.acquire('exclusive', 60_000, 5_000);
  fire(5_000);
  assert.equal(await exclusive, undefined);
  assert.deepEqual(g.list().waiting, []);
  assert.equal(await g.acquire('exclusive', 60_000, 0), undefined, 'waitMs 0 only tries');
  assert.equal((await g.acquire('shared', 60_000, 0))?.mode, 'shared', 'nothing left queued in the way');
});

test('lease gate: a caller that goes away withdraws its request', async () => {
  const { gate: g } = gate();
  await g.acquire('shared', 60_000, 30_000);
  const gone = new AbortController();
  const exclusive = g.acquire('exclusive', 60_000, 30_000, gone.signal);
  gone.abort();
  assert.equal(await exclusive, undefined);
  assert.deepEqual(g.list().waiting, []);
});

test('lease gate: a waiter is woken when the lease in its way expires (one timer, at the expiry)', async () => {
  const { gate: g, clock, fire, pending } = gate();
  await g.acquire('shared', 1_000, 30_000);
  const exclusive = g.acquire('exclusive', 60_000, 30_000);
  assert.deepEqual(
    [...pending.values()].map((t) => t.ms).sort((a, b) => a - b),
    [1_001, 30_000],
    'the expiry timer and the wait timer',
  );
  clock.now = 1_000;
  fire(1_001);
  const lease = await exclusive;
  assert.deepEqual([lease?.id, lease?.mode, lease?.expiresAt], ['l2', 'exclusive', 61_000]);
  assert.equal(pending.size, 0, 'no timer is left behind');
});

test('lease gate: close answers every waiter', async () => {
  const { gate: g, pending } = gate();
  await g.acquire('exclusive', 60_000, 30_000);
  const waiting = g.acquire('exclusive', 60_000, 30_000);
  g.close();
  assert.equal(await waiting, undefined);
  assert.equal(pending.size, 0);
});

const BODIES: { name: string; body: unknown; parsed?: object; members?: string[] }[] = [
  {
    name: 'mode only: the defaults',
    body: { mode: 'shared' },
    parsed: { mode: 'shared', ttlMs: 60_000, waitMs: 30_000 },
  },
  {
    name: 'everything given',
    body: { mode: 'exclusive', ttlMs: 5_000, waitMs: 0 },
    parsed: { mode: 'exclusive', ttlMs: 5_000, waitMs: 0 },
  },
  { name: 'no mode', body: {}, members: ['mode'] },
  { name: 'an unknown mode', body: { mode: 'write' }, members: ['mode'] },
  {
    name: 'every problem at once',
    body: { mode: 1, ttlMs: 10, waitMs: 1_000_000, id: 'l1' },
    members: ['id', 'mode', 'ttlMs', 'waitMs'],
  },
  { name: 'ttlMs not an integer', body: { mode: 'shared', ttlMs: '60s' }, members: ['ttlMs'] },
  { name: 'not an object', body: ['shared'], members: ['$'] },
];

for (const { name, body, parsed, members } of BODIES) {
  test(`POST /_mock/lease body: ${name}`, () => {
    const result = parseLeaseAsk(body);
    if (parsed !== undefined) assert.deepEqual(result, { ok: true, value: parsed });
    else assert.deepEqual(result.ok ? [] : result.issues.map((i) => i.member).sort(), members, JSON.stringify(result));
  });
}

test('POST /_mock/lease/{id}/renew body: ttlMs or nothing', () => {
  assert.deepEqual(parseLeaseRenewal({}), { ok: true, value: {} });
  assert.deepEqual(parseLeaseRenewal({ ttlMs: 2_000 }), { ok: true, value: { ttlMs: 2_000 } });
  const bad = parseLeaseRenewal({ ttlMs: 0, mode: 'shared' });
  assert.deepEqual(bad.ok ? [] : bad.issues.map((i) => i.member).sort(), ['mode', 'ttlMs']);
});
