import { HUB_TEXTS } from './hub-texts.js';
import { HUB_EVENTS, RESOURCES_CHANGED } from './notification.js';

/** One `SubscriptionRequestResource`: a resource name and, optionally, the ids wanted (all when empty). */
export interface ResourceFilter {
  /** Lower case: names compare case-insensitively. */
  name: string;
  ids: ReadonlySet<string>;
}

/** What a connection wants of one event: every resource (`resources` null) or the listed ones. */
export interface Subscription {
  event: string;
  resources: readonly ResourceFilter[] | null;
}

/** A Subscribe or Unsubscribe argument that does not fit; its message goes into the HubException text. */
export class SubscriptionError extends Error {}

/** The event argument: one of the hub's events (compared exactly, as PORTOS spells them). */
export function parseEvent(value: unknown): string {
  if (typeof value !== 'string') throw new SubscriptionError(HUB_TEXTS.eventNotString);
  if (!HUB_EVENTS.includes(value)) throw new SubscriptionError(HUB_TEXTS.unknownEvent(value, HUB_EVENTS));
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseResource(item: unknown, index: number): ResourceFilter {
  if (!isRecord(item)) throw new SubscriptionError(HUB_TEXTS.resourceNotObject(index));
  const { name, ids } = item;
  if (typeof name !== 'string' || name === '') throw new SubscriptionError(HUB_TEXTS.resourceName(index));
  if (ids !== undefined && ids !== null && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
    throw new SubscriptionError(HUB_TEXTS.resourceIds(index));
  }
  return { name: name.toLowerCase(), ids: new Set(Array.isArray(ids) ? (ids as string[]) : []) };
}

/**
 * `Subscribe(event, options?)`'s arguments as a subscription (docs/decisions.md#real-time-notifications):
 * options absent or null, `resources` absent, null or empty = everything; the licence event ignores options.
 */
export function parseSubscription(event: unknown, options: unknown): Subscription {
  const name = parseEvent(event);
  if (name !== RESOURCES_CHANGED) return { event: name, resources: null };
  if (options === undefined || options === null) return { event: name, resources: null };
  if (!isRecord(options)) throw new SubscriptionError(HUB_TEXTS.optionsNotObject);
  const { resources } = options;
  if (resources === undefined || resources === null) return { event: name, resources: null };
  if (!Array.isArray(resources)) throw new SubscriptionError(HUB_TEXTS.resourcesNotArray);
  const filters = resources.map(parseResource);
  return { event: name, resources: filters.length === 0 ? null : filters };
}

/** Whether a change of resource `name` with key `id` passes the subscription's filter. */
export function passes(subscription: Subscription, name: string, id: string): boolean {
  if (subscription.resources === null) return true;
  const lower = name.toLowerCase();
  return subscription.resources.some((item) => item.name === lower && (item.ids.size === 0 || item.ids.has(id)));
}
