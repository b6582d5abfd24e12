// The fan-out of notifications (docs/decisions.md#real-time-notifications): one outgoing queue per connection,
// flushed in rounds and slices so that a burst does not hold up the REST routes, several records a frame, the
// slow-consumer rule, and the write's answer going out only once its notification is queued. No timed assertions:
// the flusher's clock and deferrals are injected, and the mock test holds the flusher.
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describe, test } from 'node:test';
import { type Flushable, type FlushScheduler, SlicedFlusher } from '../../src/signalr/flush-scheduler.js';
import { HubConnection } from '../../src/signalr/hub-connection.js';
import type { HubTimers } from '../../src/signalr/hub-timers.js';
import { toNotification } from '../../src/signalr/notification.js';
import { SharedFrames } from '../../src/signalr/shared-frames.js';
import { call, client, hubUrl, RESOURCES, startHubMock } from './support.js';

const RS = '\u001e';
const HANDSHAKE = `{"protocol":"json","version":1}${RS}`;
const SUBSCRIBE = `{"type":1,"invocationId":"1","target":"Subscribe","arguments":["${RESOURCES}"]}${RS}`;
const NO_TIMERS: HubTimers = { start: () => ({ cancel: () => undefined }) };

/** A flusher whose deferred slices run when the test says, on a clock the test moves. */
function manualFlusher(options: { budgetMs: number; intervalMs: number; pauseRatio?: number }) {
  let now = 0;
  const deferred: { run: () => void; ms: number }[] = [];
  const flusher = new SlicedFlusher({
    budgetMs: options.budgetMs,
    intervalMs: options.intervalMs,
    ...(options.pauseRatio === undefined ? {} : { pauseRatio: options.pauseRatio }),
    now: () => now,
    defer: (run, ms) => deferred.push({ run, ms }),
  });
  return {
    flusher,
    deferred,
    advance: (ms: number) => {
      now += ms;
    },
    /** Runs the oldest deferred slice; answers the delay it was deferred by. */
    runNext: (): number => {
      const next = deferred.shift();
      assert.ok(next !== undefined, 'a slice is deferred');
      next.run();
      return next.ms;
    },
  };
}

/** A connection over a fake socket that records frames; `buffered` is what the socket says it holds. */
function connection(flusher: FlushScheduler, options: { maxBufferedBytes?: number; frames?: SharedFrames } = {}) {
  const frames: (string | Buffer)[] = [];
  const closes: number[] = [];
  let buffered = 0;
  const hub = new HubConnection(
    'c1',
    { send: (data) => frames.push(data), close: (code) => closes.push(code), bufferedAmount: () => buffered },
    {
      keepAliveIntervalMs: 15_000,
      clientTimeoutMs: 30_000,
      handshakeTimeoutMs: 15_000,
      maxMessageBytes: 32_768,
      maxBufferedBytes: options.maxBufferedBytes ?? 1 << 20,
      timers: NO_TIMERS,
      flusher,
      onClosed: () => undefined,
      ...(options.frames === undefined ? {} : { frames: options.frames }),
    },
  );
  hub.receive(`${HANDSHAKE}${SUBSCRIBE}`);
  /** Each frame as its records (JSON), the handshake answer left out. */
  const records = () =>
    frames.slice(1).map((frame) =>
      (typeof frame === 'string' ? frame : frame.toString('utf8'))
        .split(RS)
        .slice(0, -1)
        .map((record) => JSON.parse(record) as unknown),
    );
  return {
    hub,
    frames,
    closes,
    records,
    setBuffered: (bytes: number) => {
      buffered = bytes;
    },
  };
}

function notification(id: string, version: number) {
  return toNotification(
    {
      kind: 'customer',
      name: 'customer',
      action: 'updated',
      id,
      at: 0,
      before: version - 1,
      after: version,
      identity: 'admin',
    },
    { connection: '0H1', user: { userName: 'admin', deviceName: 'P01' }, reference: 'a'.repeat(24) },
  );
}

const onEvent = (id: string, version: number) => ({
  type: 1,
  target: 'OnEvent',
  arguments: [notification(id, version)],
});

