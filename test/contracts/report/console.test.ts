import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatConsoleReport, formatProgress } from '../../../src/contracts/report/console.js';
import { sampleResult } from '../support/run-result.js';

test('progress: one line per scenario with a mark per status', () => {
  const lines = sampleResult().scenarios.map((s) => formatProgress(s));
  assert.deepEqual(
    lines.map((l) => l.trim().slice(0, 1)),
    ['✓', '✗', '?', '!'],
  );
  assert.match(lines[2] ?? '', /assumption not confirmed/);
});

test('report: issues, failures apart from unconfirmed assumptions, step, expectation, diff, cleanup, totals', () => {
  const text = formatConsoleReport(sampleResult());
  const order = [
    'Invalid scenarios or profiles (1):',
    'contracts/c.yaml:4:12  scenarios[0].basis (scenario "broken")',
    'Contract broken (doc scenarios) — 1:',
    'Assumptions not confirmed (decision scenarios) — 1:',
    'Could not run — 1:',
    'Cleanup: 3 created, 1 deleted, 1 already gone, 1 failed',
    '4 scenarios: 1 passed, 1 failed, 1 unconfirmed, 1 could not run',
  ];
  let at = 0;
  for (const part of order) {
    const found = text.indexOf(part, at);
    assert.ok(found >= at, `missing or out of order: ${part}\n${text}`);
    at = found;
  }
  assert.match(text, /step 1 "list" \(as viewer, lang en-GB\): GET \/customers\?\$take=3&x=<1> → 200/);
  assert.match(text, /✗ body\.count: expected 3, got 2/);
  assert.match(text, /✗ schema body\.totalCount: must be integer/);
  assert.match(text, /- {3}"count": 3\n\s+\+ {3}"count": 2/);
  assert.match(text, /\(2 later step\(s\) not run\)/);
  assert.match(text, /could not delete \/customers\/x \(as admin\): HTTP 500/);
  assert.doesNotMatch(text, /\u001b\[/, 'no colors unless asked');
});

test('report: colors on request; probe mode says decision failures do not fail the run', () => {
  assert.match(formatConsoleReport(sampleResult(), { color: true }), /\u001b\[31m/);
  assert.match(formatConsoleReport(sampleResult(true)), /1 unconfirmed \(probe: not failing the run\)/);
});
