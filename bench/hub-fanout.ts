/**
 * The SignalR hub under load (issue "SignalR", its bench part): customer writes/s with 0, 100 and 1,000 subscribed
 * connections (every notification counted), and whether 1,000 connections and a burst of writes slow the REST
 * routes down. The mock runs in its own process (`portos-mock serve --quiet`, so its core is not shared with the
 * 1,000 clients); the clients are raw `ws` sockets doing negotiate, the handshake and
 * `Subscribe('portos.resources.changed')` as test/signalr/hub-protocol.test.ts does.
 */
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { load, type LoadResult } from './load.js';
import { startBenchMock } from './servers.js';

const RS = '\u001e';
const HUB = '/signalr/v1/mainHub';
const EVENT = 'portos.resources.changed';
/** Customers the writes go to, round robin; the first write to each creates it. */
const TARGETS = 50;
/** Keep-alive connections of the writers and of the REST probe. */
const CONNECTIONS = 10;

export interface FanoutRow {
  subscribers: number;
  writesPerSecond: number;
  p99Ms: number;
  delivered: number;
  expected: number;
}

export interface RestRow {
  name: string;
  rps: number;
  p99Ms: number;
  /** Change against the route measured alone; null for that row itself. */
  cost: string | null;
}

export interface HubBench {
  fanout: FanoutRow[];
  rest: RestRow[];
  burst: { writes: number; seconds: number; delivered: number; expected: number };
}

/** A subscribed raw connection; `events` counts the OnEvent invocations it received. */
interface Subscriber {
  ws: WebSocket;
  events: number;
}

const ON_EVENT = Buffer.from('"target":"OnEvent"');

function countEvents(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(ON_EVENT); at !== -1; at = data.indexOf(ON_EVENT, at + ON_EVENT.length)) count++;
  return count;
}

