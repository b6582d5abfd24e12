import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fencedBlock, githubRecipe, gitlabRecipe, onPort } from './support/ci-recipes.js';

const fence = (body: string) => `text\n\n\`\`\`yaml\n${body}\n\`\`\`\n`;

const WORKFLOW = fence(`# .github/workflows/x.yml
jobs:
  contracts:
    strategy: { matrix: { shard: [1, 2] } }
    env: { PORT: 3000, PORTOS_BASE_URL: http://127.0.0.1:3000 }
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - name: Run \${{ matrix.shard }}
        run: echo \${{ matrix.shard }}/2
      - uses: actions/upload-artifact@v4
        with:
          path: |
            reports/
            mock.log`);

const PIPELINE = fence(`# .gitlab-ci.yml
stages: [test]
.hidden: { script: [echo] }
job:
  parallel: 3
  variables: { PORT: '3000' }
  script:
    - npm ci
    - echo one
    - echo "$CI_NODE_INDEX"
  artifacts:
    paths: [report.html]
    reports: { junit: junit.xml }`);

test('a GitHub workflow becomes the run steps of one matrix job, install and actions left out', () => {
  const recipe = githubRecipe(WORKFLOW, '# .github/workflows/x.yml', 2);
  assert.deepEqual(recipe.steps, [{ name: 'Run 2', script: 'echo 2/2' }]);
  assert.deepEqual(recipe.skipped, ['uses: actions/checkout@v4', 'npm ci', 'uses: actions/upload-artifact@v4']);
  assert.deepEqual(recipe.keeps, ['reports/', 'mock.log']);
  assert.deepEqual(recipe.env, { PORT: '3000', PORTOS_BASE_URL: 'http://127.0.0.1:3000' });
  assert.equal(recipe.total, 2);
});

test('a GitLab job becomes one script for parallel job I of N', () => {
  const recipe = gitlabRecipe(PIPELINE, '# .gitlab-ci.yml', 3);
  assert.deepEqual(recipe.steps, [{ name: 'job 3/3', script: 'echo one\necho "$CI_NODE_INDEX"' }]);
  assert.deepEqual(recipe.ciEnv, { CI_NODE_INDEX: '3', CI_NODE_TOTAL: '3' });
  assert.deepEqual(recipe.skipped, ['npm ci']);
  assert.deepEqual(recipe.keeps, ['report.html', 'junit.xml']);
});

const REFUSED: { name: string; read: () => unknown; error: RegExp }[] = [
  { name: 'no block with the marker', read: () => fencedBlock(WORKFLOW, '# other'), error: /found 0/ },
  {
    name: 'a shard outside the matrix',
    read: () => githubRecipe(WORKFLOW, '# .github/workflows/x.yml', 3),
    error: /not in the matrix/,
  },
  {
    name: 'an expression the test cannot give a value',
    read: () =>
      githubRecipe(
        WORKFLOW.replace('echo ${{ matrix.shard }}', 'echo ${{ github.sha }}'),
        '# .github/workflows/x.yml',
        1,
      ),
    error: /unsupported expression \$\{\{ github\.sha \}\}/,
  },
  {
    name: 'a workflow with two jobs',
    read: () => githubRecipe(WORKFLOW.replace('jobs:\n', 'jobs:\n  other: {}\n'), '# .github/workflows/x.yml', 1),
    error: /expected one job, found other, contracts/,
  },
  {
    name: 'a GitLab job index beyond parallel',
    read: () => gitlabRecipe(PIPELINE, '# .gitlab-ci.yml', 4),
    error: /not among the 3/,
  },
  {
    name: 'a base URL not on PORT',
    read: () => onPort({ PORT: '3000', PORTOS_BASE_URL: 'http://localhost:3000' }, 1),
    error: /PORTOS_BASE_URL/,
  },
];

for (const c of REFUSED) {
  test(`refused: ${c.name}`, () => assert.throws(c.read, c.error));
}

test('onPort moves the mock and the base URL together', () => {
  assert.deepEqual(onPort({ PORT: '3000', PORTOS_BASE_URL: 'http://127.0.0.1:3000', X: 'y' }, 4567), {
    PORT: '4567',
    PORTOS_BASE_URL: 'http://127.0.0.1:4567',
    X: 'y',
  });
});
