import { parseEvent, parseSubscription, type Subscription } from './subscription.js';

/** A hub method: how many arguments it binds and what it does to the connection's subscriptions. */
export interface HubMethod {
  minArguments: number;
  maxArguments: number;
  /** Throws `SubscriptionError` for arguments that bind but do not fit; returns the result (undefined: void). */
  run(subscriptions: Map<string, Subscription>, args: readonly unknown[]): unknown;
}

/**
 * The hub's methods by lower-case name (names match case-insensitively, as in ASP.NET):
 * docs/decisions.md#real-time-notifications.
 */
export const HUB_METHODS: ReadonlyMap<string, HubMethod> = new Map<string, HubMethod>([
  [
    'subscribe',
    {
      minArguments: 1,
      maxArguments: 2,
      run(subscriptions, [event, options]) {
        const subscription = parseSubscription(event, options);
        subscriptions.set(subscription.event, subscription);
        return undefined;
      },
    },
  ],
  [
    'unsubscribe',
    {
      minArguments: 1,
      maxArguments: 1,
      run(subscriptions, [event]) {
        subscriptions.delete(parseEvent(event));
        return undefined;
      },
    },
  ],
]);
