import { toNotification, type Notification, type ResourceChangedPayload } from '../signalr/notification.js';
import type { BoundedLog } from './bounded-log.js';
import { isResourceChange, type ChangeFeed } from './change-feed.js';

/** One entry of the notifications log: a Notification exactly as the hub sends it. */
export interface NotificationEntry {
  notification: Notification<ResourceChangedPayload>;
}

/**
 * Keeps in `log` every Notification the hub sends (src/control/CONTROL-API.md#notifications), built from the change
 * feed by the hub's own mapping: one per create, update and delete through the PORTOS routes (those carry an
 * origin, whose reference is the Notification's `r`), nothing for loads, resets and restores. Everything, not what
 * one connection's filter lets through. Returns the unsubscribe.
 */
export function recordNotifications(feed: ChangeFeed, log: BoundedLog<NotificationEntry>): () => void {
  return feed.subscribe((change, origin) => {
    if (isResourceChange(change) && origin !== null) log.push({ notification: toNotification(change, origin) });
  });
}