describe('one outgoing queue per connection', () => {
  test('records queued in one turn go out in order as one frame at the next slice', () => {
    const manual = manualFlusher({ budgetMs: 100, intervalMs: 0 });
    const c = connection(manual.flusher);
    assert.equal(c.hub.queued, 1, 'the Subscribe completion waits in the queue');
    for (const version of [2, 3, 4]) c.hub.notify(notification('a', version), { name: 'customer', id: 'a' });
    assert.equal(c.hub.queued, 4);
    assert.equal(c.frames.length, 1, 'only the handshake answer is sent before the flush');
    assert.equal(manual.deferred.length, 1, 'one flush asked for, however many records');
    manual.runNext();
    assert.deepEqual(c.records(), [
      [{ type: 3, invocationId: '1' }, onEvent('a', 2), onEvent('a', 3), onEvent('a', 4)],
    ]);
    assert.equal(c.hub.queued, 0);
  });

  test('close() sends what is queued, then Close, in one frame', () => {
    const manual = manualFlusher({ budgetMs: 100, intervalMs: 0 });
    const c = connection(manual.flusher);
    c.hub.notify(notification('a', 2), { name: 'customer', id: 'a' });
    c.hub.close();
    assert.deepEqual(c.records(), [[{ type: 3, invocationId: '1' }, onEvent('a', 2), { type: 7 }]]);
    assert.deepEqual(c.closes, [1000]);
    manual.runNext();
    assert.equal(c.frames.length, 2, 'nothing after the close');
  });

  const SLOW: { name: string; buffered: number; queue: number; closes: boolean }[] = [
    { name: 'the socket holding little', buffered: 100, queue: 3, closes: false },
    { name: 'the socket holding more than the limit', buffered: 5000, queue: 1, closes: true },
    { name: 'the queue itself over the limit', buffered: 0, queue: 40, closes: true },
  ];

  for (const row of SLOW) {
    test(`slow consumers: ${row.name} ${row.closes ? 'closes the connection with Close' : 'sends'}`, () => {
      const manual = manualFlusher({ budgetMs: 100, intervalMs: 0 });
      const c = connection(manual.flusher, { maxBufferedBytes: 4096 });
      c.setBuffered(row.buffered);
      for (let version = 2; version < 2 + row.queue; version++)
        c.hub.notify(notification('a', version), { name: 'customer', id: 'a' });
      manual.deferred.splice(0).forEach((slice) => slice.run());
      const frames = c.records();
      assert.equal(frames.length, 1);
      const last = frames[0]?.at(-1) as { type: number; error?: string };
      if (!row.closes) {
        assert.equal(frames[0]?.length, 1 + row.queue);
        assert.deepEqual(c.closes, []);
        return;
      }
      assert.deepEqual(frames[0]?.length, 1, 'what waited is dropped; Close alone goes out');
      assert.equal(last.type, 7);
      assert.match(
        last.error ?? '',
        /^Server closed the connection: the client did not read its messages \(\d+B waiting, at most 4096B\)\.$/,
      );
      assert.deepEqual(c.closes, [1000]);
      assert.equal(c.hub.closed, true);
    });
  }

  test('connections sending the same records in a row share one encoded frame', () => {
    const manual = manualFlusher({ budgetMs: 100, intervalMs: 0 });
    const frames = new SharedFrames();
    const all = [connection(manual.flusher, { frames }), connection(manual.flusher, { frames })];
    for (const c of all) c.hub.receive(`{"type":1,"invocationId":"2","target":"Unsubscribe","arguments":["x"]}${RS}`);
    manual.deferred.splice(0).forEach((slice) => slice.run());
    const shared = [notification('a', 2), notification('a', 3)];
    for (const n of shared) for (const c of all) c.hub.notify(n, { name: 'customer', id: 'a' });
    manual.deferred.splice(0).forEach((slice) => slice.run());
    const [first, second] = all.map((c) => c.frames.at(-1));
    assert.ok(Buffer.isBuffer(first));
    assert.equal(first, second, 'the same Buffer');
    assert.deepEqual(all[0]?.records().at(-1), [onEvent('a', 2), onEvent('a', 3)]);
  });
});

