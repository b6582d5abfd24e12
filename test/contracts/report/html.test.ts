import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { sideBySide, valueRows, type DiffRow } from '../../../src/contracts/report/html-diff.js';
import { formatHtmlReport } from '../../../src/contracts/report/html.js';
import { sampleResult } from '../support/run-result.js';

const row = (kind: DiffRow['kind'], expected: string | null, actual: string | null): DiffRow => ({
  kind,
  expected,
  actual,
});

const sideBySideCases: { name: string; unified: string[]; rows: DiffRow[] }[] = [
  {
    name: 'a changed member pairs up',
    unified: ['  {', '-   "count": 3', '+   "count": 2', '  }'],
    rows: [row('same', '{', '{'), row('changed', '  "count": 3', '  "count": 2'), row('same', '}', '}')],
  },
  {
    name: 'a missing member is on the left only',
    unified: ['  {', '-   "a": 1', '  }'],
    rows: [row('same', '{', '{'), row('expected-only', '  "a": 1', null), row('same', '}', '}')],
  },
  {
    name: 'an extra element is on the right only',
    unified: ['  [', '    1', '+   2', '  ]'],
    rows: [row('same', '[', '['), row('same', '  1', '  1'), row('actual-only', null, '  2'), row('same', ']', ']')],
  },
  {
    name: 'uneven runs pair what they can',
    unified: ['- a', '- b', '+ c'],
    rows: [row('changed', 'a', 'c'), row('expected-only', 'b', null)],
  },
  {
    name: 'elided lines become a gap',
    unified: ['  ...', '- x', '+ y', '  ...'],
    rows: [row('gap', null, null), row('changed', 'x', 'y'), row('gap', null, null)],
  },
];

for (const c of sideBySideCases) {
  test(`HTML report, side by side: ${c.name}`, () => assert.deepEqual(sideBySide(c.unified), c.rows));
}

const valueCases: { name: string; expected: unknown; actual: unknown; rows: DiffRow[] }[] = [
  { name: 'a status', expected: 200, actual: 404, rows: [row('changed', '200', '404')] },
  {
    name: 'a title',
    expected: 'Resource not found',
    actual: 'Zdroj nebol nájdený',
    rows: [row('changed', '"Resource not found"', '"Zdroj nebol nájdený"')],
  },
  {
    name: 'a schema error states the requirement',
    expected: undefined,
    actual: '7',
    rows: [row('changed', 'the spec requires: must be integer', '"7"')],
  },
  { name: 'a missing member', expected: 'x', actual: undefined, rows: [row('changed', '"x"', '(missing)')] },
  {
    name: 'an object diffs member by member',
    expected: { a: 1, b: 2 },
    actual: { a: 1, b: 3 },
    rows: [
      row('same', '{', '{'),
      row('same', '  "a": 1', '  "a": 1'),
      row('changed', '  "b": 2', '  "b": 3'),
      row('same', '}', '}'),
    ],
  },
];

for (const c of valueCases) {
  test(`HTML report, values: ${c.name}`, () =>
    assert.deepEqual(valueRows(c.expected, c.actual, 'the spec requires: must be integer'), c.rows));
}

