// The scale section's figures as Markdown tables: every target of issue 15 with "met" or "not met", the figures
// per size, the growth table and Prism side by side.
import type { LoadResult } from './load.js';
import { CONNECTIONS, NARROW_LIST, REPEATED_PAGE, type ScaleFigures, type SizeFigures } from './scale.js';
import type { StreamProbe } from './stream-probe.js';

const MB = 1024 * 1024;
const n = (value: number) => value.toLocaleString('en-GB');
const mb = (bytes: number | null) => (bytes === null ? '-' : `${(bytes / MB).toFixed(0)} MB`);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '-');
const clean = (r: LoadResult) => r.errors === 0 && r.non2xx === 0;
const load = (r: LoadResult) =>
  r.rps === 0
    ? `no answer in the run (${r.errors} timeouts or errors)`
    : `${r.rps.toFixed(0)} req/s, p99 ${r.p99Ms} ms${clean(r) ? '' : ` (${r.errors} errors, ${r.non2xx} non-2xx)`}`;
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'not met');

interface Target {
  target: string;
  figure: string;
  met: boolean | null;
}

function streamTarget(name: string, probe: StreamProbe | undefined): Target {
  const target = `${name} at 1,000,000: 200, first byte ≤ 1 s, RSS growth < 100 MB`;
  if (probe === undefined) return { target, figure: '-', met: null };
  const whole = probe.error === null && probe.status === 200;
  const figure =
    `${probe.status ?? 'no answer'}${probe.error === null ? '' : ` (${probe.error})`}, first byte ${ms(probe.firstByteMs)}, ` +
    `RSS +${mb(probe.rssGrowthBytes)}, ${n(probe.items)} items, ${mb(probe.bytes)} in ${ms(probe.totalMs)}`;
  const met = whole && probe.firstByteMs <= 1000 && probe.rssGrowthBytes !== null && probe.rssGrowthBytes < 100 * MB;
  return { target, figure, met };
}

export function scaleTargets(figures: ScaleFigures): Target[] {
  const at = (customers: number) => figures.sizes.find((s) => s.customers === customers);
  const s10k = at(10_000);
  const s100k = at(100_000);
  const s1m = at(1_000_000);
  const p99Target = (
    size: SizeFigures | undefined,
    label: string,
    bound: number,
    pick: (s: SizeFigures) => LoadResult,
  ) => {
    const target = `${label}: p99 ≤ ${bound} ms`;
    if (size === undefined) return { target, figure: '-', met: null };
    const r = pick(size);
    return { target, figure: load(r), met: clean(r) && r.p99Ms <= bound };
  };
  return [
    {
      target: 'Seeding 1,000,000 customers: ≤ 8 s, RSS ≤ 1 GB',
      figure: s1m === undefined ? '-' : `${((s1m.seedMs ?? Number.NaN) / 1000).toFixed(1)} s, RSS ${mb(s1m.rssBytes)}`,
      met: s1m === undefined ? null : (s1m.seedMs ?? Infinity) <= 8000 && (s1m.rssBytes ?? Infinity) <= 1024 * MB,
    },
    p99Target(s100k, 'Varying filtered, sorted pages of 50 at 100,000', 15, (s) => s.pages),
    p99Target(s1m, 'Varying filtered, sorted pages of 50 at 1,000,000', 50, (s) => s.pages),
    {
      target: 'Varying filtered, sorted pages of 50 at 10,000: ≥ 0.5 × bare Express',
      figure: s10k === undefined ? '-' : `${(s10k.pages.rps / s10k.bare.rps).toFixed(2)} × (${load(s10k.pages)})`,
      met: s10k === undefined ? null : clean(s10k.pages) && s10k.pages.rps >= 0.5 * s10k.bare.rps,
    },
    p99Target(s1m, 'Varying `Search` at 1,000,000', 50, (s) => s.search),
    ...figures.sizes.map((s) => ({
      target: `By id at ${n(s.customers)}: ≥ 0.8 × bare Express`,
      figure: `${(s.byId.rps / s.bare.rps).toFixed(2)} × (${s.byId.rps.toFixed(0)} / ${s.bare.rps.toFixed(0)} req/s)`,
      met: clean(s.byId) && s.byId.rps >= 0.8 * s.bare.rps,
    })),
    streamTarget('`GET /customers` (the whole store)', s1m?.whole),
    streamTarget(`\`GET ${NARROW_LIST}\``, s1m?.narrow),
  ];
}

