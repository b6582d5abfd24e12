/**
 * The SignalR hub under load (issue "SignalR", its bench part): customer writes/s with 0, 100 and 1,000 subscribed
 * connections (every notification counted), and whether 1,000 connections and a burst of writes slow the REST
 * routes down. The mock runs in its own process (`portos-mock serve --quiet`, so its event loop is not shared with
 * the 1,000 clients); the clients are raw `ws` sockets in a worker thread (bench/hub-subscribers.ts), so the
 * probes' latencies are not those of a loop busy receiving notifications.
 */
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { SubscriberPool } from './hub-subscribers.js';
import { startBenchMock } from './servers.js';

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
  burst: Omit<BurstOutcome, 'during'>;
  /** Whether the burst left the REST routes within `CRITERION`. */
  met: boolean;
}

/** Waits until the subscribers received `expected` events, or none arrived for `stallMs`; answers the count. */
async function drained(subscribers: SubscriberPool, expected: number, stallMs = 15_000): Promise<number> {
  let last = subscribers.delivered();
  let since = Date.now();
  while (last < expected && Date.now() - since < stallMs) {
    await new Promise((r) => setTimeout(r, 50));
    const now = subscribers.delivered();
    if (now !== last) since = Date.now();
    last = now;
  }
  return last;
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

/** GET `url` (as `token`) until `done` settles; the probe's figures over that time. */
function probeDuring(url: string, token: string, done: Promise<unknown>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: 3600, headers: { authorization: `Bearer ${token}` } },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    const stop = () => instance.stop();
    done.then(stop, stop);
  });
}

/** The REST routes probed beside the hub, each over its own `CONNECTIONS` keep-alive connections. */
const ROUTES = [
  { name: 'GET /api/v2/health', path: '/api/v2/health' },
  { name: 'GET /customers/{id}', path: '/customers/bench-1' },
] as const;

type Probe = { rps: number; p99Ms: number };

