// The scale section (issue 15): the mock at 10,000, 100,000 and 1,000,000 customers (BENCH_SIZES), with the answer
// cache off for the targets and on beside them, against a bare Express route and Prism 5.14 mocking our spec.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WARM_UP_FROM } from '../src/ndata/warm-up.js';
import { load, type LoadResult } from './load.js';
import { startPrismMock } from './prism-mock.js';
import { byIdPaths, filteredPages, searchPages } from './scale-paths.js';
import { login, startServer, type BenchServer } from './servers.js';
import { probeStream, type StreamProbe } from './stream-probe.js';

export const CONNECTIONS = 16;
/**
 * The narrow list beside the whole store (`LastName` is not a customer filter, so the issue's `LastName=startswith:Kov`
 * row measured the whole store): customers with a card whose serial starts `CRD0`.
 */
export const NARROW_LIST = '/customers?CardSerialNumber=startswith:CRD0';
/** The one page repeated, as a list screen does, to show what the answer cache gives. */
export const REPEATED_PAGE = '/customers?DiscountRate=gte:7;lte:31&$sort=-creditRate,lastName&$skip=100&$take=50';

export interface SizeFigures {
  customers: number;
  /** From the mock's start-up line. */
  seedMs: number | null;
  /** Right after it listens. */
  rssBytes: number | null;
  /** How long the query indexes built after listening took (null: none are built ahead at this size). */
  indexesMs: number | null;
  /** Once they are built. */
  indexedRssBytes: number | null;
  bare: LoadResult;
  byId: LoadResult;
  pages: LoadResult;
  search: LoadResult;
  repeated: LoadResult;
  whole: StreamProbe;
  narrow: StreamProbe;
  /** The same with the answer cache on (null: that server failed). */
  cached: { pages: LoadResult; search: LoadResult; repeated: LoadResult } | null;
}

export interface ScaleFigures {
  sizes: SizeFigures[];
  /** `GET /customers/{id}` from `prism mock` and from the mock (the smallest size), one after the other. */
  prism: { prism: LoadResult; ours: LoadResult } | null;
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'portos-bench-'));

function configFile(answerCache: boolean): string {
  const file = join(tempDir(), `answer-cache-${answerCache}.json`);
  writeFileSync(file, JSON.stringify({ ndata: { answerCache } }));
  return file;
}

async function startMock(customers: number, answerCache: boolean): Promise<BenchServer> {
  const args = ['serve', '--port', '0', '--count', String(customers), '--quiet', '--config', configFile(answerCache)];
  return startServer(['bin/portos-mock.js', ...args]);
}

/** The first 1,000 ids of the store (the by-id requests draw from them) and the first customer itself. */
async function someCustomers(url: string, headers: Record<string, string>): Promise<{ ids: string[]; first: unknown }> {
  const page = (await (await fetch(`${url}/customers?$take=1000`, { headers })).json()) as { items: { id: string }[] };
  return { ids: page.items.map((c) => c.id), first: page.items[0] };
}

async function bareServer(customer: unknown): Promise<BenchServer> {
  const file = join(tempDir(), 'customer.json');
  writeFileSync(file, JSON.stringify(customer));
  return startServer(['--import', 'tsx', 'bench/bare-server.ts', file]);
}

/**
 * Waits for the mock's "query indexes built in N ms" line (a store of 10,000 or more builds its Search index and
 * usual sort rankings after listening, answering queries meanwhile): the figures are of the mock once warm.
 */
async function indexesBuilt(mock: BenchServer, customers: number) {
  if (customers < WARM_UP_FROM) return { line: 'no query indexes built ahead', ms: null, rssBytes: mock.rssBytes() };
  const line = await mock.lineMatching(/query indexes built in \d+ ms/);
  return { line, ms: msInLine(line), rssBytes: mock.rssBytes() };
}

/** The "in N ms" of a start-up line (seeding, or the indexes built after listening). */
const msInLine = (line: string) => {
  const ms = /in (\d+) ms/.exec(line)?.[1];
  return ms === undefined ? null : Number(ms);
};

type Drive = (url: string, headers: Record<string, string>, paths?: readonly string[]) => Promise<LoadResult>;

const streamLine = (p: StreamProbe) =>
  `${p.status ?? p.error}, first byte ${p.firstByteMs.toFixed(0)} ms, ${p.bytes} bytes in ${p.totalMs.toFixed(0)} ms, ` +
  `RSS +${p.rssGrowthBytes === null ? '-' : (p.rssGrowthBytes / 1024 / 1024).toFixed(0)} MB`;

