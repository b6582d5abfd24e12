import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadScenarios, loadScenarioText } from '../../src/contracts/load.js';
import { SCENARIO_SCHEMA } from '../../src/contracts/scenario-schema.js';

// Loader over fixtures/scenarios: valid files load completely; every broken one is reported with file, scenario,
// path and line, and never throws. The published schema file must stay equal to the constant it is made from.

test('valid fixture files load without issues', () => {
  const { scenarios, issues, files } = loadScenarios(['fixtures/scenarios/valid']);
  assert.deepEqual(issues, []);
  assert.deepEqual(files, ['fixtures/scenarios/valid/everything.yaml', 'fixtures/scenarios/valid/examples.json']);
  assert.deepEqual(
    scenarios.map((s) => s.name),
    [
      'every request and expectation member',
      'rights of viewer',
      'rights of clerk',
      'unnamed rows [1]',
      'unnamed rows [2]',
      'the documented 404 title',
    ],
  );
});

test('examples expand into one scenario per row with the row as variables and identities filled in', () => {
  const { scenarios } = loadScenarios(['fixtures/scenarios/valid/examples.json']);
  const clerk = scenarios.find((s) => s.name === 'rights of clerk');
  assert.deepEqual(clerk?.vars, { who: 'clerk', status: 403 });
  assert.equal(clerk?.defaults.as, 'clerk');
  assert.equal(clerk?.id, 'fixtures/scenarios/valid/examples.json › rights of clerk');
});

test('file tags merge into scenario tags', () => {
  const [scenario] = loadScenarios(['fixtures/scenarios/valid/everything.yaml']).scenarios;
  assert.deepEqual(scenario?.tags, ['fixture', 'all-members']);
});

// [file, scenario, path, line, message] of every issue the broken fixtures must produce.
const EXPECTED: [string, string | undefined, string, number, RegExp][] = [
  ['not-a-scenario-file.yaml', undefined, '(file)', 1, /must be object/],
  ['schema.yaml', 'unknown basis', 'scenarios[1].basis', 9, /must be one of "doc", "decision"/],
  ['schema.yaml', 'misspelled member', 'scenarios[2].steps[0].expect.stauts', 17, /unknown member 'stauts'/],
  [
    'schema.yaml',
    'unknown matcher',
    'scenarios[3].steps[0].expect.body.items.$lenght',
    24,
    /unknown member '\$lenght'/,
  ],
  ['schema.yaml', 'bad matcher argument', 'scenarios[4].steps[0].expect.body.count.$min', 31, /must be number/],
  ['schema.yaml', 'missing request', 'scenarios[5].steps[0]', 35, /missing member 'request'/],
  ['schema.yaml', 'bad method and status', 'scenarios[6].steps[0].request.method', 39, /must be one of "GET"/],
  ['schema.yaml', 'bad method and status', 'scenarios[6].steps[0].expect.status', 40, /must be >= 100/],
  ['schema.yaml', 'invalid regex', 'scenarios[7].steps[0].expect.body.id.$regex', 45, /format "regex"/],
  [
    'semantics.yaml',
    'uses a capture before it exists',
    'scenarios[0].steps[0].request.path',
    6,
    /\$\{id\} is not defined here/,
  ],
  [
    'semantics.yaml',
    'asserts an undocumented title exactly',
    'scenarios[1].steps[0].expect.title',
    14,
    /doc scenario may assert only documented titles/,
  ],
  ['semantics.yaml', 'localized with one language', 'scenarios[2].steps[0].expect.title', 20, /at least two languages/],
  [
    'semantics.yaml',
    'a title for a language the step does not send',
    'scenarios[3].steps[0].expect.title.de-DE',
    26,
    /does not run in language 'de-DE'/,
  ],
  ['semantics.yaml', 'body and rawBody', 'scenarios[4].steps[0].request.rawBody', 30, /either body or rawBody/],
  ['semantics.yaml', 'matcher mixed with members', 'scenarios[5].steps[0].expect.body.items', 36, /either a matcher/],
  ['semantics.yaml', 'duplicate', 'scenarios[7].name', 42, /duplicate scenario name/],
  ['semantics.yaml', 'a bad expression', 'scenarios[8].steps[0].request.path', 50, /not a valid expression/],
  ['semantics.yaml', 'an identity from a capture', 'scenarios[9].steps[0].as', 55, /must be a column of examples/],
  ['yaml-syntax.yaml', undefined, '(file)', 5, /^YAML: .*quote a value that holds/],
];

test('broken fixture files: every problem reported with file, scenario, path and line', () => {
  const { scenarios, issues } = loadScenarios(['fixtures/scenarios/broken']);
  assert.deepEqual(
    scenarios.map((s) => s.id),
    ['fixtures/scenarios/broken/schema.yaml › fine', 'fixtures/scenarios/broken/semantics.yaml › duplicate'],
    'the intact scenarios of a broken file still load',
  );
  assert.equal(issues.length, EXPECTED.length, issues.map((i) => `${i.file} ${i.path}: ${i.message}`).join('\n'));
  for (const [file, scenario, path, line, message] of EXPECTED) {
    const issue = issues.find((i) => i.file === `fixtures/scenarios/broken/${file}` && i.path === path);
    assert.ok(issue !== undefined, `no issue at ${file} ${path}`);
    assert.equal(issue.scenario, scenario, path);
    assert.equal(issue.line, line, path);
    assert.match(issue.message, message, path);
  }
});

test('garbage never throws', () => {
  for (const text of [
    '',
    '~',
    '42',
    ':::',
    'scenarios: 3',
    'scenarios: [{}]',
    '\u0000\u0001',
    'a: &x [*x]',
    '{"scenarios": [null]}',
  ]) {
    const { issues } = loadScenarioText('x.yaml', text);
    assert.ok(issues.length > 0, JSON.stringify(text));
  }
});

test('a path that does not exist is an issue', () => {
  const { issues } = loadScenarios(['fixtures/scenarios/nope.yaml']);
  assert.equal(issues[0]?.message, 'no such file or folder');
});

test('spec/scenario.schema.json is the SCENARIO_SCHEMA constant (regenerate: portos-contracts schema > spec/scenario.schema.json)', () => {
  assert.equal(readFileSync('spec/scenario.schema.json', 'utf8'), `${JSON.stringify(SCENARIO_SCHEMA, null, 2)}\n`);
});

test('the checked-in contracts load without issues', () => {
  const { issues, scenarios } = loadScenarios(['contracts']);
  assert.deepEqual(issues, []);
  assert.ok(scenarios.length > 0);
});

test('the example at the top of FORMAT.md is a valid scenario file', () => {
  const format = readFileSync('src/contracts/FORMAT.md', 'utf8');
  const example = [...format.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((b) => b.includes('scenarios:'));
  assert.ok(example !== undefined);
  const { issues, scenarios } = loadScenarioText('FORMAT.md', example);
  assert.deepEqual(issues, []);
  assert.equal(scenarios.length, 1);
});
