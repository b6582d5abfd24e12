// Load probe of GET /customers at one size (issue 15), answer cache off: varying filtered, sorted pages of 50 and
// varying Search pages of 20 with $count, at 16 keep-alive connections. Not part of `npm run bench`.
//   node --import tsx bench/scale-load.ts 100000 [seconds] [bin/portos-mock.js] [--keep-cache]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './servers.js';
import { PROBE_SORTS } from './probe-sorts.js';

const [countText = '100000', secondsText = '10', bin = 'bin/portos-mock.js'] = process.argv.slice(2);
const keepCache = process.argv.includes('--keep-cache');
const dir = mkdtempSync(join(tmpdir(), 'scale-load-'));
const configFile = join(dir, 'config.json');
writeFileSync(configFile, JSON.stringify({ ndata: { answerCache: false } }));

const SORTS = PROBE_SORTS;
const SEARCHES = ['ova', 'nov', 'kov', 'anna', 'mar', 'petr', 'ská', 'ek'];
const sorted = Array.from({ length: 4000 }, (_, i) => {
  const low = i % 23;
  const high = low + 5 + ((i * 7) % 25);
  const active = i % 2 === 0 ? '&IsActive=true' : '';
  return `/customers?DiscountRate=gte:${low};lte:${high}${active}&$sort=${SORTS[i % SORTS.length]}&$skip=${50 * (i % 5)}&$take=50`;
});
const searched = Array.from(
  { length: 400 },
  (_, i) =>
    `/customers?Search=${encodeURIComponent(SEARCHES[i % SEARCHES.length] ?? '')}&$skip=${20 * (i % 5)}&$take=20&$count=true`,
);

const mock = await startServer([
  bin,
  'serve',
  '--port',
  '0',
  '--count',
  countText,
  '--quiet',
  ...(keepCache ? [] : ['--config', configFile]),
]);
console.log(mock.startupLine);
const auth = await fetch(`${mock.url}/api/auth`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ userName: 'viewer', password: 'viewer', deviceName: 'P01' }),
});
const headers = { authorization: `Bearer ${((await auth.json()) as { tokenId: string }).tokenId}` };

async function drive(name: string, paths: readonly string[], seconds: number): Promise<void> {
  const result = await autocannon({
    url: mock.url,
    headers,
    connections: 16,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] ?? '/' }) }],
  });
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts}`,
  );
}

const seconds = Number(secondsText);
const warmUp = Number(process.env['SCALE_WARMUP'] ?? 3);
await drive('warm-up (sorted)', sorted, warmUp);
await drive('sorted pages of 50', sorted, seconds);
await drive('warm-up (Search)', searched, warmUp);
await drive('Search pages of 20 + $count', searched, seconds);
await mock.stop();
