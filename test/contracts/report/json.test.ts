import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJsonReport } from '../../../src/contracts/report/json.js';
import { sampleResult } from '../support/run-result.js';

test('JSON report: the whole result plus a summary with the exit code', () => {
  const parsed = JSON.parse(formatJsonReport(sampleResult())) as Record<string, unknown> & {
    summary: Record<string, number>;
    scenarios: unknown[];
  };
  assert.equal(parsed['format'], 'portos-contracts/1');
  assert.deepEqual(parsed.summary, {
    passed: 1,
    failed: 1,
    unconfirmed: 1,
    error: 1,
    skipped: 0,
    issues: 1,
    exitCode: 2,
  });
  assert.equal(parsed.scenarios.length, 4);
  assert.equal(parsed['runId'], 'run1');
});
