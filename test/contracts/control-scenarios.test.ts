import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { exitCode } from '../../src/contracts/result.js';
import { startMock } from '../../src/mock.js';
import { runSuite } from './support/run-suite.js';

// contracts/control-*.yaml end to end: against the mock they pass and leave it as they found it (no lock, rule,
// receiver or snapshot left, the clock real again, the data as before); against a mock with the control API
// switched off they are all skipped with the note, and the run still exits 0.

const FILES = readdirSync('contracts')
  .filter((f) => /^control-.*\.ya?ml$/.test(f))
  .map((f) => `contracts/${f}`);

test('the control scenarios pass against the mock and leave it as they found it', async () => {
  assert.ok(FILES.length >= 5, FILES.join(', '));
  const mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
  try {
    const before = mock.clock.state();
    const result = await runSuite(mock.url, FILES);
    assert.equal(exitCode(result), 0, formatConsoleReport(result));
    assert.ok(result.scenarios.length >= 30, `${result.scenarios.length} scenarios`);
    assert.ok(result.scenarios.every((s) => s.status === 'passed'));
    const { control } = mock;
    assert.deepEqual([...control.locks], [], 'no lock left');
    assert.deepEqual(control.faults.list(), [], 'no fault rule left');
    assert.deepEqual(control.webhooks.targets(), [], 'no receiver left');
    assert.deepEqual(
      control.snapshots.list().map((s) => s.name),
      [],
      'no snapshot left',
    );
    const after = mock.clock.state();
    assert.deepEqual([after.frozen, after.offsetMs], [before.frozen, 0], 'the clock runs with real time again');
    assert.deepEqual(result.cleanup.failed, []);
    assert.equal(mock.store.size, 50, 'what the run created is deleted again');
  } finally {
    await mock.close();
  }
});

test('against a server without the control API they are skipped with the note, and the run exits 0', async () => {
  const mock = await startMock({ config: { port: 0, count: 5, control: { enabled: false } }, log: () => undefined });
  try {
    const result = await runSuite(mock.url, [...FILES, 'contracts/misc-health.yaml']);
    assert.equal(exitCode(result), 0, formatConsoleReport(result));
    const skipped = result.scenarios.filter((s) => s.status === 'skipped');
    assert.equal(skipped.length, result.scenarios.filter((s) => s.file.includes('/control-')).length);
    assert.ok(skipped.length >= 30);
    for (const s of skipped)
      assert.match(s.note ?? '', /^needs the mock control API \(\/_mock\); not available on this server/);
    assert.ok(
      result.scenarios.some((s) => s.status === 'passed'),
      'the other scenarios still ran',
    );
    assert.match(formatConsoleReport(result), /\d+ skipped/);
  } finally {
    await mock.close();
  }
});
