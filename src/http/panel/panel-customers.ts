import type { Customer } from '../../domain/customer.js';
import { readableQueryPart, type CustomerSearch } from './customer-search.js';
import { html, type Html } from '../../html/markup.js';
import { apiForm } from './panel-form.js';

/** Queries to start from, each showing a piece of the NData syntax. */
export const EXAMPLE_QUERIES = [
  'DiscountRate=gte:10;lte:30&$sort=-discountRate',
  'IsExpired=true',
  'CardSerialNumber=startswith:CRD00',
  'ExternalId=notnull&$sort=lastName,-discountRate',
  'CreditRate=gt:0&$count=true',
] as const;

/** The panel's query string with `$skip` set to `skip` (the other parameters kept). */
export function withSkip(q: string, skip: number): string {
  const params = [...new URLSearchParams(q)].filter(([name]) => name.toLowerCase() !== '$skip');
  return [...params, ['$skip', String(skip)] as const]
    .map(([name, value]) => `${readableQueryPart(name)}=${readableQueryPart(value)}`)
    .join('&');
}

/** A link to the panel with this search and query. */
function panelLink(panel: string, search: string, q: string): string {
  const params = new URLSearchParams(search === '' ? { q } : { search, q });
  return `${panel}?${params.toString()}`;
}

function customerRow(c: Customer, locked: boolean, prefix: string): Html {
  const lock = locked
    ? apiForm(
        'DELETE',
        `${prefix}/locks/${encodeURIComponent(c.id)}`,
        `${c.id} unlocked`,
        html`<button type="submit" class="quiet">Unlock</button>`,
        `Unlock ${c.id}`,
      )
    : apiForm(
        'PUT',
        `${prefix}/locks/${encodeURIComponent(c.id)}`,
        `${c.id} locked: writes to it answer 423`,
        html`<button type="submit" class="quiet">Lock</button>`,
        `Lock ${c.id}`,
      );
  return html`<tr data-id="${c.id}"${locked ? html` class="locked"` : ''}>
<td><strong>${c.fullName}</strong>${c.company?.name == null ? '' : html`<br><span class="muted">${c.company.name}</span>`}<br><code class="id">${c.id}</code></td>
<td class="contact">${c.email ?? ''}<br><span class="muted">${c.phone ?? ''}</span></td>
<td class="num">${c.discountRate}</td><td class="num">${c.credit.amount}</td>
<td><span class="badge ${c.status}">${c.status}</span>${c.isActive ? '' : html` <span class="badge inactive">inactive</span>`}</td>
<td class="num">${c.cards.length}</td><td class="num">${c._v}</td>
<td class="actions">${lock}<details><summary>JSON</summary><pre>${JSON.stringify(c, null, 2)}</pre></details></td></tr>`;
}

function results(
  found: CustomerSearch['result'],
  locks: ReadonlySet<string>,
  form: { search: string; q: string; panel: string },
  prefix: string,
): Html {
  if (!found.ok)
    return html`<div class="problems" role="alert"><strong>400: the query is not valid</strong><ul>${found.problems.map((p) => html`<li><code>${p.member}</code> ${p.message}</li>`)}</ul></div>`;
  const link = (skip: number, label: string) =>
    html`<a href="${panelLink(form.panel, form.search, withSkip(form.q, skip))}">${label}</a>`;
  const first = found.skip + 1;
  const last = found.skip + found.items.length;
  const paging = html`<p class="paging">${found.count === 0 ? 'No customer matches' : html`${first}–${last} of <strong id="total-count">${found.totalCount}</strong>`}
${found.skip > 0 ? link(Math.max(0, found.skip - Math.max(found.items.length, 20)), '‹ previous') : ''} ${last < found.totalCount && found.items.length > 0 ? link(last, 'next ›') : ''}</p>`;
  if (found.countOnly)
    return html`<p class="paging">count ${found.count}, totalCount <strong id="total-count">${found.totalCount}</strong> (<code>$count=true</code> answers the counts only)</p>`;
  return html`${paging}<table class="customers">
<thead><tr><th>name · id</th><th>email · phone</th><th class="num">discount %</th><th class="num">credit</th><th>status</th><th class="num">cards</th><th class="num">_v</th><th></th></tr></thead>
<tbody>${found.items.map((c) => customerRow(c, locks.has(c.id), prefix))}</tbody></table>`;
}

/** Browse and search customers with the NData query `GET /customers` takes; the query run is shown as that request. */
export function customersSection(
  found: CustomerSearch,
  locks: ReadonlySet<string>,
  form: { search: string; q: string; panel: string; basePath: string },
  prefix: string,
): Html {
  return html`<section id="customers" class="card">
<h2>Customers</h2>
<form method="get" action="${form.panel}" class="search" role="search">
<label>Search <input name="search" value="${form.search}" placeholder="name, company, note…" size="20"></label>
<label>NData query <input name="q" value="${form.q}" placeholder="DiscountRate=gte:10&amp;$sort=lastName" size="36"></label>
<button type="submit">Run</button>
</form>
<p class="examples">Try: ${EXAMPLE_QUERIES.map((q) => html`<a href="${panelLink(form.panel, '', q)}"><code>${q}</code></a> `)}</p>
<p class="query">Same as <code id="query-shown">GET ${form.basePath}/customers?${found.query}</code></p>
${results(found.result, locks, form, prefix)}
</section>`;
}
