import type { Numbered } from '../../control/bounded-log.js';
import type { NotificationEntry } from '../../control/notification-log.js';
import { html, type Html } from '../../html/markup.js';
import { apiForm } from './panel-form.js';

/** Rows the live notifications list keeps on the page. */
export const NOTIFICATION_ROWS = 50;

/**
 * Notification rows, newest first: UTC, event (without `portos.`), action, resource name and id, version, the
 * writer's user name. The page's script builds the same cells from `GET /_mock/notifications` (panel-script.ts).
 */
export function notificationRows(entries: readonly Numbered<NotificationEntry>[]): Html {
  return html`${[...entries].reverse().map(({ seq, notification: n }) => {
    const { action, resource } = n.p;
    return html`<tr data-seq="${seq}" data-r="${n.r}">
<td class="time" title="${n.ca}">${n.ca.slice(11, 19)}</td><td title="${n.e}">${n.e.replace(/^portos\./, '')}</td><td>${action}</td>
<td class="url" title="${resource.name} ${resource.id}">${resource.name} ${resource.id}</td><td class="num">${resource.version ?? '—'}</td><td>${n.s?.u.userName ?? ''}</td></tr>`;
  })}`;
}

/** The live notifications: what the SignalR hub sent (everything, whatever a connection subscribed to). */
export function notificationsSection(
  entries: readonly Numbered<NotificationEntry>[],
  last: number,
  prefix: string,
): Html {
  return html`<section id="notifications" class="card">
<h2>Notifications <span class="live" title="what the SignalR hub sends, as it happens">live</span></h2>
${apiForm('DELETE', `${prefix}/notifications`, 'Notifications cleared', html`<button type="submit" class="quiet">Clear</button>`, 'Clear the notifications')}
<div class="scroll"><table class="log notifications">
<thead><tr><th>UTC</th><th>event</th><th>action</th><th>resource</th><th class="num">v</th><th>user</th></tr></thead>
<tbody id="notification-rows" data-since="${last}" data-feed="${prefix}/notifications" data-keep="${NOTIFICATION_ROWS}">${notificationRows(entries)}</tbody>
</table></div>
</section>`;
}
