import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadedScenario } from '../../src/contracts/scenario.js';
import { parseShard, selectScenarios, type Selection } from '../../src/contracts/select.js';

const scenario = (file: string, name: string, tags: string[]): LoadedScenario => ({
  id: `${file} › ${name}`,
  file,
  name,
  basis: 'doc',
  tags,
  steps: [],
  vars: {},
  defaults: {},
});

const ALL = [
  scenario('a.yaml', 'list customers', ['customers', 'ndata']),
  scenario('a.yaml', 'sort by name', ['customers', 'ndata', 'slow']),
  scenario('b.yaml', 'login', ['auth']),
  scenario('b.yaml', 'NWS4 signature', ['auth', 'nws4']),
  scenario('c.yaml', 'health', []),
];

const CASES: [string, Selection, string[]][] = [
  ['everything', {}, ['list customers', 'sort by name', 'login', 'NWS4 signature', 'health']],
  ['any of the tags', { tags: ['auth,ndata'] }, ['list customers', 'sort by name', 'login', 'NWS4 signature']],
  ['every --tags flag must hold', { tags: ['customers', 'slow'] }, ['sort by name']],
  ['exclusion', { tags: ['!slow'] }, ['list customers', 'login', 'NWS4 signature', 'health']],
  ['include and exclude', { tags: ['ndata,!slow'] }, ['list customers']],
  ['grep text, any case', { grep: 'nws4' }, ['NWS4 signature']],
  ['grep on the file', { grep: 'b.yaml' }, ['login', 'NWS4 signature']],
  ['grep regex', { grep: '/^a\\.yaml › s/' }, ['sort by name']],
  // Shards take every n-th scenario in id order (ordinal: "NWS4" sorts before "login").
  ['shard 1/2', { shard: { index: 1, count: 2 } }, ['list customers', 'NWS4 signature', 'health']],
  ['shard 2/2', { shard: { index: 2, count: 2 } }, ['sort by name', 'login']],
  ['shard after filtering', { tags: ['auth'], shard: { index: 2, count: 2 } }, ['login']],
];

for (const [name, selection, expected] of CASES) {
  test(`select: ${name}`, () =>
    assert.deepEqual(
      selectScenarios(ALL, selection)
        .map((s) => s.name)
        .sort(),
      [...expected].sort(),
    ));
}

test('shards partition the suite', () => {
  const parts = [1, 2, 3].flatMap((index) => selectScenarios(ALL, { shard: { index, count: 3 } }).map((s) => s.id));
  assert.deepEqual(parts.sort(), ALL.map((s) => s.id).sort());
});

test('parseShard', () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '1/0', 'x', '1/', '-1/2']) assert.equal(parseShard(bad), undefined, bad);
});