export function scaleTables(figures: ScaleFigures): string {
  const targets = scaleTargets(figures);
  const out = [
    `\nScale (issue 15): targets with the answer cache off (ndata.answerCache: false), ${CONNECTIONS} connections:\n`,
    '| target | figure | met |',
    '|---|---|---|',
    ...targets.map((t) => `| ${t.target} | ${t.figure} | ${verdict(t.met)} |`),
    `\nPer size (${CONNECTIONS} keep-alive connections, bearer token; measured once the indexes built after listening are built; cache off, then the same with the cache on):\n`,
    '| customers | seeding | RSS | indexes built after listening | RSS then | bare Express | by id | varying pages of 50 | varying Search | one page repeated | pages, cache on | Search, cache on | repeated, cache on |',
    '|---:|---:|---:|---:|---:|---|---|---|---|---|---|---|---|',
    ...figures.sizes
      .map((s) =>
        [
          n(s.customers),
          ms(s.seedMs ?? Number.NaN),
          mb(s.rssBytes),
          s.indexesMs === null ? 'none' : ms(s.indexesMs),
          mb(s.indexedRssBytes),
          load(s.bare),
          load(s.byId),
          load(s.pages),
          load(s.search),
          load(s.repeated),
          s.cached === null ? '-' : load(s.cached.pages),
          s.cached === null ? '-' : load(s.cached.search),
          s.cached === null ? '-' : load(s.cached.repeated),
        ].join(' | '),
      )
      .map((line) => `| ${line} |`),
    `\nStreamed lists (read to the end by one client; RSS growth = the server's peak while sending, less before):\n`,
    '| customers | list | status | items | bytes | first byte | whole answer | RSS growth |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
    ...figures.sizes.flatMap((s) =>
      (
        [
          ['`GET /customers`', s.whole],
          [`\`GET ${NARROW_LIST}\``, s.narrow],
        ] as const
      ).map(
        ([name, p]) =>
          `| ${n(s.customers)} | ${name} | ${p.status ?? p.error} | ${n(p.items)} | ${mb(p.bytes)} | ${ms(p.firstByteMs)} | ${ms(p.totalMs)} | ${mb(p.rssGrowthBytes)} |`,
      ),
    ),
    growthTable(figures.sizes),
  ];
  if (figures.prism !== null) {
    const { prism, ours } = figures.prism;
    out.push(
      `\nThe by-id route side by side (${CONNECTIONS} connections; Prism 5.14.2 \`prism mock spec/openapi.yaml\`, static examples, its default logging):\n`,
      '| server | req/s | p99 ms | ratio to the mock |',
      '|---|---:|---:|---:|',
      `| portos-mock (${n(figures.sizes[0]?.customers ?? 0)} customers) | ${ours.rps.toFixed(0)} | ${ours.p99Ms} | 1.00 |`,
      `| Prism 5.14.2 mocking the same spec${clean(prism) ? '' : ` (${prism.errors} errors, ${prism.non2xx} non-2xx)`} | ${prism.rps.toFixed(0)} | ${prism.p99Ms} | ${(prism.rps / ours.rps).toFixed(2)} |`,
    );
  }
  out.push(`\n(one page repeated: \`${REPEATED_PAGE}\`)`);
  return out.join('\n');
}

/** Server time per query (ms at saturation: 1000 / req/s) as the store grows, and its growth first → last size. */
function growthTable(sizes: readonly SizeFigures[]): string {
  const rows: [string, (s: SizeFigures) => number][] = [
    ['GET /customers/{id}', (s) => 1000 / s.byId.rps],
    ['varying filtered, sorted pages of 50', (s) => 1000 / s.pages.rps],
    ['varying Search', (s) => 1000 / s.search.rps],
    ['one page repeated, cache off', (s) => 1000 / s.repeated.rps],
    ['whole store streamed, per 1,000 items', (s) => (s.whole.totalMs / s.whole.items) * 1000],
  ];
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const header = `| cost per query (ms) | ${sizes.map((s) => n(s.customers)).join(' | ')} | growth |`;
  const lines = rows.map(([name, cost]) => {
    const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
    const growth = first === undefined || last === undefined ? '-' : `${fixed(cost(last) / cost(first), 1)} ×`;
    return `| ${name} | ${sizes.map((s) => fixed(cost(s), 3)).join(' | ')} | ${growth} |`;
  });
  return [
    '\nGrowth (ms of server time per query at saturation, 1000 / req/s; 2 cores shared by the load generator):\n',
    header,
    `|---|${sizes.map(() => '---:|').join('')}---:|`,
    ...lines,
  ].join('\n');
}