/** The cache-on figures of one size: the same varying queries and the repeated page. */
async function withCache(customers: number, drive: Drive, pages: string[], search: string[]) {
  const mock = await startMock(customers, true);
  try {
    await indexesBuilt(mock, customers);
    const headers = await login(mock.url);
    return {
      pages: await drive(mock.url, headers, pages),
      search: await drive(mock.url, headers, search),
      repeated: await drive(`${mock.url}${REPEATED_PAGE}`, headers),
    };
  } finally {
    await mock.stop();
  }
}

/** Everything measured at one size with the answer cache off (and Prism, when `prism` is still to be measured). */
async function oneSize(
  customers: number,
  drive: Drive,
  pages: string[],
  search: string[],
  log: (line: string) => void,
) {
  const mock = await startMock(customers, false);
  try {
    const rssBytes = mock.rssBytes();
    log(`${customers}: ${mock.startupLine}`);
    const indexes = await indexesBuilt(mock, customers);
    log(`${customers}: ${indexes.line}`);
    const headers = await login(mock.url);
    // A first page builds the query engine's views of the store; then the lists, while the heap is as it was.
    const { ids, first } = await someCustomers(mock.url, headers);
    const whole = await probeStream(mock, '/customers', headers);
    log(`${customers} whole store: ${streamLine(whole)}`);
    const narrow = await probeStream(mock, NARROW_LIST, headers);
    log(`${customers} narrow list: ${streamLine(narrow)}`);
    const bare = await bareServer(first);
    const bareResult = await drive(`${bare.url}/customer`, {}).finally(() => bare.stop());
    const byId = await drive(mock.url, headers, byIdPaths(ids));
    log(`${customers} by id: ${byId.rps.toFixed(0)} req/s (bare ${bareResult.rps.toFixed(0)})`);
    const pagesResult = await drive(mock.url, headers, pages);
    log(
      `${customers} pages: ${pagesResult.rps.toFixed(0)} req/s, p99 ${pagesResult.p99Ms} ms, ${pagesResult.errors} errors`,
    );
    const searchResult = await drive(mock.url, headers, search);
    log(
      `${customers} search: ${searchResult.rps.toFixed(0)} req/s, p99 ${searchResult.p99Ms} ms, ${searchResult.errors} errors`,
    );
    const repeated = await drive(`${mock.url}${REPEATED_PAGE}`, headers);
    return {
      figures: {
        customers,
        seedMs: msInLine(mock.startupLine),
        rssBytes,
        indexesMs: indexes.ms,
        indexedRssBytes: indexes.rssBytes,
        bare: bareResult,
        byId,
        pages: pagesResult,
        search: searchResult,
        repeated,
        whole,
        narrow,
      },
      firstId: ids[0] ?? 'none',
      headers,
    };
  } finally {
    await mock.stop();
  }
}

async function prismSideBySide(drive: Drive, id: string, headers: Record<string, string>): Promise<LoadResult> {
  const prism = await startPrismMock();
  try {
    return await drive(`${prism.url}/customers/${id}`, headers);
  } finally {
    await prism.stop();
  }
}

/** Each size in turn; a size (or its cache-on half) that fails is logged and left out, and the rest goes on. */
export async function scaleBenchmarks(options: {
  sizes: readonly number[];
  seconds: number;
  log: (line: string) => void;
}): Promise<ScaleFigures> {
  const { seconds, log } = options;
  const drive: Drive = (url, headers, paths) =>
    load(url, headers, { connections: CONNECTIONS, seconds, ...(paths === undefined ? {} : { paths }) });
  const pages = filteredPages();
  const search = searchPages();
  const sizes: SizeFigures[] = [];
  let prism: ScaleFigures['prism'] = null;
  for (const customers of options.sizes) {
    const measured = await oneSize(customers, drive, pages, search, log).catch((error: unknown) => {
      log(`${customers}: left out, ${String(error)}`);
      return null;
    });
    if (measured === null) continue;
    if (prism === null) {
      const prismResult = await prismSideBySide(drive, measured.firstId, measured.headers).catch((error: unknown) => {
        log(`Prism: left out, ${String(error)}`);
        return null;
      });
      if (prismResult !== null) prism = { prism: prismResult, ours: measured.figures.byId };
    }
    const cached = await withCache(customers, drive, pages, search).catch((error: unknown) => {
      log(`${customers} cache on: left out, ${String(error)}`);
      return null;
    });
    sizes.push({ ...measured.figures, cached });
  }
  return { sizes, prism };
}