test('HTML report: one self-contained page (no external script, style, image or font)', () => {
  const page = formatHtmlReport(sampleResult());
  assert.match(page, /^<!doctype html>/);
  assert.doesNotMatch(page, /<(script|img|link|iframe)[^>]+(src|href)=/i);
  assert.doesNotMatch(page, /url\(|@import|https?:\/\/(?!127\.0\.0\.1:3000)/);
  assert.match(page, /<style>[\s\S]+<\/style>/);
  assert.match(page, /<script>[\s\S]+<\/script>/);
});

test('HTML report: text is escaped', () => {
  const page = formatHtmlReport(sampleResult());
  assert.ok(page.includes('wrong &lt;count&gt; &amp; &quot;title&quot;'));
  assert.ok(!page.includes('<count>') && !page.includes('<1>'));
});

test('HTML report: broken contracts first, then could-not-run, unconfirmed decisions in their own section, passes last and closed', () => {
  const page = formatHtmlReport(sampleResult());
  const at = (text: string) => page.indexOf(text);
  const order = [
    'data-section="failed"',
    'data-section="error"',
    'data-section="unconfirmed"',
    'data-section="passed"',
  ].map(at);
  assert.ok(
    order.every((i) => i > 0),
    'every section is there',
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(page, /Decisions the server did not confirm — 1/);
  assert.match(page, /<details class="scenario failed" data-status="failed" data-tags="smoke" open>/);
  assert.match(page, /<details class="scenario passed" data-status="passed" data-tags="smoke">/);
});

test('HTML report: each failure has its side-by-side diff, the request sent and the response', () => {
  const page = formatHtmlReport(sampleResult());
  assert.match(
    page,
    /<td class="expected changed"> {2}&quot;count&quot;: 3<\/td><td class="actual changed"> {2}&quot;count&quot;: 2<\/td>/,
  );
  assert.match(
    page,
    /<td class="expected changed">&quot;A&quot;<\/td><td class="actual changed">&quot;B&quot;<\/td>/,
    'the title',
  );
  assert.match(page, /the spec requires: must be integer/, 'the schema error');
  assert.match(page, /<code class="http">GET \/customers\?\$take=3&amp;x=&lt;1&gt;<\/code>/);
  assert.match(page, /<summary>Response 200<\/summary>/);
  assert.match(page, /Invalid scenarios or profiles — 1/);
  assert.match(page, /Cleanup: 3 created, 1 deleted, 1 already gone, 1 failed/);
});

test('HTML report: filters by result with counts, and by every tag', () => {
  const page = formatHtmlReport(sampleResult());
  for (const [value, count] of [
    ['all', 4],
    ['problems', 3],
    ['failed', 1],
    ['error', 1],
    ['unconfirmed', 1],
    ['skipped', 0],
    ['passed', 1],
  ] as const) {
    assert.match(page, new RegExp(`data-result="${value}" aria-pressed="(true|false)">[^<]+<b>${count}</b>`));
  }
  assert.match(page, /<option value="smoke">#smoke<\/option>/);
});

test('HTML report: skipped scenarios are folded in their own section, with the reason, and are not problems', () => {
  const result = sampleResult();
  result.scenarios.push({
    id: 'contracts/c.yaml › needs control',
    file: 'contracts/c.yaml',
    name: 'needs control',
    basis: 'doc',
    tags: [],
    status: 'skipped',
    note: 'the server has no /_mock',
    durationMs: 0,
    steps: [],
    skippedSteps: 0,
  });
  const page = formatHtmlReport(result);
  assert.ok(page.indexOf('data-section="skipped"') < page.indexOf('data-section="passed"'));
  assert.match(page, /<details class="scenario skipped" data-status="skipped" data-tags="">/);
  assert.match(page, /Skipped: the server has no \/_mock/);
  assert.match(page, /data-result="problems" aria-pressed="false">[^<]+<b>3<\/b>/);
});

test('report: each source link opens that file of the package, notes and unreadable sources stay text', () => {
  const cases: { source: string; links: string[]; text: string }[] = [
    { source: 'docs/portos/customers.md#examples', links: ['docs/portos/customers.md#examples'], text: '' },
    {
      source: 'docs/portos/errors.md#error-codes (errorCode 6, resource), docs/decisions.md#errors',
      links: ['docs/portos/errors.md#error-codes', 'docs/decisions.md#errors'],
      text: ' (errorCode 6, resource)',
    },
    { source: 'somewhere else', links: [], text: 'Source: somewhere else' },
  ];
  for (const { source, links, text } of cases) {
    const result = sampleResult();
    const first = result.scenarios[0];
    assert.ok(first !== undefined);
    const page = formatHtmlReport({ ...result, scenarios: [{ ...first, source }] });
    const hrefs = [...page.matchAll(/<p class="source">Source: (.*?)<\/p>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/<a href="([^"]+)">/g)].map((a) => a[1] ?? ''),
    );
    assert.equal(hrefs.length, links.length, source);
    links.forEach((link, i) => {
      const href = hrefs[i] ?? '';
      assert.ok(href.startsWith('file://') && href.endsWith(link), `${href} should open ${link}`);
      assert.ok(existsSync(fileURLToPath(href.split('#')[0] ?? '')), `${href} is a file of the package`);
    });
    assert.ok(page.includes(text), `${source}: "${text}"`);
  }
});
