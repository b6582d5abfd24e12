// One hub connection with injected timers and a fake socket: the handshake, the message table, pings and timeouts
// without waiting on real time (docs/decisions.md#real-time-notifications).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HubConnection } from '../../src/signalr/hub-connection.js';
import type { HubTimers } from '../../src/signalr/hub-timers.js';
import { toNotification } from '../../src/signalr/notification.js';
import { RecordReader } from '../../src/signalr/record-reader.js';
import { parseSubscription, passes } from '../../src/signalr/subscription.js';

const RS = '\u001e';

/** Timers that fire only when the test says how much time passed. */
function manualTimers(): HubTimers & { advance(ms: number): void } {
  let now = 0;
  const pending = new Set<{ at: number; run: () => void }>();
  return {
    start(ms, run) {
      const timer = { at: now + ms, run };
      pending.add(timer);
      return { cancel: () => pending.delete(timer) };
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...pending].filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        pending.delete(due);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

function connection(options: { keepAlive?: number; clientTimeout?: number; handshakeTimeout?: number } = {}) {
  const timers = manualTimers();
  const sent: unknown[] = [];
  /** Each frame's text, as sent. */
  const frames: string[] = [];
  const closes: number[] = [];
  let closedCalls = 0;
  const hub = new HubConnection(
    'c1',
    {
      send: (data) => {
        const text = typeof data === 'string' ? data : data.toString('utf8');
        assert.ok(text.endsWith(RS), 'every record ends with 0x1E');
        frames.push(text);
        for (const record of text.slice(0, -1).split(RS)) sent.push(JSON.parse(record));
      },
      close: (code) => closes.push(code),
      bufferedAmount: () => 0,
    },
    {
      keepAliveIntervalMs: options.keepAlive ?? 15_000,
      clientTimeoutMs: options.clientTimeout ?? 30_000,
      handshakeTimeoutMs: options.handshakeTimeout ?? 15_000,
      maxMessageBytes: 32_768,
      maxBufferedBytes: 1 << 20,
      timers,
      onClosed: () => {
        closedCalls++;
      },
    },
  );
  return { hub, timers, sent, closes, closedCalls: () => closedCalls };
}

const HANDSHAKE = `{"protocol":"json","version":1}${RS}`;

test('nothing is sent before the handshake; pings follow each quiet keep-alive interval', () => {
  const { hub, timers, sent } = connection({ keepAlive: 100 });
  timers.advance(1000);
  assert.deepEqual(sent, [], 'no ping before the handshake');
  hub.receive(HANDSHAKE);
  timers.advance(99);
  assert.deepEqual(sent, [{}]);
  timers.advance(1);
  assert.deepEqual(sent, [{}, { type: 6 }]);
  timers.advance(250);
  assert.deepEqual(sent, [{}, { type: 6 }, { type: 6 }, { type: 6 }]);
});

test('sending restarts the keep-alive interval', () => {
  const { hub, timers, sent } = connection({ keepAlive: 100 });
  hub.receive(
    `${HANDSHAKE}{"type":1,"invocationId":"1","target":"Subscribe","arguments":["portos.resources.changed"]}${RS}`,
  );
  timers.advance(60);
  hub.receive(`{"type":1,"invocationId":"2","target":"Unsubscribe","arguments":["portos.resources.changed"]}${RS}`);
  timers.advance(60);
  assert.deepEqual(sent, [{}, { type: 3, invocationId: '1' }, { type: 3, invocationId: '2' }]);
  timers.advance(40);
  assert.deepEqual(sent.at(-1), { type: 6 });
});

test('the client timeout counts from the last message received', () => {
  const { hub, timers, sent, closes, closedCalls } = connection({ clientTimeout: 100, keepAlive: 1000 });
  hub.receive(HANDSHAKE);
  timers.advance(90);
  hub.receive(`{"type":6}${RS}`);
  timers.advance(90);
  assert.deepEqual(closes, []);
  timers.advance(10);
  assert.deepEqual(sent.at(-1), {
    type: 7,
    error: 'Server closed the connection: the client sent nothing within the client timeout.',
  });
  assert.deepEqual(closes, [1000]);
  assert.equal(closedCalls(), 1);
  hub.receive(`{"type":6}${RS}`);
  timers.advance(10_000);
  assert.equal(sent.length, 2, 'nothing after the close');
});

test('the handshake timeout answers {"error": …}', () => {
  const { timers, sent, closes } = connection({ handshakeTimeout: 50 });
  timers.advance(50);
  assert.deepEqual(sent, [{ error: 'Handshake was canceled: the client sent no handshake in time.' }]);
  assert.deepEqual(closes, [1000]);
});

test('close() sends Close and closes 1000; a client Close closes without a message', () => {
  const server = connection();
  server.hub.receive(HANDSHAKE);
  server.hub.close();
  assert.deepEqual(server.sent, [{}, { type: 7 }]);
  assert.deepEqual(server.closes, [1000]);
  const client = connection();
  client.hub.receive(`${HANDSHAKE}{"type":7}${RS}`);
  assert.deepEqual(client.sent, [{}]);
  assert.deepEqual(client.closes, [1000]);
  assert.equal(client.closedCalls(), 1);
});

test('notify pushes OnEvent (no invocationId) only for a subscribed event whose filter passes', () => {
  const { hub, sent } = connection();
  const notification = toNotification(
    { kind: 'customer', name: 'customer', action: 'updated', id: 'a', at: 0, before: 1, after: 2, identity: 'admin' },
    { connection: '0H1', user: { userName: 'admin', deviceName: 'P01' }, reference: 'f'.repeat(24) },
  );
  hub.receive(HANDSHAKE);
  hub.notify(notification, { name: 'customer', id: 'a' });
  hub.receive(
    `{"type":1,"target":"Subscribe","arguments":["portos.resources.changed",{"resources":[{"name":"Customer","ids":["a"]}]}]}${RS}`,
  );
  hub.notify(notification, { name: 'customer', id: 'b' });
  hub.notify(notification, { name: 'customer', id: 'a' });
  assert.deepEqual(sent, [{}, { type: 1, target: 'OnEvent', arguments: [notification] }]);
  assert.deepEqual(notification, {
    e: 'portos.resources.changed',
    s: { c: '0H1', u: { userName: 'admin', deviceName: 'P01' } },
    r: 'ffffffffffffffffffffffff',
    ca: '1970-01-01T00:00:00.000Z',
    ea: null,
    p: { action: 'updated', resource: { name: 'customer', id: 'a', version: 2 } },
  });
});

test('toNotification: s is null without a user; a delete carries the last version', () => {
  const notification = toNotification(
    {
      kind: 'customer',
      name: 'customer',
      action: 'deleted',
      id: 'x',
      at: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
      before: 7,
      after: null,
      identity: null,
    },
    { connection: '0H2', user: null, reference: '0'.repeat(24) },
  );
  assert.equal(notification.s, null);
  assert.equal(notification.ca, '2025-01-02T03:04:05.006Z');
  assert.deepEqual(notification.p.resource, { name: 'customer', id: 'x', version: 7 });
});

const FILTER_CASES: { options: unknown; name: string; id: string; passes: boolean }[] = [
  { options: undefined, name: 'customer', id: '1', passes: true },
  { options: { resources: [{ name: 'CUSTOMER' }] }, name: 'customer', id: '1', passes: true },
  { options: { resources: [{ name: 'customer' }] }, name: 'Customer', id: '1', passes: true },
  { options: { resources: [{ name: 'customer', ids: ['2'] }] }, name: 'customer', id: '1', passes: false },
  { options: { resources: [{ name: 'customer', ids: null }] }, name: 'customer', id: '1', passes: true },
  { options: { resources: [{ name: 'plu' }] }, name: 'customer', id: '1', passes: false },
];

test('resource filters', () => {
  for (const row of FILTER_CASES) {
    const subscription = parseSubscription('portos.resources.changed', row.options);
    assert.equal(passes(subscription, row.name, row.id), row.passes, JSON.stringify(row));
  }
});

test('the record reader splits on 0x1E, keeps the unfinished rest and refuses what is too large', () => {
  const reader = new RecordReader(8);
  assert.deepEqual(reader.push(`{}${RS}{"a"`), { ok: true, records: ['{}'] });
  assert.deepEqual(reader.push(`:1}${RS}${RS}`), { ok: true, records: ['{"a":1}', ''] });
  assert.deepEqual(reader.push('123456789'), { ok: false, bytes: 9 });
});
