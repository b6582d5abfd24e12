import { describeFault, FAULT_KIND_NAMES } from '../../control/fault-kinds.js';
import { FAULT_STATUSES } from '../../control/fault-problems.js';
import type { FaultRule, FaultScope } from '../../control/fault-rules.js';
import { SCOPE_METHODS } from '../../control/parse-fault.js';
import { ROUTE_NAME_LIST } from '../../control/route-names.js';
import { html, type Html } from '../../html/markup.js';
import { apiForm, select } from './panel-form.js';

function scopeText(scope: FaultScope): string {
  const parts = [
    scope.method ?? 'any method',
    scope.route ?? 'any route',
    ...(scope.id === undefined ? [] : [`id ${scope.id}`]),
    ...(scope.share === undefined ? [] : [`${Math.round(scope.share * 100)}% of requests`]),
  ];
  return parts.join(' · ');
}

function ruleRow(rule: FaultRule, prefix: string): Html {
  const left = rule.remaining === null ? '' : `, ${rule.remaining} left`;
  return html`<li data-fault="${rule.id}"><code>${describeFault(rule.fault)}</code> on ${scopeText(rule.scope)} <span class="muted">(hit ${rule.hits}×${left})</span>
${apiForm('DELETE', `${prefix}/faults/${encodeURIComponent(rule.id)}`, `Fault ${rule.id} removed`, html`<button type="submit" class="quiet">Remove</button>`, `Remove fault ${rule.id}`)}</li>`;
}

/** Fault rules: the ones set (with hits) and a form that adds one (`POST /_mock/faults`). */
export function faultsSection(rules: readonly FaultRule[], prefix: string, header: string): Html {
  const form = html`<div class="row">
<label>Fault ${select('kind', FAULT_KIND_NAMES, { selected: 'status' })}</label>
<label data-kind="status">status ${select('status', FAULT_STATUSES.map(String), { selected: '500', number: true })}</label>
<label data-kind="latency">ms <input name="ms" data-type="number" type="number" min="0" value="300" size="6"></label>
<label data-kind="truncate">bytes <input name="bytes" data-type="number" type="number" min="0" placeholder="half" size="6"></label>
</div><div class="row">
<label>on ${select('scope.method', SCOPE_METHODS, { empty: 'any method' })}</label>
<label>${select('scope.route', ROUTE_NAME_LIST, { empty: 'any route' })}</label>
<label>id <input name="scope.id" size="8" placeholder="any"></label>
<label>times <input name="scope.times" data-type="number" type="number" min="1" size="4" placeholder="∞"></label>
<button type="submit">Add fault</button>
</div>`;
  return html`<section id="faults" class="card">
<h2>Faults</h2>
${rules.length === 0 ? html`<p class="muted">None: every request is answered normally.</p>` : html`<ul class="rules">${rules.map((r) => ruleRow(r, prefix))}</ul>${apiForm('DELETE', `${prefix}/faults`, 'All faults removed', html`<button type="submit" class="quiet">Remove all</button>`)}`}
${apiForm('POST', `${prefix}/faults`, 'Fault added', form, 'Add a fault')}
<p class="hint">Or per request: header <code>${header}: status=500</code>, <code>latency=300</code>, <code>drop</code>, <code>truncate=10</code>.</p>
</section>`;
}