function textOf(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

async function subscribe(root: string, token: string): Promise<Subscriber> {
  const res = await fetch(`${root}${HUB}/negotiate?negotiateVersion=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`negotiate: ${res.status} ${await res.text()}`);
  const { connectionToken } = (await res.json()) as { connectionToken: string };
  const ws = new WebSocket(`${root.replace(/^http/, 'ws')}${HUB}?id=${connectionToken}`, {
    headers: { authorization: `Bearer ${token}` },
    perMessageDeflate: false,
  });
  const subscriber: Subscriber = { ws, events: 0 };
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const text = textOf(data);
      // The Subscribe's completion: `{"type":3,"invocationId":"1"…}`.
      if (text.includes('"invocationId":"1"')) resolve();
      subscriber.events += countEvents(text);
    });
    ws.once('open', () =>
      ws.send(
        `{"protocol":"json","version":1}${RS}{"type":1,"invocationId":"1","target":"Subscribe","arguments":["${EVENT}"]}${RS}`,
      ),
    );
  });
  return subscriber;
}

/** Opens subscribers until there are `count`, 50 at a time. */
async function growTo(subscribers: Subscriber[], count: number, root: string, token: string): Promise<void> {
  while (subscribers.length < count) {
    const batch = Math.min(50, count - subscribers.length);
    subscribers.push(...(await Promise.all(Array.from({ length: batch }, () => subscribe(root, token)))));
  }
}

const delivered = (subscribers: readonly Subscriber[]) => subscribers.reduce((sum, s) => sum + s.events, 0);

/** Waits (at most `ms`) until the subscribers received `expected` events; answers what they received. */
async function drained(subscribers: readonly Subscriber[], expected: number, ms = 15_000): Promise<number> {
  const until = Date.now() + ms;
  while (delivered(subscribers) < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return delivered(subscribers);
}

/** The newest notification seq: one per successful customer write, counted by the mock itself. */
async function lastSeq(root: string): Promise<number> {
  const res = await fetch(`${root}/_mock/notifications?limit=1`);
  return ((await res.json()) as { last: number }).last;
}

interface WriteLoad {
  url: string;
  token: string;
  /** Either a duration or a number of writes. */
  seconds?: number;
  amount?: number;
}

let serial = 0;

/** PUT /customers/{id} with a new lastName each time, over `CONNECTIONS` keep-alive connections. */
function writes(options: WriteLoad): Promise<autocannon.Result> {
  // autocannon answers a thenable instance; a real Promise has `finally`.
  return Promise.resolve(
    autocannon({
      url: options.url,
      connections: CONNECTIONS,
      ...(options.amount === undefined ? { duration: options.seconds ?? 1 } : { amount: options.amount }),
      requests: [
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          setupRequest: (req: autocannon.Request) => {
            serial++;
            return {
              ...req,
              path: `/customers/bench-${serial % TARGETS}`,
              body: JSON.stringify({ firstName: 'Bench', lastName: `Write ${serial}` }),
            };
          },
        },
      ],
    }),
  );
}

/** GET `url` until `done` settles; the probe's figures over that time. */
function probeDuring(url: string, done: Promise<unknown>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: 600 }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    const stop = () => instance.stop();
    done.then(stop, stop);
  });
}

function cost(alone: LoadResult, now: { rps: number; p99Ms: number }): string {
  const rps = ((now.rps - alone.rps) / alone.rps) * 100;
  return `${rps >= 0 ? '+' : ''}${rps.toFixed(0)} % req/s, p99 ${now.p99Ms - alone.p99Ms >= 0 ? '+' : ''}${now.p99Ms - alone.p99Ms} ms`;
}

export async function hubFanout(
  options: { seconds?: number; subscribers?: readonly number[]; burst?: number; log?: (line: string) => void } = {},
): Promise<HubBench> {
  const log = options.log ?? (() => undefined);
  const seconds = options.seconds ?? 3;
  const counts = options.subscribers ?? [0, 100, 1000];
  const burstWrites = options.burst ?? 1000;
  const most = Math.max(...counts);
  const server = await startBenchMock();
  const subscribers: Subscriber[] = [];
  // Raw clients answer no pings, so they send the protocol's own ping before the hub's client timeout.
  const keepAlive = setInterval(() => {
    for (const s of subscribers) s.ws.send(`{"type":6}${RS}`);
  }, 10_000);
  try {
    const root = server.url;
    const login = await fetch(`${root}/api/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'manager', password: 'manager', deviceName: 'P01' }),
    });
    const { tokenId: token } = (await login.json()) as { tokenId: string };
    const health = `${root}/api/v2/health`;
    await writes({ url: root, token, seconds: 1 });
    const alone = await load(health, {}, { connections: CONNECTIONS, seconds });

    const fanout: FanoutRow[] = [];
    for (const count of counts) {
      await growTo(subscribers, count, root, token);
      log(`hub: ${count} subscribed connections`);
      const before = delivered(subscribers);
      const first = await lastSeq(root);
      const result = await writes({ url: root, token, seconds });
      // Writes still in flight when autocannon stops are done by the mock but not counted by autocannon.
      const expected = ((await lastSeq(root)) - first) * count;
      const got = (await drained(subscribers, before + expected)) - before;
      log(`hub: ${count} subscribers, ${result.requests.average} writes/s, ${got} / ${expected} delivered`);
      fanout.push({
        subscribers: count,
        writesPerSecond: Math.round(result.requests.average),
        p99Ms: result.latency.p99,
        delivered: got,
        expected,
      });
    }

    await growTo(subscribers, most, root, token);
    const idle = await load(health, {}, { connections: CONNECTIONS, seconds });
    log(`hub: health with ${most} idle connections: ${idle.rps} req/s`);
    const before = delivered(subscribers);
    const first = await lastSeq(root);
    const started = Date.now();
    const burst = writes({ url: root, token, amount: burstWrites });
    const [burstResult, during] = await Promise.all([burst, probeDuring(health, burst)]);
    const burstSeconds = (Date.now() - started) / 1000;
    log(`hub: burst of ${burstResult['2xx']} writes in ${burstSeconds} s`);
    const expected = ((await lastSeq(root)) - first) * most;
    const got = (await drained(subscribers, before + expected)) - before;
    const duringRow = { rps: Math.round(during.requests.average), p99Ms: during.latency.p99 };
    return {
      fanout,
      rest: [
        { name: 'GET /api/v2/health alone', rps: Math.round(alone.rps), p99Ms: alone.p99Ms, cost: null },
        {
          name: `GET /api/v2/health, ${most.toLocaleString('en-GB')} idle subscribed connections`,
          rps: Math.round(idle.rps),
          p99Ms: idle.p99Ms,
          cost: cost(alone, idle),
        },
        {
          name: `GET /api/v2/health during ${burstWrites.toLocaleString('en-GB')} writes, ${most.toLocaleString('en-GB')} subscribed connections`,
          ...duringRow,
          cost: cost(alone, duringRow),
        },
      ],
      burst: { writes: burstResult['2xx'], seconds: burstSeconds, delivered: got, expected },
    };
  } finally {
    clearInterval(keepAlive);
    for (const s of subscribers) s.ws.terminate();
    await server.stop();
  }
}

/** The section as `npm run bench` prints it. */
export function hubTables(bench: HubBench): string {
  const n = (value: number) => value.toLocaleString('en-GB');
  const fanout = bench.fanout.map(
    (r) =>
      `| ${n(r.subscribers)} | ${r.writesPerSecond} | ${r.p99Ms} | ${n(r.delivered)} / ${n(r.expected)} | ${n(r.writesPerSecond * r.subscribers)} |`,
  );
  const rest = bench.rest.map((r) => `| ${r.name} | ${r.rps} | ${r.p99Ms} | ${r.cost ?? '-'} |`);
  const { burst } = bench;
  return [
    `\nNotification fan-out (PUT /customers/{id}, ${CONNECTIONS} connections, bearer; raw ws subscribers):\n`,
    '| subscribed connections | writes/s | p99 ms | notifications delivered / expected | notifications/s |',
    '|---:|---:|---:|---:|---:|',
    ...fanout,
    `\nREST beside the hub (${CONNECTIONS} connections on GET /api/v2/health; the burst: ${n(burst.writes)} writes in ${burst.seconds.toFixed(1)} s, ${n(burst.delivered)} / ${n(burst.expected)} notifications delivered):\n`,
    '| measurement | req/s | p99 ms | cost |',
    '|---|---:|---:|---|',
    ...rest,
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 3);
  const burst = Number(process.env['BENCH_HUB_BURST'] ?? 1000);
  console.log(hubTables(await hubFanout({ seconds, burst, log: (line) => console.error(line) })));
}
