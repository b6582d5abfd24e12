import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { ConfigInput } from '../../src/config/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { type MockOptions, startMock, type RunningMock } from '../../src/mock.js';
import type { Notification } from '../../src/signalr/notification.js';
import { sequentialIds } from '../../src/store/ids.js';

/** 2025-06-01T12:00:00Z on the mock clock. */
export const HUB_NOW = Date.parse('2025-06-01T12:00:00.000Z');

export const RESOURCES = 'portos.resources.changed';

/** A listening mock with no customers, a fixed clock and sequential ids (and the hub's flusher, if given). */
export async function startHubMock(
  config: ConfigInput = {},
  hub: Pick<MockOptions, 'hubFlusher'> = {},
): Promise<RunningMock> {
  return startMock({
    config: { port: 0, count: 0, ...config },
    clock: fixedClock(HUB_NOW),
    ids: sequentialIds(),
    log: () => undefined,
    ...hub,
  });
}

export function hubUrl(mock: RunningMock): string {
  return `${mock.url}/signalr/v1/mainHub`;
}

/** A client of the official package, as PORTOS's example builds it, with what it received. */
export interface Client {
  connection: HubConnection;
  events: Notification[];
  /** Resolves once `count` notifications have arrived. */
  received(count: number): Promise<Notification[]>;
  /** Resolves with the error (or undefined) the connection closed with. */
  closed: Promise<Error | undefined>;
}

export function client(
  url: string,
  token: string | undefined,
  tune: (builder: HubConnectionBuilder) => HubConnectionBuilder = (builder) => builder,
): Client {
  const builder = new HubConnectionBuilder()
    .withUrl(url, token === undefined ? {} : { accessTokenFactory: () => token })
    .configureLogging(LogLevel.None);
  const connection = tune(builder).build();
  const events: Notification[] = [];
  const waiters: { count: number; resolve: (events: Notification[]) => void }[] = [];
  connection.on('OnEvent', (message: Notification) => {
    events.push(message);
    for (const waiter of waiters.filter((item) => events.length >= item.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(events.slice());
    }
  });
  const closed = new Promise<Error | undefined>((resolve) => connection.onclose((error) => resolve(error)));
  return {
    connection,
    events,
    closed,
    received: (count) =>
      events.length >= count
        ? Promise.resolve(events.slice())
        : new Promise((resolve) => waiters.push({ count, resolve })),
  };
}

/**
 * A round trip on the connection: every notification queued before it has been handled once it resolves (the
 * hub answers on the same socket, in order).
 */
export async function barrier(connection: HubConnection): Promise<void> {
  await connection.invoke('Unsubscribe', 'portos.licence.activated');
}

/** Sends a PORTOS request as `token`; resolves with the status and the parsed body. */
export async function call(
  mock: RunningMock,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
