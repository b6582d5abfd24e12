import type { ClockState } from '../../control/controlled-clock.js';
import { SNAPSHOT_NAME_PATTERN, type Snapshot } from '../../control/snapshots.js';
import { html, type Html } from '../../html/markup.js';
import { apiForm, select } from './panel-form.js';

/** A lock's path below `/locks/`: `{segment}/{key}`, or a customer's bare id (src/control/lock-key.ts). */
function lockPath(lock: string): string {
  return lock.split('/').length === 1
    ? encodeURIComponent(lock)
    : `${lock.slice(0, lock.indexOf('/'))}/${encodeURIComponent(lock.slice(lock.indexOf('/') + 1))}`;
}

/**
 * Locks (writes to a locked item answer 423): customer ids and `{segment}/{key}` of other resources, each with
 * Unlock, and a form to lock an item of any resource (`segments`: customers first).
 */
export function locksSection(locks: readonly string[], segments: readonly string[], prefix: string): Html {
  const unlock = (id: string) =>
    apiForm(
      'DELETE',
      `${prefix}/locks/${lockPath(id)}`,
      `${id} unlocked`,
      html`<button type="submit" class="quiet">Unlock</button>`,
      `Unlock ${id}`,
    );
  return html`<section id="locks" class="card">
<h2>Locks</h2>
${locks.length === 0 ? html`<p class="muted">Nothing is locked.</p>` : html`<ul class="rules">${locks.map((id) => html`<li><code>${id}</code> ${unlock(id)}</li>`)}</ul>`}
${apiForm('PUT', `${prefix}/locks/{segment}/{key}`, 'Locked: writes to it answer 423', html`<div class="row"><label>${select('segment', segments, { selected: 'customers' })}</label><label>key <input name="key" required size="20" placeholder="id, name, category…"></label><button type="submit">Lock</button></div>`, 'Lock an item')}
</section>`;
}

function offset(ms: number): string {
  if (ms === 0) return 'real time';
  const abs = Math.abs(ms);
  const [value, unit] =
    abs >= 86_400_000
      ? [abs / 86_400_000, 'd']
      : abs >= 3_600_000
        ? [abs / 3_600_000, 'h']
        : abs >= 60_000
          ? [abs / 60_000, 'min']
          : [abs / 1000, 's'];
  return `${ms > 0 ? '+' : '−'}${Number(value.toFixed(1))} ${unit} from real time`;
}

/** The mock's clock (status, token expiry and the NWS4 window follow it): freeze, resume, advance, set, real time. */
export function clockSection(clock: ClockState, prefix: string): Html {
  const button = (action: string, label: string) =>
    apiForm(
      'POST',
      `${prefix}/clock/${action}`,
      `Clock: ${label.toLowerCase()}`,
      html`<button type="submit">${label}</button>`,
    );
  return html`<section id="clock" class="card">
<h2>Clock</h2>
<p><strong id="clock-now">${clock.now}</strong> <span class="muted">${clock.frozen ? 'frozen' : 'running'}, ${offset(clock.offsetMs)}</span></p>
<div class="row">${clock.frozen ? button('resume', 'Resume') : button('freeze', 'Freeze')}
${clock.frozen || clock.offsetMs !== 0 ? apiForm('POST', `${prefix}/clock/reset`, 'Clock: back to real time', html`<button type="submit" class="quiet">Real time</button>`, 'Back to real time') : ''}
${apiForm('POST', `${prefix}/clock/advance`, 'Clock advanced', html`<label>by <input name="by" required size="7" value="1d" title="1d, -2h, 1h30m, 500ms"></label><button type="submit">Advance</button>`, 'Advance the clock')}
${apiForm('POST', `${prefix}/clock/set`, 'Clock set', html`<label>to <input name="at" required size="20" placeholder="2030-01-01T00:00:00Z"></label><button type="submit">Set</button>`, 'Set the clock')}</div>
</section>`;
}

/** Every resource with its item count and a download of its items (`GET /_mock/{segment}`, sent with the token). */
export function resourcesSection(counts: Readonly<Record<string, number>>, prefix: string): Html {
  const row = ([segment, count]: [string, number]) =>
    html`<li><a href="${prefix}/${segment}" download="${segment}.json">${segment}</a> <span class="muted">${count}</span></li>`;
  return html`<section id="resources" class="card">
<h2>Resources</h2>
<ul class="rules">${Object.entries(counts).map(row)}</ul>
</section>`;
}

/** Reset to the seed, and named snapshots: take, restore, download, delete. */
export function dataSection(
  snapshots: readonly Snapshot[],
  counts: { customers: number; storeVersion: number },
  prefix: string,
): Html {
  const row = (
    s: Snapshot,
  ) => html`<li><code>${s.name}</code> <span class="muted">${s.data.customers.length} customers, ${new Date(s.takenAt).toISOString()}</span>
${apiForm('POST', `${prefix}/snapshots/${s.name}/restore`, `Snapshot ${s.name} restored`, html`<button type="submit">Restore</button>`, `Restore ${s.name}`)}
<a href="${prefix}/snapshots/${s.name}" download="${s.name}.json">Download</a>
${apiForm('DELETE', `${prefix}/snapshots/${s.name}`, `Snapshot ${s.name} deleted`, html`<button type="submit" class="quiet">Delete</button>`, `Delete ${s.name}`)}</li>`;
  return html`<section id="data" class="card">
<h2>Data</h2>
<p>${counts.customers} customers, store version ${counts.storeVersion} · <a href="${prefix}/state" download="portos-state.json">Download all</a></p>
${apiForm('POST', `${prefix}/reset`, 'Reset to the seed', html`<div class="row"><label>seed <input name="seed" data-type="number" type="number" size="6" placeholder="same"></label><label>count <input name="count" data-type="number" type="number" min="0" size="6" placeholder="same"></label><button type="submit" class="danger">Reset</button></div>`, 'Reset the data', { confirm: `Replace all ${counts.customers} customers with freshly seeded ones? Every other resource goes back to its seed too; snapshots, faults, locks and the clock stay.` })}
<h3>Snapshots</h3>
${snapshots.length === 0 ? html`<p class="muted">None yet.</p>` : html`<ul class="rules">${snapshots.map(row)}</ul>`}
${apiForm('PUT', `${prefix}/snapshots/{name}`, 'Snapshot taken', html`<div class="row"><label>name <input name="name" required size="16" pattern="${SNAPSHOT_NAME_PATTERN}" placeholder="before-test"></label><button type="submit">Take snapshot</button></div>`, 'Take a snapshot')}
</section>`;
}
