// `npm run bench`: prints the figures the issues ask for. Numbers, never assertions: the machine is shared.
import { latencyIsolation } from './latency-isolation.js';
import { queryBenchmarks, type QueryRow } from './query-speed.js';

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
const rows = await queryBenchmarks(log);
console.log('\nNData query speed (50 connections, authenticated, keep-alive):\n');
console.log(table(rows));

const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const isolation = await latencyIsolation({ seconds });
console.log(
  '\nLatency isolation (a 500 ms latency fault on GET /customers/{id}; 50 connections on each route at once):\n',
);
console.log('| measurement | req/s | p99 ms |\n|---|---:|---:|');
for (const row of isolation) console.log(`| ${row.name} | ${row.rps} | ${row.p99Ms} |`);
