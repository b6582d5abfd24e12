import { exitCode, tally, SCENARIO_STATUSES, type RunResult, type ScenarioStatus } from '../result.js';
import { formatIssue } from './console.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './html-assets.js';
import { html, raw, type Html } from '../../html/markup.js';
import { scenarioCard, STATUS_LABEL } from './html-scenario.js';

/** The sections in reading order: what needs attention first, the passes last and closed. */
const SECTIONS: { status: ScenarioStatus; title: string; note: string }[] = [
  {
    status: 'failed',
    title: 'Contract broken',
    note: 'doc scenarios: the PORTOS documentation says one thing, the server did another.',
  },
  {
    status: 'error',
    title: 'Could not run',
    note: 'no HTTP answer arrived (refused, reset, timeout, TLS, DNS) or a log-in failed, so the scenario says nothing about the contract.',
  },
  {
    status: 'unconfirmed',
    title: 'Decisions the server did not confirm',
    note: 'decision scenarios check what the mock decided where the documentation is silent; a real server that answers otherwise made another choice (--probe reports these without failing the run).',
  },
  {
    status: 'skipped',
    title: 'Skipped',
    note: 'scenarios that need what this server lacks (the mock control API, /_mock); they do not fail the run.',
  },
  { status: 'passed', title: 'Passed', note: '' },
];

const EXIT_MEANING = {
  0: 'everything passed',
  1: 'a contract is broken (or, without --probe, a decision not confirmed)',
  2: 'scenarios that could not run, or invalid scenarios',
} as const;

const FILTERS: { value: string; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'problems', label: 'Not passed' },
  ...SCENARIO_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s].filter })),
];

function summary(result: RunResult): Html {
  const counts = tally(result);
  const code = exitCode(result);
  const count = (value: string) =>
    value === 'all'
      ? result.scenarios.length
      : value === 'problems'
        ? counts.failed + counts.error + counts.unconfirmed
        : counts[value as ScenarioStatus];
  const tags = [...new Set(result.scenarios.flatMap((s) => s.tags))].sort();
  return html`<header>
<h1>Contract report <span class="verdict exit-${code}">${code === 0 ? 'passed' : 'failed'}</span></h1>
<p class="meta">${result.baseUrl} · started ${result.startedAt} · ${(result.durationMs / 1000).toFixed(1)} s · run ${result.runId}${result.probe ? ' · --probe' : ''} · exit code ${code}: ${EXIT_MEANING[code]}</p>
<p class="counts">${SCENARIO_STATUSES.map((s) => html`<span class="count ${s}">${counts[s]} ${STATUS_LABEL[s].word}</span> `)}${result.issues.length > 0 ? html`<span class="count error">${result.issues.length} invalid scenario(s)</span>` : ''}</p>
<nav class="filters" aria-label="Filter scenarios">
<span role="group" aria-label="Result">${FILTERS.map((f) => html`<button type="button" data-result="${f.value}" aria-pressed="${f.value === 'all' ? 'true' : 'false'}">${f.label} <b>${count(f.value)}</b></button>`)}</span>
<label>Tag <select id="tag-filter"><option value="">any</option>${tags.map((t) => html`<option value="${t}">#${t}</option>`)}</select></label>
<output id="shown">Showing ${result.scenarios.length} of ${result.scenarios.length} scenarios</output>
</nav>
</header>`;
}

function issuesSection(result: RunResult): Html | '' {
  if (result.issues.length === 0) return '';
  return html`<section class="issues"><h2>Invalid scenarios or profiles — ${result.issues.length}</h2><ul>${result.issues.map((i) => html`<li><code>${formatIssue(i)}</code></li>`)}</ul></section>`;
}

function cleanupLine(result: RunResult): Html | '' {
  const c = result.cleanup;
  if (c.attempted === 0) return '';
  return html`<footer><p>Cleanup: ${c.attempted} created, ${c.deleted} deleted, ${c.alreadyGone} already gone, ${c.failed.length} failed.</p>${c.failed.length > 0 ? html`<ul>${c.failed.map((f) => html`<li>could not delete <code>${f.path}</code> (as ${f.as}): ${f.reason}</li>`)}</ul>` : ''}</footer>`;
}

/**
 * The run as one self-contained HTML page (styles and script inline, nothing loaded from anywhere): the summary,
 * then broken contracts, runs that could not start and unconfirmed decisions, each with its steps and a side-by-side
 * diff per failure, the passes last; filter by result and by tag.
 */
export function formatHtmlReport(result: RunResult): string {
  const sections = SECTIONS.map(({ status, title, note }) => {
    const list = result.scenarios.filter((s) => s.status === status);
    if (list.length === 0) return '';
    return html`<section class="results ${status}" data-section="${status}"><h2>${title} — ${list.length}</h2>${note === '' ? '' : html`<p class="note">${note}</p>`}${list.map(scenarioCard)}</section>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contract report · ${result.baseUrl}</title>
<style>${raw(REPORT_STYLE)}</style>
</head>
<body>
${summary(result)}
<main>
${issuesSection(result)}
${sections}
${cleanupLine(result)}
</main>
<script>${raw(REPORT_SCRIPT)}</script>
</body>
</html>
`.text;
}
