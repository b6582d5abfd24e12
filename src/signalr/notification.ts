import type { ChangeOrigin, ResourceChange } from '../control/change-feed.js';
import { writeDate } from '../dates/read-date.js';
import type { License } from '../domain/license.js';

/** A resource was created, updated or deleted (docs/portos/signalr.md#events). */
export const RESOURCES_CHANGED = 'portos.resources.changed';
/** The licence was activated (docs/portos/signalr.md#events): after each `POST /license/activate`. */
export const LICENCE_ACTIVATED = 'portos.licence.activated';

/** The events a client may subscribe to. */
export const HUB_EVENTS: readonly string[] = [RESOURCES_CHANGED, LICENCE_ACTIVATED];

/** Who caused a notification: the HTTP connection of the write and its user (docs/decisions.md#real-time-notifications). */
export interface NotificationSender {
  c: string;
  u: { userName: string; deviceName: string | null };
}

/** `ResourceInfo`, as in the error models. */
export interface ResourceInfo {
  name: string;
  id: string;
  version: number | null;
}

/** The payload of `portos.resources.changed`, the same as the webhooks'. */
export interface ResourceChangedPayload {
  action: ResourceChange['action'];
  resource: ResourceInfo;
}

/**
 * PORTOS's `Notification` with its short keys (docs/portos/signalr.md#notification): event, sender, reference,
 * created at, expires at, payload.
 */
export interface Notification<P = unknown> {
  e: string;
  s: NotificationSender | null;
  r: string;
  ca: string;
  ea: string | null;
  p: P;
}

/**
 * The notification of one customer change: `ca` the mock clock at the write (ISO, ms), `r` the origin's
 * reference, `s` its connection and user (null without credentials), `ea` null, `p` the action and the
 * `ResourceInfo` (`version`: the `_v` after the write, or the last one for a delete).
 */
export function toNotification(change: ResourceChange, origin: ChangeOrigin): Notification<ResourceChangedPayload> {
  return {
    e: RESOURCES_CHANGED,
    s: origin.user === null ? null : { c: origin.connection, u: { ...origin.user } },
    r: origin.reference,
    ca: new Date(change.at).toISOString(),
    ea: null,
    p: {
      action: change.action,
      resource: { name: change.name, id: change.id, version: change.after ?? change.before },
    },
  };
}

/**
 * The notification of a licence activation (docs/decisions.md#licence): `p` the licence as `GET /license` shows
 * it, `ca` the mock clock at the activation, `s` and `r` from the origin as for resource changes.
 */
export function toLicenceNotification(licence: License, origin: ChangeOrigin, atMs: number): Notification<License> {
  return {
    e: LICENCE_ACTIVATED,
    s: origin.user === null ? null : { c: origin.connection, u: { ...origin.user } },
    r: origin.reference,
    ca: writeDate(atMs),
    ea: null,
    p: licence,
  };
}
