import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { exitCode } from '../../src/contracts/result.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { runSuite } from './support/run-suite.js';

// The shared conformance suite: every scenario in contracts/ must pass against the mock, in process.

let mock: RunningMock;
before(async () => {
  mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
});
after(async () => {
  await mock.close();
});

test('contracts/ passes against the mock and cleans up after itself', async () => {
  const result = await runSuite(mock.url, ['contracts']);
  assert.equal(exitCode(result), 0, formatConsoleReport(result));
  assert.ok(result.scenarios.length >= 10);
  assert.deepEqual(result.cleanup.failed, []);
  assert.ok(result.cleanup.attempted > 0, 'the suite created customers');
  assert.equal(mock.store.size, 50, 'what the run created is deleted again');
});

test('a second run against the same server passes too (per-run values, no global reset)', async () => {
  const result = await runSuite(mock.url, ['contracts']);
  assert.equal(exitCode(result), 0, formatConsoleReport(result));
});

test('contracts/ passes against the mock behind a base path (run --base-url …/api/v1 against serve --base-path /api/v1)', async () => {
  const prefixed = await startMock({ config: { port: 0, count: 50, basePath: '/api/v1' }, log: () => undefined });
  try {
    assert.match(prefixed.url, /\/api\/v1$/);
    const result = await runSuite(prefixed.url, ['contracts']);
    assert.equal(exitCode(result), 0, formatConsoleReport(result));
    assert.deepEqual(
      result.scenarios.filter((s) => s.status !== 'passed').map((s) => `${s.id}: ${s.status}`),
      [],
    );
    assert.deepEqual(result.cleanup.failed, []);
    assert.equal(prefixed.store.size, 50, 'what the run created is deleted again');
  } finally {
    await prefixed.close();
  }
});
