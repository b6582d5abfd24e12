import { createHmac } from 'node:crypto';
import type { ResourceChange } from './change-feed.js';

/** The header PORTOS signs webhooks with (https://developers.portos.sk/notifications/webhooks). */
export const SIGNATURE_HEADER = 'X-PORTOS-WEBHOOK-SIGNATURE';

/**
 * A webhook notification: the SignalR `Notification` envelope with its short keys
 * (https://developers.portos.sk/notifications/signalr: `e` event, `ca` created at, `r` reference, `p` payload),
 * the payload naming the action and the `ResourceInfo` of the item (`version`: the `_v` after the write, or
 * the last one for a delete).
 */
export interface WebhookPayload {
  e: 'portos.resources.changed';
  ca: string;
  /** The delivery id (the same on every retry of one notification). */
  r: string;
  p: {
    action: ResourceChange['action'];
    resource: { name: string; id: string; version: number | null };
  };
}

export function webhookPayload(change: ResourceChange, deliveryId: string): WebhookPayload {
  return {
    e: 'portos.resources.changed',
    ca: new Date(change.at).toISOString(),
    r: deliveryId,
    p: {
      action: change.action,
      resource: { name: change.name, id: change.id, version: change.after ?? change.before },
    },
  };
}

/** HMAC-SHA256 of the exact body bytes keyed with the secret, as lowercase hex (the docs leave the encoding open). */
export function signWebhook(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex');
}
