// The hub with Microsoft's official Node client (@microsoft/signalr), built as PORTOS's example builds it:
// docs/portos/signalr.md, docs/decisions.md#real-time-notifications.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HubConnectionState } from '@microsoft/signalr';
import type { RunningMock } from '../../src/mock.js';
import { barrier, call, client, HUB_NOW, hubUrl, RESOURCES, startHubMock } from './support.js';

const T = { timeout: 20_000 };

describe('the hub with the official client', () => {
  let mock: RunningMock;
  let admin: string;
  let manager: string;
  before(async () => {
    mock = await startHubMock();
    admin = mock.auth.issueToken('admin');
    manager = mock.auth.issueToken('manager');
  });
  after(async () => mock.close());

  test('connects, subscribes and receives one Notification per create, update and delete, in order', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    assert.equal(watcher.connection.state, HubConnectionState.Connected);
    assert.equal(await watcher.connection.invoke('Subscribe', RESOURCES), undefined);
    const created = await call(mock, admin, 'POST', '/customers', { id: 'n-1', firstName: 'Jana', lastName: 'Nová' });
    assert.equal(created.status, 201);
    await call(mock, admin, 'PUT', '/customers/n-1', { firstName: 'Jana', lastName: 'Stará', _v: 1 });
    await call(mock, admin, 'DELETE', '/customers/n-1');
    const events = await watcher.received(3);
    const ca = new Date(HUB_NOW).toISOString();
    assert.deepEqual(
      events.map((event) => ({ ...event, r: typeof event.r, s: { ...event.s, c: typeof event.s?.c } })),
      (['created', 'updated', 'deleted'] as const).map((action, index) => ({
        e: RESOURCES,
        s: { c: 'string', u: { userName: 'admin', deviceName: 'P01' } },
        r: 'string',
        ca,
        ea: null,
        p: { action, resource: { name: 'customer', id: 'n-1', version: index === 0 ? 1 : 2 } },
      })),
    );
    for (const event of events) assert.match(event.r, /^[0-9a-f]{24}$/);
    assert.equal(new Set(events.map((event) => event.r)).size, 3, 'one reference per notification');
    assert.ok((events[0]?.s?.c.length ?? 0) > 0);
    await watcher.connection.stop();
  });

  test('nothing arrives before Subscribe, nor for refused writes and resets', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    await call(mock, admin, 'POST', '/customers', { id: 'quiet-1', firstName: 'A', lastName: 'B' });
    await barrier(watcher.connection);
    assert.deepEqual(watcher.events, []);
    await watcher.connection.invoke('Subscribe', RESOURCES);
    assert.equal((await call(mock, admin, 'POST', '/customers', { id: 'quiet-1', firstName: 'A' })).status, 400);
    assert.equal((await call(mock, admin, 'DELETE', '/customers/absent')).status, 404);
    assert.equal((await call(mock, admin, 'PUT', '/customers/quiet-1', { firstName: 'A', _v: 9 })).status, 400);
    mock.reset();
    await barrier(watcher.connection);
    assert.deepEqual(watcher.events, []);
    await watcher.connection.stop();
  });

  test('many writes arrive in write order', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    await watcher.connection.invoke('Subscribe', RESOURCES, { resources: [{ name: 'customer' }] });
    const ids = Array.from({ length: 40 }, (_, index) => `order-${index}`);
    for (const id of ids) await call(mock, admin, 'PUT', `/customers/${id}`, { firstName: 'O', lastName: id });
    const events = await watcher.received(ids.length);
    assert.deepEqual(
      events.map((event) => event.p),
      ids.map((id) => ({ action: 'created', resource: { name: 'customer', id, version: 1 } })),
    );
    await watcher.connection.stop();
  });

  const FILTERS: { name: string; options?: unknown; receives: string[] }[] = [
    { name: 'no options', receives: ['f-1', 'f-2', 'f-3'] },
    { name: 'null options', options: null, receives: ['f-1', 'f-2', 'f-3'] },
    { name: 'empty resources', options: { resources: [] }, receives: ['f-1', 'f-2', 'f-3'] },
    { name: 'null resources', options: { resources: null }, receives: ['f-1', 'f-2', 'f-3'] },
    { name: 'by name, any case', options: { resources: [{ name: 'CUSTOMER' }] }, receives: ['f-1', 'f-2', 'f-3'] },
    {
      name: 'by name with empty ids',
      options: { resources: [{ name: 'customer', ids: [] }] },
      receives: ['f-1', 'f-2', 'f-3'],
    },
    { name: 'by ids', options: { resources: [{ name: 'customer', ids: ['f-3', 'f-1'] }] }, receives: ['f-1', 'f-3'] },
    { name: 'another resource only', options: { resources: [{ name: 'vat' }] }, receives: [] },
    {
      name: 'ids of another resource do not narrow this one',
      options: {
        resources: [
          { name: 'vat', ids: ['f-1'] },
          { name: 'customer', ids: ['f-2'] },
        ],
      },
      receives: ['f-2'],
    },
  ];

  test('filters by resource name (case-insensitive) and ids', T, async () => {
    const watchers = await Promise.all(
      FILTERS.map(async (row) => {
        const watcher = client(hubUrl(mock), manager);
        await watcher.connection.start();
        await watcher.connection.invoke('Subscribe', RESOURCES, ...(row.options === undefined ? [] : [row.options]));
        return watcher;
      }),
    );
    for (const id of ['f-1', 'f-2', 'f-3']) await call(mock, admin, 'PUT', `/customers/${id}`, { firstName: 'F' });
    for (const [index, row] of FILTERS.entries()) {
      const watcher = watchers[index];
      assert.ok(watcher !== undefined);
      await barrier(watcher.connection);
      assert.deepEqual(
        watcher.events.map((event) => event.p).map((p) => (p as { resource: { id: string } }).resource.id),
        row.receives,
        row.name,
      );
      await watcher.connection.stop();
    }
  });

  test('a second Subscribe replaces the filter; Unsubscribe ends the subscription (twice is fine)', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    await watcher.connection.invoke('Subscribe', RESOURCES, { resources: [{ name: 'customer', ids: ['s-1'] }] });
    await watcher.connection.invoke('Subscribe', RESOURCES, { resources: [{ name: 'customer', ids: ['s-2'] }] });
    await call(mock, admin, 'PUT', '/customers/s-1', { firstName: 'S' });
    await call(mock, admin, 'PUT', '/customers/s-2', { firstName: 'S' });
    await barrier(watcher.connection);
    assert.deepEqual(
      watcher.events.map((event) => (event.p as { resource: { id: string } }).resource.id),
      ['s-2'],
    );
    assert.equal(await watcher.connection.invoke('Unsubscribe', RESOURCES), undefined);
    assert.equal(await watcher.connection.invoke('unsubscribe', RESOURCES), undefined);
    await call(mock, admin, 'PUT', '/customers/s-2', { firstName: 'S', _v: 1 });
    await barrier(watcher.connection);
    assert.equal(watcher.events.length, 1);
    assert.equal(watcher.connection.state, HubConnectionState.Connected);
    await watcher.connection.stop();
  });

  test('two clients both receive, the writer’s own connection included', T, async () => {
    const writer = client(hubUrl(mock), admin);
    const other = client(hubUrl(mock), manager);
    await Promise.all([writer.connection.start(), other.connection.start()]);
    await writer.connection.invoke('SUBSCRIBE', RESOURCES);
    await other.connection.invoke('Subscribe', RESOURCES);
    await call(mock, admin, 'PUT', '/customers/two-1', { firstName: 'T' });
    const [mine, theirs] = await Promise.all([writer.received(1), other.received(1)]);
    assert.deepEqual(mine, theirs, 'the same notification, the same r, on every connection');
    assert.notEqual(writer.connection.connectionId, other.connection.connectionId);
    await Promise.all([writer.connection.stop(), other.connection.stop()]);
  });

  test('the licence event ignores Subscribe options, and customer writes do not raise it', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    assert.equal(
      await watcher.connection.invoke('Subscribe', 'portos.licence.activated', { ignored: true }),
      undefined,
    );
    await call(mock, admin, 'PUT', '/customers/lic-1', { firstName: 'L' });
    await watcher.connection.invoke('Unsubscribe', 'portos.licence.activated');
    assert.deepEqual(watcher.events, []);
    await watcher.connection.stop();
  });

  const HUB_ERRORS: { args: [string, ...unknown[]]; error: string }[] = [
    { args: ['Nope'], error: "Unknown hub method 'Nope'" },
    { args: ['Subscribe'], error: "Failed to invoke 'Subscribe' due to an error on the server." },
    { args: ['Subscribe', RESOURCES, null, 3], error: "Failed to invoke 'Subscribe' due to an error on the server." },
    {
      args: ['Subscribe', 'portos.nothing'],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: Unknown event 'portos.nothing'; " +
        "the events are 'portos.resources.changed' and 'portos.licence.activated'.",
    },
    {
      args: ['Subscribe', 7],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: The event must be a string.",
    },
    {
      args: ['Subscribe', RESOURCES, 'all'],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: The options must be an object or null.",
    },
    {
      args: ['Subscribe', RESOURCES, { resources: 'customer' }],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: 'resources' must be an array or null.",
    },
    {
      args: ['Subscribe', RESOURCES, { resources: [{ name: '' }] }],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: resources[0].name must be a non-empty string.",
    },
    {
      args: ['Subscribe', RESOURCES, { resources: [{ name: 'customer' }, 'vat'] }],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: resources[1] must be an object.",
    },
    {
      args: ['Subscribe', RESOURCES, { resources: [{ name: 'customer', ids: [1] }] }],
      error:
        "An unexpected error occurred invoking 'Subscribe' on the server. HubException: resources[0].ids must be an array of strings or null.",
    },
    {
      args: ['Unsubscribe', 'nope'],
      error:
        "An unexpected error occurred invoking 'Unsubscribe' on the server. HubException: Unknown event 'nope'; " +
        "the events are 'portos.resources.changed' and 'portos.licence.activated'.",
    },
  ];

  test('unknown methods and bad arguments fail the call with the ASP.NET texts; the connection stays', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    await watcher.connection.invoke('Subscribe', RESOURCES);
    for (const { args, error } of HUB_ERRORS) {
      await assert.rejects(watcher.connection.invoke(...args), (thrown: Error) => {
        assert.equal(thrown.message, error, args[0]);
        return true;
      });
    }
    assert.equal(watcher.connection.state, HubConnectionState.Connected);
    // The failed second Subscribe left the first one in place.
    await call(mock, admin, 'PUT', '/customers/err-1', { firstName: 'E' });
    assert.equal((await watcher.received(1)).length, 1);
    await watcher.connection.stop();
  });

  const BAD_TOKENS: { name: string; token: string | undefined }[] = [
    { name: 'no token', token: undefined },
    { name: 'a token that is no JWT', token: 'not-a-token' },
    { name: 'a token signed with another secret', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
  ];

  test('start() rejects with the 401 of negotiate for missing or bad tokens', T, async () => {
    for (const { name, token } of BAD_TOKENS) {
      const watcher = client(hubUrl(mock), token);
      await assert.rejects(watcher.connection.start(), /Status code '401'/, name);
    }
  });

  test('stop() closes the connection without an error', T, async () => {
    const watcher = client(hubUrl(mock), manager);
    await watcher.connection.start();
    await watcher.connection.stop();
    assert.equal(await watcher.closed, undefined);
    assert.equal(watcher.connection.state, HubConnectionState.Disconnected);
  });

  test('the hub path is case-insensitive', T, async () => {
    const watcher = client(`${mock.url}/SIGNALR/v1/MainHub`, manager);
    await watcher.connection.start();
    await watcher.connection.stop();
  });
});

