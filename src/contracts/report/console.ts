import { renderDiff } from '../diff.js';
import type { Finding } from '../finding.js';
import {
  STATUS_NAMES,
  tally,
  type RunResult,
  type ScenarioResult,
  type ScenarioStatus,
  type StepResult,
} from '../result.js';
import type { LoadIssue } from '../scenario.js';

export interface ConsoleOptions {
  color?: boolean;
  /** Findings shown per step before "... and N more". */
  maxFindings?: number;
}

const CODES = { red: 31, green: 32, yellow: 33, magenta: 35, dim: 2, bold: 1 } as const;
type Color = keyof typeof CODES;

function painter(on: boolean): (color: Color, text: string) => string {
  return (color, text) => (on ? `\u001b[${CODES[color]}m${text}\u001b[0m` : text);
}

const MARK: Record<ScenarioStatus, [string, Color]> = {
  passed: ['✓', 'green'],
  failed: ['✗', 'red'],
  unconfirmed: ['?', 'yellow'],
  error: ['!', 'magenta'],
  skipped: ['-', 'dim'],
};

/** One line per finished scenario, printed while the run goes on. */
export function formatProgress(result: ScenarioResult, options: ConsoleOptions = {}): string {
  const paint = painter(options.color ?? false);
  const [mark, color] = MARK[result.status];
  const note =
    result.status === 'unconfirmed' || result.status === 'error'
      ? ` (${STATUS_NAMES[result.status]})`
      : result.status === 'skipped'
        ? ` (skipped: ${result.note ?? ''})`
        : '';
  return `  ${paint(color, mark)} ${result.id}${paint('dim', ` [${result.basis}] ${result.durationMs} ms`)}${note}`;
}

/** `file:line:col  path (scenario "x"): message`. */
export function formatIssue(issue: LoadIssue): string {
  const at = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const scenario = issue.scenario === undefined ? '' : ` (scenario "${issue.scenario}")`;
  return `${at}  ${issue.path}${scenario}: ${issue.message}`;
}

function indent(lines: readonly string[], by: string): string[] {
  return lines.map((l) => by + l);
}