describe('the sliced flusher', () => {
  /** A target that spends `cost` ms of the manual clock per flush and records the order of flushes. */
  function targets(count: number, advance: (ms: number) => void, log: string[], cost = 1): Flushable[] {
    return Array.from({ length: count }, (_, index) => ({
      queued: 1,
      flush: () => {
        log.push(`t${index}`);
        advance(cost);
      },
    }));
  }

  const PAUSES: { pauseRatio?: number; pauseMs: number }[] = [
    { pauseMs: 3 },
    { pauseRatio: 0, pauseMs: 0 },
    { pauseRatio: 2, pauseMs: 6 },
  ];

  for (const row of PAUSES) {
    test(`a round runs in slices of the budget, each followed by a pause of ${row.pauseMs} ms after 3 ms (pauseRatio ${row.pauseRatio ?? 'default'})`, () => {
      const manual = manualFlusher({
        budgetMs: 3,
        intervalMs: 0,
        ...(row.pauseRatio === undefined ? {} : { pauseRatio: row.pauseRatio }),
      });
      const log: string[] = [];
      const all = targets(7, manual.advance, log);
      for (const target of all) manual.flusher.request(target);
      assert.deepEqual(log, [], 'nothing is flushed while the current turn runs');
      manual.runNext();
      assert.deepEqual(log, ['t0', 't1', 't2']);
      assert.deepEqual(
        manual.deferred.map((d) => d.ms),
        [row.pauseMs],
      );
      manual.runNext();
      manual.runNext();
      assert.deepEqual(log, ['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
      assert.equal(manual.deferred.length, 0, 'nothing left to do');
    });
  }

  test('a slice flushes at least one connection even when one flush is over the budget', () => {
    const manual = manualFlusher({ budgetMs: 1, intervalMs: 0 });
    const log: string[] = [];
    for (const target of targets(2, manual.advance, log, 5)) manual.flusher.request(target);
    manual.runNext();
    assert.deepEqual(log, ['t0']);
    manual.runNext();
    assert.deepEqual(log, ['t0', 't1']);
  });

  test('a connection asking again during a round is flushed once, in the next round, after the interval', () => {
    const manual = manualFlusher({ budgetMs: 2, intervalMs: 10 });
    const log: string[] = [];
    const [a, b, c] = targets(3, manual.advance, log);
    if (a === undefined || b === undefined || c === undefined) throw new Error('three targets');
    for (const target of [a, b, c]) manual.flusher.request(target);
    assert.equal(manual.runNext() <= 0, true, 'the first round starts at the next turn');
    manual.flusher.request(a);
    manual.flusher.request(a);
    assert.equal(manual.flusher.waiting, 1);
    manual.runNext();
    assert.deepEqual(log, ['t0', 't1', 't2']);
    assert.deepEqual(
      manual.deferred.map((d) => d.ms),
      [7],
      'the next round starts 10 ms after the last one started (3 ms ago)',
    );
    manual.runNext();
    assert.deepEqual(log, ['t0', 't1', 't2', 't0']);
  });
});

/** Holds every flush until `release()` while `held`; else flushes at once. */
class HeldFlusher implements FlushScheduler {
  held = false;
  readonly waiting = new Set<Flushable>();
  request(target: Flushable): void {
    if (this.held) this.waiting.add(target);
    else target.flush();
  }
  release(): void {
    this.held = false;
    for (const target of this.waiting) target.flush();
    this.waiting.clear();
  }
}

test('a write answers after its notification is queued; the official client reads several in one frame', {
  timeout: 20_000,
}, async () => {
  const flusher = new HeldFlusher();
  const held = await startHubMock({}, { hubFlusher: flusher });
  try {
    const admin = held.auth.issueToken('admin');
    const watcher = client(hubUrl(held), admin);
    await watcher.connection.start();
    await watcher.connection.invoke('Subscribe', RESOURCES);
    flusher.held = true;
    /** For each answer to a customer write: the records queued on the hub's connections when its head went out. */
    const queuedAtAnswer: number[][] = [];
    held.server.prependListener('request', (req, res: ServerResponse) => {
      if (!(req.url ?? '').startsWith('/customers')) return;
      const writeHead = res.writeHead;
      res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
        queuedAtAnswer.push([...flusher.waiting].map((target) => target.queued));
        return writeHead.apply(this, args);
      } as typeof writeHead;
    });
    for (const id of ['w-1', 'w-2', 'w-3'])
      assert.equal((await call(held, admin, 'PUT', `/customers/${id}`, { firstName: 'W', lastName: id })).status, 201);
    assert.deepEqual(queuedAtAnswer, [[1], [2], [3]], 'each answer left with its notification queued');
    assert.deepEqual(watcher.events, [], 'nothing was sent while the flusher held');
    flusher.release();
    const events = await watcher.received(3);
    assert.deepEqual(
      events.map((event) => event.p),
      ['w-1', 'w-2', 'w-3'].map((id) => ({ action: 'created', resource: { name: 'customer', id, version: 1 } })),
    );
    await watcher.connection.stop();
  } finally {
    await held.close();
  }
});
