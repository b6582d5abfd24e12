import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { SOURCE_LINK, splitSource } from '../../src/contracts/source-links.js';

// The repository is self-contained: every citation points at a file it ships. (a) no tracked file names the notes
// the project was built from; (b) every scenario's `source:` is made of links into the repository's docs whose
// file and heading exist (src/contracts/FORMAT.md, "Provenance"); (c) every link inside docs/ resolves.

const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' })
  .split('\0')
  .filter((path) => path !== '' && !path.startsWith('node_modules/') && existsSync(path));

/** Heading anchors of a Markdown text, as GitHub makes them (lower case, punctuation dropped, spaces → `-`). */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading === null) continue;
    const text = (heading[1] ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    slugs.add(count === 0 ? base : `${base}-${count}`);
  }
  return slugs;
}

const slugCache = new Map<string, Set<string>>();
function slugsOf(path: string): Set<string> {
  let slugs = slugCache.get(path);
  if (slugs === undefined) {
    slugs = headingSlugs(readFileSync(path, 'utf8'));
    slugCache.set(path, slugs);
  }
  return slugs;
}

/** What is wrong with a link to `path#anchor` (repository-relative), or undefined when it resolves. */
function brokenTarget(path: string, anchor: string | undefined): string | undefined {
  if (!existsSync(path)) return `${path} does not exist`;
  if (anchor === undefined || anchor === '') return undefined;
  if (!path.endsWith('.md')) return `${path} is not Markdown, so #${anchor} cannot be checked`;
  return slugsOf(path).has(anchor) ? undefined : `${path} has no heading #${anchor}`;
}

/** The problems of one `source:` value, read by the kit's own parser. */
function sourceProblems(source: string): string[] {
  if (source.trim() === '') return ['is empty'];
  const { items, unread } = splitSource(source);
  const problems: string[] = [];
  for (const { link } of items) {
    const parts = SOURCE_LINK.exec(link);
    if (parts === null) problems.push(`"${link}" is not docs/portos/<topic>.md#…, docs/decisions.md#… or CONTROL-API`);
    else {
      const broken = brokenTarget(parts[1] ?? '', parts[2]);
      if (broken !== undefined) problems.push(broken);
    }
  }
  return unread === undefined ? problems : [...problems, `cannot read "${unread}" as "link (note), link"`];
}

// ---- (a) --------------------------------------------------------------------------------------------------------

// Built from pieces, so this file does not name them itself.
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'the notes file of decisions', pattern: new RegExp(['BEHAVIOUR', '\\.md'].join(''), 'i') },
  { name: 'a path outside the repository', pattern: new RegExp(['\\.\\./', 'shared/'].join(''), 'i') },
  { name: 'the saved Customers page', pattern: new RegExp(['seed', ' page'].join(''), 'i') },
];

for (const { name, pattern } of FORBIDDEN) {
  test(`(a) no tracked file cites ${name} (${pattern.source})`, () => {
    const citing = tracked.filter((path) => {
      const bytes = readFileSync(path);
      return !bytes.includes(0) && pattern.test(bytes.toString('utf8'));
    });
    assert.deepEqual(citing, []);
  });
}

// ---- (b) --------------------------------------------------------------------------------------------------------

test('(b) the source parser: a table of values and their problems', () => {
  const cases: [string, string[]][] = [
    ['docs/decisions.md#errors', []],
    ['docs/portos/errors.md#error-codes (errorCode 6), docs/decisions.md#errors', []],
    ['docs/decisions.md#order-of-checks (1, no credentials), docs/portos/health.md#health-check (no (HTTP) auth)', []],
    ['src/control/CONTROL-API.md#locks', []],
    ['', ['is empty']],
    ['docs/decisions.md#no-such-heading', ['docs/decisions.md has no heading #no-such-heading']],
    ['docs/portos/nothing.md#paging', ['docs/portos/nothing.md does not exist']],
    ['docs/decisions.md', ['"docs/decisions.md" is not docs/portos/<topic>.md#…, docs/decisions.md#… or CONTROL-API']],
    [
      'errors.md#error-codes',
      ['"errors.md#error-codes" is not docs/portos/<topic>.md#…, docs/decisions.md#… or CONTROL-API'],
    ],
    ['docs/decisions.md#errors (unclosed', ['cannot read "docs/decisions.md#errors (unclosed" as "link (note), link"']],
    [
      'docs/decisions.md#errors,docs/decisions.md#ids',
      ['cannot read "docs/decisions.md#errors,docs/decisions.md#ids" as "link (note), link"'],
    ],
  ];
  for (const [source, expected] of cases) assert.deepEqual(sourceProblems(source), expected, source);
});

test('(b) heading slugs as GitHub makes them', () => {
  const slugs = headingSlugs(
    '# Top\n## Order of checks\n## Accept-Language\n### Provenance: `doc` or `decision`\n```\n## not a heading\n```\n## Ids\n## Ids\n',
  );
  assert.deepEqual(
    [...slugs],
    ['top', 'order-of-checks', 'accept-language', 'provenance-doc-or-decision', 'ids', 'ids-1'],
  );
});

const contractFiles = tracked.filter((path) => /^contracts\/[^/]+\.ya?ml$/.test(path));

type Scenario = { name?: string; basis?: string; source?: unknown };
function scenariosOf(file: string): Scenario[] {
  const document = parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as { scenarios?: Scenario[] };
  return document.scenarios ?? [];
}

