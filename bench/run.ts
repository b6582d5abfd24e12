// `npm run bench`: prints the figures the issues ask for. Numbers, never assertions: the machine is shared.
// BENCH_SECONDS: seconds per measurement; BENCH_ONLY=query|isolation|hub|scale: one section only;
// BENCH_SIZES: the store sizes of the scale section (default 10000,100000,1000000; e.g. 10000,100000 while developing).
import { hubFanout, hubTables } from './hub-fanout.js';
import { latencyIsolation } from './latency-isolation.js';
import { queryBenchmarks, type QueryRow } from './query-speed.js';
import { scaleBenchmarks } from './scale.js';
import { scaleTables } from './scale-tables.js';

function table(rows: QueryRow[]): string {
  const header =
    '| query | customers | req/s | p99 ms | ratio to bare | target | met |\n|---|---:|---:|---:|---:|---|---|';
  const lines = rows.map((r) =>
    [
      r.name,
      r.customers?.toLocaleString('en-GB') ?? '-',
      r.result.rps.toFixed(0),
      String(r.result.p99Ms),
      r.ratio === null ? '-' : r.ratio.toFixed(2),
      r.target,
      r.met === null ? '' : r.met ? 'yes' : 'NO',
    ].join(' | '),
  );
  return [header, ...lines.map((l) => `| ${l} |`)].join('\n');
}

const log = (line: string) => console.error(`bench: ${line}`);
const only = process.env['BENCH_ONLY'];
const runs = (section: string) => only === undefined || only === '' || only === section;
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);

if (runs('query')) {
  const rows = await queryBenchmarks(log);
  console.log('\nNData query speed (50 connections, authenticated, keep-alive):\n');
  console.log(table(rows));
}

if (runs('isolation')) {
  const isolation = await latencyIsolation({ seconds });
  console.log(
    '\nLatency isolation (a 500 ms latency fault on GET /customers/{id}; 50 connections on each route at once):\n',
  );
  console.log('| measurement | req/s | p99 ms |\n|---|---:|---:|');
  for (const row of isolation) console.log(`| ${row.name} | ${row.rps} | ${row.p99Ms} |`);
}

if (runs('hub')) {
  // Shorter than the other sections (3 s a measurement unless BENCH_SECONDS says otherwise); a burst of 10,000
  // writes to 1,000 connections (10 million notifications) unless BENCH_HUB_BURST says otherwise.
  const hubSeconds = Number(process.env['BENCH_SECONDS'] ?? 3);
  const burst = Number(process.env['BENCH_HUB_BURST'] ?? 10_000);
  console.log(hubTables(await hubFanout({ seconds: hubSeconds, burst, log })));
}

if (runs('scale')) {
  const sizes = (process.env['BENCH_SIZES'] ?? '10000,100000,1000000').split(',').map(Number);
  console.log(scaleTables(await scaleBenchmarks({ sizes, seconds, log })));
}