describe('keep-alive and shutdown', () => {
  test('an idle connection is kept alive by the hub’s pings', T, async () => {
    const mock = await startHubMock({ signalr: { keepAliveIntervalMs: 50, clientTimeoutMs: 60_000 } });
    const watcher = client(hubUrl(mock), mock.auth.issueToken('manager'), (builder) =>
      builder.withServerTimeout(1000).withKeepAliveInterval(100),
    );
    try {
      await watcher.connection.start();
      // Without pings the client would give up after 1 s of silence; it stays through three such periods.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      assert.equal(watcher.connection.state, HubConnectionState.Connected);
      await watcher.connection.stop();
      assert.equal(await watcher.closed, undefined);
    } finally {
      await watcher.connection.stop().catch(() => undefined);
      await mock.close();
    }
  });

  test('without pings the same client gives up (the test above can fail)', T, async () => {
    const mock = await startHubMock({ signalr: { keepAliveIntervalMs: 60_000, clientTimeoutMs: 60_000 } });
    const watcher = client(hubUrl(mock), mock.auth.issueToken('manager'), (builder) =>
      builder.withServerTimeout(1000).withKeepAliveInterval(100),
    );
    try {
      await watcher.connection.start();
      assert.match(String(await watcher.closed), /Server timeout elapsed/);
    } finally {
      await watcher.connection.stop().catch(() => undefined);
      await mock.close();
    }
  });

  test('closing the mock sends Close to every connection; clients close without an error', T, async () => {
    const mock = await startHubMock();
    const watchers = [
      client(hubUrl(mock), mock.auth.issueToken('manager')),
      client(hubUrl(mock), mock.auth.issueToken('admin')),
    ];
    await Promise.all(watchers.map((watcher) => watcher.connection.start()));
    assert.equal(mock.hub?.size, 2);
    await mock.close();
    for (const watcher of watchers) assert.equal(await watcher.closed, undefined);
    assert.equal(mock.hub?.size, 0);
  });
});
