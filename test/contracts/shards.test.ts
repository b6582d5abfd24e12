import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Lease, LeaseMode } from '../../src/control/lease-table.js';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { exitCode, type RunResult } from '../../src/contracts/result.js';
import { EXCLUSIVE_TAG } from '../../src/contracts/scenario.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { runSuite } from './support/run-suite.js';

// CI shards against ONE mock: `--shard 1/2` and `--shard 2/2` of the whole suite run at the same time. Without
// leases the clock, reset and restore scenarios of one shard expire the other's tokens and wipe its data at
// random; with them (src/control/CONTROL-API.md#leases) both pass, every time.

let mock: RunningMock;
/** Every lease the mock granted, by mode. */
const granted: Record<LeaseMode, number> = { shared: 0, exclusive: 0 };

before(async () => {
  mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
  const { leases } = mock.control;
  const acquire = leases.acquire.bind(leases);
  leases.acquire = async (...args: Parameters<typeof acquire>): Promise<Lease | undefined> => {
    const lease = await acquire(...args);
    if (lease !== undefined) granted[lease.mode]++;
    return lease;
  };
});
after(async () => {
  await mock.close();
});

const shard = (index: number) => runSuite(mock.url, ['contracts'], { shard: { index, count: 2 } });
const exclusiveRan = (result: RunResult) =>
  result.scenarios.filter((s) => s.tags.includes(EXCLUSIVE_TAG) && s.status === 'passed').length;

for (const round of [1, 2]) {
  test(`round ${round}: shards 1/2 and 2/2 at once against one mock both pass`, async () => {
    const before = { ...granted };
    const results = await Promise.all([shard(1), shard(2)]);
    for (const result of results) {
      assert.equal(exitCode(result), 0, formatConsoleReport(result));
      assert.deepEqual(result.cleanup.failed, []);
    }
    assert.ok(
      results.every((r) => exclusiveRan(r) > 0),
      'each shard ran exclusive scenarios',
    );
    assert.equal(
      granted.exclusive - before.exclusive,
      results.reduce((n, r) => n + exclusiveRan(r), 0),
      'one exclusive lease per exclusive scenario',
    );
    assert.ok(granted.shared - before.shared >= 2, 'each run held a shared lease');
    assert.deepEqual(mock.control.leases.list(), { leases: [], waiting: [] }, 'every lease is released');
    assert.equal(mock.store.size, 50, 'what the runs created is deleted again');
  });
}
