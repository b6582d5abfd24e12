import type { Finding } from '../finding.js';
import { STATUS_NAMES, type ScenarioResult, type ScenarioStatus, type StepResult } from '../result.js';
import { diffTable, sideBySide, valueRows } from './html-diff.js';
import { html, type Html } from '../../html/markup.js';
import { packageRoot } from '../../spec/load-spec.js';
import { sourceHref, splitSource } from '../source-links.js';

/** The mark of each result (as the console reporter shows it), its word and its filter button. */
export const STATUS_LABEL: Record<ScenarioStatus, { mark: string; word: string; filter: string }> = {
  failed: { mark: '✗', word: 'failed', filter: 'Failed' },
  error: { mark: '!', word: STATUS_NAMES.error, filter: 'Could not run' },
  unconfirmed: { mark: '?', word: 'not confirmed', filter: 'Not confirmed' },
  passed: { mark: '✓', word: 'passed', filter: 'Passed' },
  skipped: { mark: '-', word: 'skipped', filter: 'Skipped' },
};

/** Results that need no reading: their cards start folded. */
const QUIET: ReadonlySet<ScenarioStatus> = new Set(['passed', 'skipped']);

const REQUIREMENT: Partial<Record<Finding['kind'], string>> = { schema: 'the spec requires:' };

function findingBlock(finding: Finding): Html {
  const path = finding.path === finding.kind ? '' : html` <code>${finding.path}</code>`;
  const head = html`<p class="finding-head"><span class="kind">${finding.kind}</span>${path} ${finding.message}</p>`;
  const comparable = finding.kind !== 'body' && (finding.expected !== undefined || finding.actual !== undefined);
  if (!comparable) return html`<div class="finding">${head}</div>`;
  const requirement = `${REQUIREMENT[finding.kind] ?? 'expected:'} ${finding.message}`;
  return html`<div class="finding">${head}${diffTable(valueRows(finding.expected, finding.actual, requirement))}</div>`;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function exchange(step: StepResult): Html {
  const sent = step.request;
  const got = step.response;
  return html`${sent === undefined ? '' : html`<details class="exchange"><summary>Request sent</summary><pre>${step.method} ${step.url}\n${headerLines(sent.headers)}${sent.body === undefined ? '' : `\n\n${sent.body}`}</pre></details>`}
${got === undefined ? '' : html`<details class="exchange"><summary>Response ${got.status}</summary><pre>${headerLines(got.headers)}\n\n${got.body}</pre></details>`}`;
}

function stepItem(step: StepResult): Html {
  const failed = step.findings.length > 0;
  const who = [step.as === 'anonymous' ? 'anonymous' : `as ${step.as}`, ...(step.lang === '' ? [] : [step.lang])].join(
    ' · ',
  );
  const line = html`<div class="request"><span class="step-mark">${failed ? '✗' : '✓'}</span> <span class="step-name">${step.index + 1}. ${step.name}</span>
<code class="http">${step.method} ${step.url}</code> <span class="who">${who}</span>${step.status === undefined ? '' : html` <span class="got">→ ${step.status}</span>`} <span class="ms">${step.durationMs} ms</span></div>`;
  if (!failed) return html`<li class="step passed">${line}</li>`;
  const body =
    step.bodyDiff === undefined
      ? ''
      : diffTable(sideBySide(step.bodyDiff), 'body (members the expectation does not name are left out)');
  return html`<li class="step failed">${line}${step.findings.map(findingBlock)}${body}${exchange(step)}</li>`;
}

/**
 * A scenario's `source:` with each link into the package's docs (docs/portos/, docs/decisions.md, CONTROL-API.md)
 * made a link to that file of the installed package; text that is not such a link stays as it was written.
 */
function sourceLinks(source: string): Html | string {
  const { items, unread } = splitSource(source);
  if (unread !== undefined) return source;
  const root = packageRoot();
  return html`${items.map((item, i) => {
    const href = sourceHref(item.link, root);
    const link = href === undefined ? item.link : html`<a href="${href}">${item.link}</a>`;
    return html`${i === 0 ? '' : ', '}${link}${item.note === undefined ? '' : ` (${item.note})`}`;
  })}`;
}

/** A scenario as a card: its result, file, basis and tags, then every step run (failing steps with their diffs). */
export function scenarioCard(result: ScenarioResult): Html {
  const label = STATUS_LABEL[result.status];
  return html`<details class="scenario ${result.status}" data-status="${result.status}" data-tags="${result.tags.join(' ')}"${QUIET.has(result.status) ? '' : html` open`}>
<summary><span class="mark" title="${label.word}">${label.mark}</span> <span class="name">${result.name}</span> <span class="file">${result.file}</span> <span class="basis ${result.basis}">${result.basis}</span>${result.tags.map((t) => html` <span class="tag">#${t}</span>`)} <span class="ms">${result.durationMs} ms</span></summary>
${result.source === undefined ? '' : html`<p class="source">Source: ${sourceLinks(result.source)}</p>`}${result.note === undefined ? '' : html`<p class="source">Skipped: ${result.note}</p>`}
<ol class="steps">${result.steps.map(stepItem)}</ol>
${result.skippedSteps > 0 ? html`<p class="not-run">${result.skippedSteps} later step(s) not run.</p>` : ''}
</details>`;
}
