/**
 * Latency isolation (issue "mock control", item 4): with a 500 ms latency fault on one route, the other routes
 * keep their throughput and the delayed route serves concurrent requests in parallel. The mock runs in its own
 * process (`portos-mock serve`, so it has a core to itself), the fault is set through the control API, and
 * autocannon drives both routes at once.
 */
import { pathToFileURL } from 'node:url';
import { load, type LoadResult } from './load.js';
import { startBenchMock } from './servers.js';

export interface BenchRow {
  name: string;
  rps: number;
  p99Ms: number;
}

const DELAY_MS = 500;

function row(name: string, result: LoadResult): BenchRow {
  return { name, rps: Math.round(result.rps), p99Ms: result.p99Ms };
}

/** Three figures: an undisturbed route, the same route while another is delayed, and the delayed route itself. */
export async function latencyIsolation(options: { seconds?: number; connections?: number } = {}): Promise<BenchRow[]> {
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? 50;
  const server = await startBenchMock(['--no-auth']);
  try {
    const root = server.url;
    const health = `${root}/api/v2/health`;
    const list = (await (await fetch(`${root}/customers?$take=1`)).json()) as { items: { id: string }[] };
    const delayed = `${root}/customers/${list.items[0]?.id ?? 'x'}`;
    const baseline = await load(health, {}, { connections, seconds });
    const fault = await fetch(`${root}/_mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', ms: DELAY_MS, scope: { route: 'customer' } }),
    });
    if (fault.status !== 201) throw new Error(`could not set the latency fault: ${fault.status} ${await fault.text()}`);
    const [beside, slow] = await Promise.all([
      load(health, {}, { connections, seconds }),
      load(delayed, {}, { connections, seconds }),
    ]);
    return [
      row('GET /api/v2/health, no faults', baseline),
      row(`GET /api/v2/health while /customers/{id} has ${DELAY_MS} ms latency`, beside),
      row(
        `GET /customers/{id} with ${DELAY_MS} ms latency, ${connections} connections (one at a time: ${1000 / DELAY_MS} req/s)`,
        slow,
      ),
    ];
  } finally {
    await server.stop();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await latencyIsolation());
}