/** `kind path: message`, the kind left out when the path already says it. */
export function findingHead(finding: Finding): string {
  const root = finding.path.split(/[.[]/)[0] ?? '';
  const kind =
    root === finding.kind ||
    (finding.kind === 'header' && root === 'headers') ||
    (finding.kind === 'title' && root === 'body')
      ? ''
      : `${finding.kind} `;
  return `${kind}${finding.path}: ${finding.message}`;
}

function colorDiff(diff: readonly string[], paint: ReturnType<typeof painter>): string[] {
  return diff.map((l) => (l.startsWith('-') ? paint('green', l) : l.startsWith('+') ? paint('red', l) : l));
}

function stepLines(step: StepResult, options: ConsoleOptions, paint: ReturnType<typeof painter>): string[] {
  const who = [
    step.as === 'anonymous' ? 'anonymous' : `as ${step.as}`,
    ...(step.lang === '' ? [] : [`lang ${step.lang}`]),
  ].join(', ');
  const status = step.status === undefined ? '' : ` → ${step.status}`;
  const out = [`step ${step.index + 1} "${step.name}" (${who}): ${step.method} ${step.url}${status}`];
  const max = options.maxFindings ?? 8;
  for (const finding of step.findings.slice(0, max)) {
    out.push(`  ${paint('red', '✗')} ${findingHead(finding)}`);
    const diff = finding.kind === 'body' ? [] : renderDiff(finding.expected, finding.actual);
    if (diff.length > 0) out.push(...indent(['(- expected, + actual)', ...colorDiff(diff, paint)], '      '));
  }
  if (step.findings.length > max) out.push(`  ... and ${step.findings.length - max} more findings`);
  if (step.bodyDiff !== undefined) {
    out.push(`  body (- expected, + actual; members the expectation does not name are left out):`);
    out.push(...indent(colorDiff(step.bodyDiff.slice(0, 60), paint), '    '));
    if (step.bodyDiff.length > 60) out.push(`    ... (${step.bodyDiff.length - 60} more lines)`);
  } else if (step.response !== undefined) {
    const type = step.response.headers['content-type'] ?? '';
    const body = step.response.body.split('\n');
    out.push(
      paint('dim', `  response ${step.response.status} ${type}`),
      ...indent(body.slice(0, 20), '    ').map((l) => paint('dim', l)),
    );
    if (body.length > 20) out.push(paint('dim', `    ... (${body.length - 20} more lines)`));
  }
  return out;
}

function scenarioBlock(
  result: ScenarioResult,
  n: number,
  options: ConsoleOptions,
  paint: ReturnType<typeof painter>,
): string[] {
  const out = [
    `${n}) ${paint('bold', result.id)} [${result.basis}]${result.source === undefined ? '' : ` — ${result.source}`}`,
  ];
  for (const step of result.steps.filter((s) => s.findings.length > 0))
    out.push(...indent(stepLines(step, options, paint), '   '));
  if (result.skippedSteps > 0) out.push(paint('dim', `   (${result.skippedSteps} later step(s) not run)`));
  return out;
}

/** Skipped scenarios by their note: the note once, then the scenarios. */
function skippedLines(list: readonly ScenarioResult[], paint: ReturnType<typeof painter>): string[] {
  const notes = [...new Set(list.map((s) => s.note ?? 'skipped'))];
  return notes.flatMap((note) => [
    `  ${note}:`,
    ...list.filter((s) => (s.note ?? 'skipped') === note).map((s) => paint('dim', `    - ${s.id}`)),
  ]);
}

const SECTIONS: [ScenarioStatus, string][] = [
  ['failed', 'Contract broken (doc scenarios)'],
  ['unconfirmed', 'Assumptions not confirmed (decision scenarios)'],
  ['error', 'Could not run'],
  ['skipped', 'Skipped (not failing the run)'],
];

/** The end-of-run report: issues, each failure with step, expectation and diff, cleanup, totals. */
export function formatConsoleReport(result: RunResult, options: ConsoleOptions = {}): string {
  const paint = painter(options.color ?? false);
  const out: string[] = [];
  if (result.issues.length > 0) {
    out.push(
      '',
      paint('magenta', `Invalid scenarios or profiles (${result.issues.length}):`),
      ...indent(result.issues.map(formatIssue), '  '),
    );
  }
  for (const [status, title] of SECTIONS) {
    const list = result.scenarios.filter((s) => s.status === status);
    if (list.length === 0) continue;
    out.push('', paint(MARK[status][1], `${title} — ${list.length}:`));
    if (status === 'skipped') out.push(...skippedLines(list, paint), '');
    else list.forEach((s, i) => out.push(...indent(scenarioBlock(s, i + 1, options, paint), '  '), ''));
  }
  const c = result.cleanup;
  if (c.attempted > 0) {
    out.push(
      `Cleanup: ${c.attempted} created, ${c.deleted} deleted, ${c.alreadyGone} already gone, ${c.failed.length} failed`,
    );
    out.push(...c.failed.map((f) => `  could not delete ${f.path} (as ${f.as}): ${f.reason}`));
  }
  const t = tally(result);
  const probe = result.probe && t.unconfirmed > 0 ? ' (probe: not failing the run)' : '';
  const parts = [
    paint('green', `${t.passed} passed`),
    paint(t.failed > 0 ? 'red' : 'dim', `${t.failed} failed`),
    paint(t.unconfirmed > 0 ? 'yellow' : 'dim', `${t.unconfirmed} unconfirmed${probe}`),
    paint(t.error > 0 ? 'magenta' : 'dim', `${t.error} ${STATUS_NAMES.error}`),
    ...(t.skipped > 0 ? [paint('dim', `${t.skipped} skipped`)] : []),
  ];
  out.push(
    `${result.scenarios.length} scenarios: ${parts.join(', ')}  (${(result.durationMs / 1000).toFixed(1)} s, run ${result.runId}, ${result.baseUrl})`,
  );
  return `${out.join('\n')}\n`;
}