/** Every route probed at once until `done` settles (the routes share the mock's one event loop). */
async function probeRoutes(root: string, token: string, done: Promise<unknown>): Promise<Probe[]> {
  const results = await Promise.all(ROUTES.map((route) => probeDuring(`${root}${route.path}`, token, done)));
  return results.map((r) => ({ rps: Math.round(r.requests.average), p99Ms: r.latency.p99 }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cost(alone: Probe, now: Probe): string {
  const rps = ((now.rps - alone.rps) / alone.rps) * 100;
  return `${rps >= 0 ? '+' : ''}${rps.toFixed(0)} % req/s, p99 ${now.p99Ms - alone.p99Ms >= 0 ? '+' : ''}${now.p99Ms - alone.p99Ms} ms`;
}

/**
 * The criterion of "the fan-out does not block the REST routes": while the burst to the subscribed connections
 * lasts (until its last notification is delivered), every probed route keeps at least half the requests/s and at
 * most twice the p99 it had during the same burst of writes without subscribers. The writes themselves take
 * their share of the one event loop whatever the hub does; the criterion is about what the fan-out adds.
 */
export const CRITERION =
  'during the burst to the subscribers each GET keeps ≥ 50 % of the req/s and ≤ 2 × the p99 it had during the same writes without subscribers';

function meets(base: Probe, during: Probe): boolean {
  return during.rps >= base.rps / 2 && during.p99Ms <= 2 * base.p99Ms;
}

interface BurstOutcome {
  writes: number;
  answeredSeconds: number;
  seconds: number;
  delivered: number;
  expected: number;
  /** WebSocket frames that carried them (several notifications a frame under load). */
  frames: number;
  /** Each route of `ROUTES` meanwhile. */
  during: Probe[];
}

/** `amount` writes with every route probed until the last notification of them reached `subscribers`. */
async function burstOf(
  root: string,
  token: string,
  amount: number,
  subscribers: SubscriberPool,
): Promise<BurstOutcome> {
  const before = subscribers.delivered();
  const framesBefore = subscribers.frames();
  const first = await lastSeq(root);
  const started = Date.now();
  let answered = 0;
  // The burst lasts until its last notification is delivered: the fan-out goes on after the writes' answers.
  const burst = (async () => {
    const result = await writes({ url: root, token, amount });
    answered = (Date.now() - started) / 1000;
    const expected = ((await lastSeq(root)) - first) * subscribers.size;
    const got = (await drained(subscribers, before + expected)) - before;
    return { writes: result['2xx'], expected, delivered: got, frames: subscribers.frames() - framesBefore };
  })();
  const [outcome, during] = await Promise.all([burst, probeRoutes(root, token, burst)]);
  return { ...outcome, during, answeredSeconds: answered, seconds: (Date.now() - started) / 1000 };
}

export async function hubFanout(
  options: { seconds?: number; subscribers?: readonly number[]; burst?: number; log?: (line: string) => void } = {},
): Promise<HubBench> {
  const log = options.log ?? (() => undefined);
  const seconds = options.seconds ?? 3;
  const counts = options.subscribers ?? [0, 100, 1000];
  const burstWrites = options.burst ?? 10_000;
  const most = Math.max(...counts);
  const server = await startBenchMock();
  const subscribers = new SubscriberPool();
  try {
    const root = server.url;
    const login = await fetch(`${root}/api/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'manager', password: 'manager', deviceName: 'P01' }),
    });
    const { tokenId: token } = (await login.json()) as { tokenId: string };
    // Warm-up: the first write to each target creates it; the probes' routes get compiled.
    await writes({ url: root, token, seconds: 1 });
    await probeRoutes(root, token, sleep(1000));
    const bare = await burstOf(root, token, burstWrites, subscribers);
    log(`hub: ${burstWrites} writes without subscribers in ${bare.seconds} s ${JSON.stringify(bare.during)}`);
    const alone = await probeRoutes(root, token, sleep(seconds * 1000));
    log(`hub: alone ${JSON.stringify(alone)}`);

    const fanout: FanoutRow[] = [];
    for (const count of counts) {
      await subscribers.growTo(count, root, token);
      log(`hub: ${count} subscribed connections`);
      const before = subscribers.delivered();
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

    await subscribers.growTo(most, root, token);
    const idle = await probeRoutes(root, token, sleep(seconds * 1000));
    log(`hub: ${most} idle connections ${JSON.stringify(idle)}`);
    const { during, ...burst } = await burstOf(root, token, burstWrites, subscribers);
    log(`hub: burst of ${burst.writes} writes answered in ${burst.answeredSeconds} s, delivered in ${burst.seconds} s`);
    const n = (value: number) => value.toLocaleString('en-GB');
    const rest: RestRow[] = ROUTES.flatMap((route, i) => {
      const a = alone[i] as Probe;
      const b = bare.during[i] as Probe;
      const w = idle[i] as Probe;
      const d = during[i] as Probe;
      return [
        { name: `${route.name} alone`, ...a, cost: null },
        {
          name: `${route.name} during ${n(burstWrites)} writes, no subscribers (${bare.seconds.toFixed(1)} s)`,
          ...b,
          cost: cost(a, b),
        },
        { name: `${route.name}, ${n(most)} idle subscribed connections`, ...w, cost: cost(a, w) },
        {
          name: `${route.name} during ${n(burstWrites)} writes to ${n(most)} connections (${burst.seconds.toFixed(1)} s)`,
          ...d,
          cost: `${cost(a, d)}; against the writes without subscribers: ${cost(b, d)}`,
        },
      ];
    });
    return {
      fanout,
      rest,
      burst,
      met: ROUTES.every((_, i) => meets(bare.during[i] as Probe, during[i] as Probe)),
    };
  } finally {
    await subscribers.close();
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
    `\nBurst: ${n(burst.writes)} writes answered in ${burst.answeredSeconds.toFixed(1)} s; ${n(burst.delivered)} / ${n(burst.expected)} notifications delivered in ${burst.seconds.toFixed(1)} s, in ${n(burst.frames)} frames (${(burst.delivered / Math.max(1, burst.frames)).toFixed(1)} a frame).`,
    `\nREST beside the hub (${CONNECTIONS} connections on each route, both at once; "during" lasts until the burst's last notification is delivered):\n`,
    '| measurement | req/s | p99 ms | cost |',
    '|---|---:|---:|---|',
    ...rest,
    `\nFan-out does not block REST: ${bench.met ? 'met' : 'not met'} (${CRITERION}).`,
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 3);
  const burst = Number(process.env['BENCH_HUB_BURST'] ?? 10_000);
  console.log(hubTables(await hubFanout({ seconds, burst, log: (line) => console.error(line) })));
}