test('(b) there are contract files with sources to check', () => {
  assert.ok(contractFiles.length > 0);
  assert.ok(scenariosOf(contractFiles[0] ?? '').length > 0);
});

for (const file of contractFiles) {
  test(`(b) every source of ${file} links to an existing heading of the repository's docs`, () => {
    const problems: string[] = [];
    for (const scenario of scenariosOf(file)) {
      if (scenario.source === undefined) continue;
      const found = typeof scenario.source === 'string' ? sourceProblems(scenario.source) : ['is not a string'];
      for (const problem of found) problems.push(`${scenario.name ?? '?'}: ${problem}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('(b) every scenario has a source, and a doc scenario cites a documented fact (docs/portos/)', () => {
  const problems: string[] = [];
  for (const file of contractFiles) {
    for (const { name = '?', basis, source } of scenariosOf(file)) {
      if (source === undefined) problems.push(`${file} › ${name}: no source`);
      else if (basis === 'doc' && !/(^|, )docs\/portos\//.test(String(source)))
        problems.push(`${file} › ${name}: basis doc, but no docs/portos/ link in "${String(source)}"`);
    }
  }
  assert.deepEqual(problems, []);
});

// ---- (c) --------------------------------------------------------------------------------------------------------

/** The problems of every Markdown link in `file` that points into the repository. */
function linkProblems(file: string, markdown = readFileSync(file, 'utf8')): string[] {
  const problems: string[] = [];
  const text = markdown.replace(/```[\s\S]*?```/g, '');
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (target === undefined || /^[a-z]+:/i.test(target)) continue;
    const [path = '', anchor] = target.split('#');
    const resolved = path === '' ? file : normalize(join(dirname(file), path));
    const broken = brokenTarget(resolved, anchor);
    if (broken !== undefined) problems.push(`${target}: ${broken}`);
  }
  return problems;
}

const docFiles = tracked.filter((path) => path.startsWith('docs/') && path.endsWith('.md'));

test('(c) the link checker: a table of links and their problems', () => {
  const cases: [string, string[]][] = [
    ['[a](../decisions.md#ndata) [b](errors.md) [c](#paging) <https://x.y/z> [d](https://x.y/a.md#b)', []],
    ['[a](../../src/control/CONTROL-API.md#locks) [b](../../README.md)', []],
    ['[a](../decisions.md#nope)', ['../decisions.md#nope: docs/decisions.md has no heading #nope']],
    ['[a](nothing.md)', ['nothing.md: docs/portos/nothing.md does not exist']],
    ['[a](#nope)', ['#nope: docs/portos/ndata.md has no heading #nope']],
    ['```\n[a](nothing.md)\n```', []],
  ];
  for (const [markdown, expected] of cases) assert.deepEqual(linkProblems('docs/portos/ndata.md', markdown), expected);
  assert.ok(docFiles.includes('docs/decisions.md'));
});

for (const file of docFiles) {
  test(`(c) every link in ${file} to a repository file resolves`, () => {
    assert.deepEqual(linkProblems(file), []);
  });
}

// The headings scenarios and code cite: renaming one breaks citations, so the layout is pinned here.
const LAYOUT: [string, string[]][] = [
  [
    'docs/portos/customers.md',
    ['Routes', 'Required rights', 'Query parameters', 'Customer model', 'Examples', 'Versioning'],
  ],
  ['docs/portos/ndata.md', ['Paging', 'Sorting', 'Count', 'Filtering', 'Operators', 'Inclusion']],
  ['docs/portos/errors.md', ['HTTP status codes', 'Error models', 'Error codes', 'Validation constraints']],
  ['docs/portos/auth.md', ['JWT bearer', 'Login answer', 'NWS4 HMAC', 'API keys', 'Failures']],
  ['docs/portos/localization.md', ['Accept-Language', 'Cultures']],
  ['docs/portos/rights.md', ['Rights', 'Customer rights', 'Missing rights']],
  ['docs/portos/health.md', ['Health check', 'Example']],
  [
    'docs/portos/resources.md',
    [
      'Shared behaviour',
      'VATs',
      'Article categories',
      'Currencies',
      'PLUs',
      'Stocks',
      'Payment types',
      'Zones',
      'Modifiers',
      'Roles',
      'Devices',
      'API keys',
      'Licence',
      'Users',
      'Sessions',
    ],
  ],
  [
    'docs/portos/signalr.md',
    [
      'Hub',
      'Events',
      'Notification',
      'Negotiate',
      'WebSocket transport',
      'Handshake',
      'Messages',
      'Keep-alive',
      'Browser traps',
    ],
  ],
  [
    'docs/decisions.md',
    [
      'Routes',
      'Order of checks',
      'Customer model',
      'Ids',
      'Errors',
      'Localization',
      'Authentication',
      'Login',
      'NData',
      'Fixture identities',
      'Health',
      'Licence',
      'Contract kit',
      'Configuration',
      'Real-time notifications',
      'Resource engine',
      'Catalogue models',
      'Catalogue NData',
      'Fixture rights',
      'Catalogue seed',
      'Identity resources',
      'Licence expiry',
    ],
  ],
];

for (const [file, headings] of LAYOUT) {
  test(`the layout: ${file} has exactly its sections`, () => {
    const found = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3).trim());
    assert.deepEqual(found, headings);
  });
}
