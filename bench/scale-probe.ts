// In-process probe of the store and the query engine at one size (issue 15): seeding time and memory, a hash of
// the seed, and the CPU cost of varying queries (answer cache cleared before each). Not part of `npm run bench`.
//   node --expose-gc --import tsx bench/scale-probe.ts 100000 [queries]   (env: PROBE_REPLICATE, PROBE_WARM, PROBE_SLOW)
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredCustomer } from '../src/domain/customer.js';
import { parseCustomerQuery, runCustomerQuery } from '../src/ndata/index.js';
import { viewOf } from '../src/ndata/store-view.js';
import { warmUp } from '../src/ndata/warm-up.js';
import { CustomerStore } from '../src/store/customer-store.js';
import { generateCustomers } from '../src/store/seed.js';
import { queryResultJson } from '../src/http/customer-json.js';
import { PROBE_SORTS } from './probe-sorts.js';

const count = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 300);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

gc();
const rss0 = process.memoryUsage().rss;
let t = performance.now();
// PROBE_CACHE=dir: the seed is read from (or written to) a JSON file there, to measure queries without seeding.
const cacheDir = process.env['PROBE_CACHE'];
const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, `seed-42-${count}.json`);
const customers: StoredCustomer[] =
  cacheFile !== undefined && existsSync(cacheFile)
    ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as StoredCustomer[])
    : generateCustomers({ seed: 42, count });
if (cacheFile !== undefined && !existsSync(cacheFile)) writeFileSync(cacheFile, JSON.stringify(customers));
// PROBE_REPLICATE=k: k copies of the seed (ids made unique), to measure queries at k times the size quickly.
const copies = Number(process.env['PROBE_REPLICATE'] ?? 1);
if (copies > 1) {
  const one = customers.slice();
  for (let k = 1; k < copies; k++) for (const c of one) customers.push({ ...c, id: `${c.id}${k}` });
}
const seedMs = performance.now() - t;
t = performance.now();
const store = new CustomerStore(customers);
const storeMs = performance.now() - t;
gc();
const rss1 = process.memoryUsage().rss;
console.log(
  `seed ${count}: ${seedMs.toFixed(0)} ms + store ${storeMs.toFixed(0)} ms; RSS ${mb(rss1)} (+${mb(rss1 - rss0)})`,
);

const hash = createHash('sha256');
for (const c of store.list()) hash.update(JSON.stringify(c));
console.log(`seed hash ${hash.digest('hex').slice(0, 16)}`);

// PROBE_WARM=1: what `startMock` does after listening (Search index and sort rankings built ahead), timed, first.
if (process.env['PROBE_WARM'] !== undefined) {
  t = performance.now();
  await warmUp(store, 'ordinal', 0).done;
  console.log(`warm-up ${(performance.now() - t).toFixed(0)} ms`);
}

const NOW = Date.parse('2025-06-01T00:00:00.000Z');
const SORTS = PROBE_SORTS;
const SEARCHES = ['ova', 'nov', 'kov', 'anna', 'mar', 'ek', 'petr'];

function path(i: number): string {
  const low = i % 23;
  const high = low + 5 + ((i * 7) % 25);
  const sort = SORTS[i % SORTS.length];
  const skip = 50 * (i % 5);
  const active = i % 2 === 0 ? '&IsActive=true' : '';
  return `DiscountRate=gte:${low};lte:${high}${active}&$sort=${sort}&$skip=${skip}&$take=50`;
}
const searchPath = (i: number) => `Search=${SEARCHES[i % SEARCHES.length]}&$skip=${20 * (i % 4)}&$take=20&$count=true`;

function run(name: string, make: (i: number) => string): void {
  const times: number[] = [];
  const slow: [number, string][] = [];
  for (let i = 0; i < rounds; i++) {
    const qs = make(i);
    viewOf(store).results.clear();
    const start = performance.now();
    const parsed = parseCustomerQuery([...new URLSearchParams(qs)], {
      strict: false,
      repeatedSingleParameter: 'first',
    });
    if (!parsed.ok) throw new Error(qs);
    const r = runCustomerQuery(parsed.query, store, NOW, { stringOrder: 'ordinal' });
    queryResultJson(r.items, r.count, r.totalCount, NOW);
    times.push(performance.now() - start);
    slow.push([performance.now() - start, `${i}: ${qs}`]);
  }
  if (process.env['PROBE_SLOW'] !== undefined) {
    for (const [ms, qs] of slow.sort((a, b) => b[0] - a[0]).slice(0, 8)) console.log(`  ${ms.toFixed(1)} ms ${qs}`);
  }
  const firstTwenty = times.slice(0, 20).reduce((a, b) => a + b, 0);
  const rest = times.slice(20).sort((a, b) => a - b);
  const q = (p: number) => (rest[Math.min(rest.length - 1, Math.floor(p * rest.length))] ?? 0).toFixed(2);
  console.log(`${name}: first 20 total ${firstTwenty.toFixed(0)} ms; then p50 ${q(0.5)} p99 ${q(0.99)} max ${q(1)} ms`);
}

run('sorted pages of 50', path);
run('Search pages of 20 + $count', searchPath);
t = performance.now();
const first = store.list()[0];
if (first !== undefined) store.put({ ...first, discountRate: 12 });
run('sorted pages after one write', path);
console.log(`(write + ${rounds} queries: ${(performance.now() - t).toFixed(0)} ms)`);
gc();
console.log(`RSS at end ${mb(process.memoryUsage().rss)}`);
