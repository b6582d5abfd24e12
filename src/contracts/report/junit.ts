import { renderDiff } from '../diff.js';
import { STATUS_NAMES, type RunResult, type ScenarioResult } from '../result.js';
import type { LoadIssue } from '../scenario.js';
import { findingHead, formatIssue } from './console.js';

// JUnit XML as CI systems (GitLab, Jenkins, GitHub test reporters) render it: one <testsuite> per scenario file,
// one <testcase> per scenario; a broken contract is a <failure>, a scenario that could not run (no HTTP answer, or
// no credentials) an <error>.

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attributes (and drops characters XML 1.0 cannot hold). */
export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function details(result: ScenarioResult): string {
  const lines: string[] = [];
  for (const step of result.steps.filter((s) => s.findings.length > 0)) {
    lines.push(
      `step ${step.index + 1} "${step.name}" (as ${step.as}${step.lang === '' ? '' : `, lang ${step.lang}`}): ${step.method} ${step.url}${step.status === undefined ? '' : ` -> ${step.status}`}`,
    );
    for (const f of step.findings) {
      lines.push(`  ${findingHead(f)}`);
      if (f.kind !== 'body') lines.push(...renderDiff(f.expected, f.actual).map((l) => `      ${l}`));
    }
    if (step.bodyDiff !== undefined)
      lines.push('  body (- expected, + actual):', ...step.bodyDiff.map((l) => `    ${l}`));
    if (step.response !== undefined)
      lines.push(
        `  response ${step.response.status}:`,
        ...step.response.body
          .split('\n')
          .slice(0, 30)
          .map((l) => `    ${l}`),
      );
  }
  return lines.join('\n');
}

function testcase(result: ScenarioResult, probe: boolean): string {
  const open = `    <testcase classname="${xmlEscape(result.file)}" name="${xmlEscape(`${result.name} [${result.basis}]`)}" time="${seconds(result.durationMs)}"`;
  const first = result.steps.flatMap((s) => s.findings)[0];
  const message = xmlEscape(first === undefined ? '' : `${first.path}: ${first.message}`);
  const body = xmlEscape(details(result));
  switch (result.status) {
    case 'passed':
      return `${open}/>`;
    case 'failed':
      return `${open}>\n      <failure type="contract-broken" message="${message}">${body}</failure>\n    </testcase>`;
    case 'unconfirmed':
      return probe
        ? `${open}>\n      <skipped message="${STATUS_NAMES.unconfirmed}: ${message}"/>\n      <system-out>${body}</system-out>\n    </testcase>`
        : `${open}>\n      <failure type="assumption-not-confirmed" message="${message}">${body}</failure>\n    </testcase>`;
    case 'error':
      return `${open}>\n      <error type="could-not-run" message="${STATUS_NAMES.error}: ${message}">${body}</error>\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${xmlEscape(result.note ?? 'skipped')}"/>\n    </testcase>`;
  }
}

function issueCase(issue: LoadIssue): string {
  const name = xmlEscape(`${issue.path}${issue.scenario === undefined ? '' : ` (${issue.scenario})`}`);
  return `    <testcase classname="${xmlEscape(issue.file)}" name="${name}" time="0.000">\n      <error type="invalid-scenario" message="${xmlEscape(issue.message)}">${xmlEscape(formatIssue(issue))}</error>\n    </testcase>`;
}

function suite(
  name: string,
  cases: string[],
  counts: { tests: number; failures: number; errors: number; skipped: number; ms: number },
  timestamp: string,
): string {
  const attrs = `name="${xmlEscape(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(counts.ms)}" timestamp="${timestamp}"`;
  return `  <testsuite ${attrs}>\n${cases.join('\n')}\n  </testsuite>`;
}

/** The run as JUnit XML. */
export function formatJunitReport(result: RunResult): string {
  const timestamp = result.startedAt.replace(/\.\d+Z$/, '');
  const files = [...new Set(result.scenarios.map((s) => s.file))];
  const total = { tests: 0, failures: 0, errors: 0, skipped: 0, ms: result.durationMs };
  const suites = files.map((file) => {
    const list = result.scenarios.filter((s) => s.file === file);
    const counts = {
      tests: list.length,
      failures: list.filter((s) => s.status === 'failed' || (s.status === 'unconfirmed' && !result.probe)).length,
      errors: list.filter((s) => s.status === 'error').length,
      skipped: list.filter((s) => s.status === 'skipped' || (s.status === 'unconfirmed' && result.probe)).length,
      ms: list.reduce((sum, s) => sum + s.durationMs, 0),
    };
    total.tests += counts.tests;
    total.failures += counts.failures;
    total.errors += counts.errors;
    total.skipped += counts.skipped;
    return suite(
      file,
      list.map((s) => testcase(s, result.probe)),
      counts,
      timestamp,
    );
  });
  if (result.issues.length > 0) {
    suites.push(
      suite(
        'scenario files',
        result.issues.map(issueCase),
        { tests: result.issues.length, failures: 0, errors: result.issues.length, skipped: 0, ms: 0 },
        timestamp,
      ),
    );
    total.tests += result.issues.length;
    total.errors += result.issues.length;
  }
  const attrs = `name="portos-contracts" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}" time="${seconds(total.ms)}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ${attrs}>\n${suites.join('\n')}\n</testsuites>\n`;
}
