import type { Numbered } from '../../control/bounded-log.js';
import type { RequestRecord } from '../../control/request-record.js';
import { html, type Html } from '../../html/markup.js';
import { apiForm } from './panel-form.js';

/** Rows the live request log keeps on the page. */
export const REQUEST_ROWS = 50;

const statusClass = (status: number | null) => (status === null ? 's-none' : `s-${Math.floor(status / 100)}xx`);

/** Request log rows, newest first: the page renders them and the script fetches more of the same. */
export function requestRows(records: readonly Numbered<RequestRecord>[]): Html {
  return html`${[...records].reverse().map(
    (r) => html`<tr data-seq="${r.seq}">
<td class="time" title="${r.at}">${r.at.slice(11, 19)}</td><td class="url" title="${r.method} ${r.url}">${r.method} ${r.url}</td>
<td class="status ${statusClass(r.status)}">${r.status ?? '—'}</td><td class="num">${r.latencyMs.toFixed(1)}</td>
<td>${r.identity ?? ''}</td><td class="faults">${r.faults.join(', ')}${r.outcome === 'completed' ? '' : html` <em>${r.outcome}</em>`}</td></tr>`,
  )}`;
}

/** The live request log: what reached the PORTOS routes, with status and latency; the script adds new rows. */
export function requestsSection(records: readonly Numbered<RequestRecord>[], prefix: string, panel: string): Html {
  const last = records[records.length - 1]?.seq ?? 0;
  return html`<section id="requests" class="card">
<h2>Request log <span class="live" title="new requests appear as they come">live</span></h2>
${apiForm('DELETE', `${prefix}/requests`, 'Request log cleared', html`<button type="submit" class="quiet">Clear</button>`, 'Clear the request log')}
<div class="scroll"><table class="log">
<thead><tr><th>UTC</th><th>request</th><th>status</th><th class="num">ms</th><th>user</th><th>faults</th></tr></thead>
<tbody id="request-rows" data-since="${last}" data-feed="${panel}/requests" data-keep="${REQUEST_ROWS}">${requestRows(records)}</tbody>
</table></div>
</section>`;
}
