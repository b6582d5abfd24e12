// The HTML report's stylesheet and script, inlined into the page so the file opens anywhere without a network.

/** Failures read like the console's diff: expected in green on the left, actual in red on the right. */
export const REPORT_STYLE = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --err: #8250df; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #f6f8fa; }
header { position: sticky; top: 0; z-index: 2; padding: 12px 24px 8px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 4px; font-size: 20px; }
h2 { font-size: 16px; margin: 20px 0 8px; }
main { padding: 0 24px 40px; max-width: 1400px; }
code, pre, .diff td { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
.meta, .note, .source, .not-run, .ms, .who, .file { color: var(--muted); }
.meta { margin: 0 0 6px; }
.verdict { font-size: 13px; padding: 2px 8px; border-radius: 10px; color: #fff; vertical-align: middle; }
.verdict.exit-0 { background: var(--ok); } .verdict.exit-1, .verdict.exit-2 { background: var(--bad); }
.counts { margin: 0 0 8px; }
.count { display: inline-block; margin-right: 10px; font-weight: 600; }
.count.skipped { color: var(--muted); } .count.passed { color: var(--ok); } .count.failed { color: var(--bad); } .count.unconfirmed { color: var(--warn); } .count.error { color: var(--err); }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
.filters button { margin-right: 4px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 14px; background: #fff; font: inherit; cursor: pointer; }
.filters button[aria-pressed="true"] { background: #0969da; border-color: #0969da; color: #fff; }
.filters select { font: inherit; }
.filters output { color: var(--muted); }
.scenario { margin: 8px 0; background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; }
.scenario.failed { border-left-color: var(--bad); } .scenario.error { border-left-color: var(--err); }
.scenario.unconfirmed { border-left-color: var(--warn); } .scenario.passed { border-left-color: var(--ok); }
.scenario.skipped { border-left-color: #8c959f; }
.scenario > summary { padding: 8px 12px; cursor: pointer; }
.scenario > :not(summary) { margin-left: 16px; margin-right: 16px; }
.mark { display: inline-block; width: 1.2em; font-weight: 700; text-align: center; }
.failed .mark { color: var(--bad); } .error .mark { color: var(--err); } .unconfirmed .mark { color: var(--warn); } .passed .mark { color: var(--ok); }
.name { font-weight: 600; }
.basis, .tag { font-size: 12px; padding: 0 6px; border-radius: 8px; background: #eaeef2; }
.basis.decision { background: #fff8c5; }
.steps { padding-left: 0; list-style: none; }
.step { padding: 6px 0; border-top: 1px solid #eaeef2; }
.step.passed .step-mark { color: var(--ok); } .step.failed .step-mark { color: var(--bad); }
.step-name { font-weight: 600; }
.http { padding: 1px 6px; background: #eaeef2; border-radius: 4px; }
.got { font-weight: 600; }
.finding { margin: 6px 0 6px 20px; }
.finding-head { margin: 4px 0; }
.kind { font-size: 12px; padding: 0 6px; border-radius: 8px; background: #ffebe9; color: var(--bad); font-weight: 600; }
.diff { width: calc(100% - 20px); margin: 4px 0 8px 20px; border-collapse: collapse; table-layout: fixed; }
.diff caption { text-align: left; color: var(--muted); font-size: 12px; }
.diff th { width: 50%; text-align: left; padding: 2px 8px; background: #eaeef2; font-weight: 600; }
.diff td { padding: 0 8px; white-space: pre-wrap; word-break: break-word; vertical-align: top; border-left: 1px solid var(--line); }
.diff td.expected.changed { background: #dafbe1; } .diff td.actual.changed { background: #ffebe9; }
.diff tr.gap td { color: var(--muted); text-align: center; background: #f6f8fa; }
.exchange { margin: 4px 0 4px 20px; }
.exchange summary { cursor: pointer; color: #0969da; }
.exchange pre { margin: 4px 0; padding: 8px; max-height: 320px; overflow: auto; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; }
.issues { padding: 4px 12px; background: #fbefff; border: 1px solid var(--err); border-radius: 6px; }
footer { margin-top: 20px; color: var(--muted); }
[hidden] { display: none !important; }
`;

/** Filters by result (one at a time) and by tag; empty sections hide; the count of shown scenarios updates. */
export const REPORT_SCRIPT = `
(function () {
  var result = 'all';
  var tag = '';
  var cards = Array.prototype.slice.call(document.querySelectorAll('.scenario'));
  function shows(card) {
    var status = card.getAttribute('data-status');
    var problem = status === 'failed' || status === 'error' || status === 'unconfirmed';
    var byResult = result === 'all' || (result === 'problems' ? problem : status === result);
    var byTag = tag === '' || card.getAttribute('data-tags').split(' ').indexOf(tag) >= 0;
    return byResult && byTag;
  }
  function apply() {
    var shown = 0;
    cards.forEach(function (card) { card.hidden = !shows(card); if (!card.hidden) shown++; });
    document.querySelectorAll('section.results').forEach(function (section) {
      section.hidden = section.querySelector('.scenario:not([hidden])') === null;
    });
    document.querySelectorAll('[data-result]').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.getAttribute('data-result') === result));
    });
    document.getElementById('shown').textContent = 'Showing ' + shown + ' of ' + cards.length + ' scenarios';
  }
  document.querySelectorAll('[data-result]').forEach(function (button) {
    button.addEventListener('click', function () { result = button.getAttribute('data-result'); apply(); });
  });
  document.getElementById('tag-filter').addEventListener('change', function (event) { tag = event.target.value; apply(); });
  apply();
})();
`;
