// The package as an integrator gets it: `npm pack`, installed with --omit=dev into an empty project. Slow (a clean
// build, an install from npm's cache, two shards of the suite): one to two minutes, more on a busy machine.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { githubRecipe, gitlabRecipe, onPort, type Recipe } from './support/ci-recipes.js';
import { filesBelow, packAndInstall, type PackedProject } from './support/packed-project.js';
import { consumerEnv, describeOutput, run } from './support/run.js';
import { stepRunner } from './support/run-steps.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const MINUTES = 60_000;

let project: PackedProject;
before(async () => (project = await packAndInstall(ROOT)), { timeout: 10 * MINUTES });
after(() => {
  if (project !== undefined) rmSync(project.tmp, { recursive: true, force: true });
});

/** Files an installed package needs: entry points, what the mock and the kit read at run time, linked docs. */
const REQUIRED = [
  'package.json',
  'README.md',
  'LICENSE',
  'bin/portos-mock.js',
  'bin/portos-contracts.js',
  'dist/src/index.js',
  'dist/src/index.d.ts',
  'dist/src/cli/portos-mock.js',
  'dist/src/cli/portos-contracts.js',
  'spec/openapi.yaml',
  'spec/scenario.schema.json',
  'fixtures/identities.json',
  'fixtures/profiles.yaml',
  'fixtures/customers.small.json',
  'contracts/_smoke.yaml',
  'docs/ci.md',
  'docs/decisions.md',
  'docs/portos/README.md',
  'src/control/CONTROL-API.md',
  'src/contracts/FORMAT.md',
];

/** What the tarball must not carry. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'tests', pattern: /^test\// },
  { what: 'benchmarks', pattern: /^bench\// },
  { what: 'screenshots', pattern: /^docs\/screenshots\// },
  { what: 'scripts', pattern: /^scripts\// },
  { what: 'stray folders', pattern: /^stray\// },
  { what: 'test fixtures (broken scenarios, control inputs)', pattern: /^fixtures\/(scenarios|control)\// },
  { what: 'TypeScript sources', pattern: /^src\/.*\.ts$/ },
  { what: 'compiled tests', pattern: /^dist\/(?!src\/)/ },
  { what: 'source maps (their sources are not shipped)', pattern: /\.map$/ },
  { what: 'build and lint configuration', pattern: /^(tsconfig.*|biome\.jsonc|package-lock\.json)$/ },
];

test('the tarball holds what the package needs at run time', () => {
  const missing = REQUIRED.filter((file) => !project.files.includes(file));
  assert.deepEqual(missing, [], `missing from the tarball (${project.files.length} files)`);
  const manifest = JSON.parse(readFileSync(join(project.installed, 'package.json'), 'utf8')) as {
    main: string;
    types: string;
    bin: Record<string, string>;
    exports: Record<string, Record<string, string>>;
    scripts: Record<string, string>;
  };
  assert.match(manifest.scripts['prepack'] ?? '', /npm run clean && npm run build/, 'npm pack builds from clean');
  const entries = [
    manifest.main,
    manifest.types,
    ...Object.values(manifest.bin),
    ...Object.values(manifest.exports['.'] ?? {}),
  ];
  for (const entry of entries) assert.ok(project.files.includes(posix.normalize(entry)), `${entry} (package.json)`);
});

for (const { what, pattern } of FORBIDDEN) {
  test(`the tarball carries no ${what}`, () => {
    assert.deepEqual(
      project.files.filter((file) => pattern.test(file)),
      [],
    );
  });
}

test('every relative link in the packed Markdown files leads to a packed file', () => {
  const broken: string[] = [];
  for (const file of project.files.filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(project.installed, file), 'utf8');
    for (const [, bang, target] of text.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)) {
      if (bang === '!' || target === undefined || /^([a-z]+:|#)/.test(target)) continue;
      const path = posix.normalize(posix.join(posix.dirname(file), target.split('#')[0] ?? ''));
      const found = project.files.some((f) => f === path || f.startsWith(path.endsWith('/') ? path : `${path}/`));
      if (!found) broken.push(`${file} → ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('installing the tarball builds nothing: the installed files are the tarball files', () => {
  assert.deepEqual(filesBelow(project.installed), project.files);
});

test('portos-mock --help and portos-contracts run --help from node_modules/.bin', async () => {
  const bin = join(project.dir, 'node_modules', '.bin');
  const mock = await run(join(bin, 'portos-mock'), ['--help'], { cwd: project.dir });
  assert.equal(mock.code, 0, describeOutput(mock));
  assert.match(mock.stdout, /portos-mock serve/);
  const kit = await run(join(bin, 'portos-contracts'), ['run', '--help'], { cwd: project.dir });
  assert.equal(kit.code, 0, describeOutput(kit));
  assert.match(kit.stdout, /--shard/);
});

test('--version of both bins from node_modules/.bin: the installed package.json version, whatever the cwd', async () => {
  const bin = join(project.dir, 'node_modules', '.bin');
  const { version } = JSON.parse(readFileSync(join(project.installed, 'package.json'), 'utf8')) as { version: string };
  for (const name of ['portos-mock', 'portos-contracts']) {
    const ran = await run(join(bin, name), ['--version'], { cwd: tmpdir() });
    assert.deepEqual([ran.code, ran.stdout], [0, `${version}\n`], describeOutput(ran));
  }
});

/** `npx portos-mock serve` on a free port, in its own process group; resolves with its URL once it listens. */
function serveWithNpx(cwd: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn('npx', ['portos-mock', 'serve', '--port', '0', '--count', '30', '--quiet'], {
    cwd,
    env: consumerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url !== undefined) resolve({ url, stop });
    });
    child.on('exit', (code) => reject(new Error(`npx portos-mock serve exited ${code}:\n${output}`)));
  });
}

test('npx portos-mock serve, then npx portos-contracts run --tags smoke against it', async () => {
  const mock = await serveWithNpx(project.dir);
  try {
    const health = await fetch(`${mock.url}/api/v2/health`);
    assert.equal(health.status, 200);
    const kit = await run('npx', ['portos-contracts', 'run', '--base-url', mock.url, '--tags', 'smoke'], {
      cwd: project.dir,
    });
    assert.equal(kit.code, 0, describeOutput(kit));
    assert.match(kit.stdout, /\d+ scenarios: \d+ passed, 0 failed/);
    assert.match(kit.stdout, /node_modules\/portos-mock\/contracts\/_smoke\.yaml/, 'the bundled suite');
  } finally {
    await mock.stop();
  }
});

/** Starts the mock in-process, reads the routes that need files of the package or of swagger-ui-dist, stops it. */
const IN_PROCESS = `
const paths = ['/api/v2/health', '/openapi.json', '/docs', '/docs/assets/swagger-ui-bundle.js', '/_mock/ui'];
const mock = await startMock({ config: { port: 0, count: 5, seed: 7 } });
const statuses = {};
for (const path of paths) statuses[path] = (await fetch(mock.url + path)).status;
await mock.close();
console.log(JSON.stringify({ statuses, kit: typeof contracts.runContracts }));
`;

const ALL_OK = {
  statuses: {
    '/api/v2/health': 200,
    '/openapi.json': 200,
    '/docs': 200,
    '/docs/assets/swagger-ui-bundle.js': 200,
    '/_mock/ui': 200,
  },
  kit: 'function',
};

/** The last line a consumer script printed, as JSON. */
function lastJsonLine(stdout: string): unknown {
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}

test('an ES module imports the package: startMock serves the spec, the docs page and the panel', async () => {
  writeFileSync(
    join(project.dir, 'in-process.mjs'),
    `import { contracts, startMock } from 'portos-mock';\n${IN_PROCESS}`,
  );
  const output = await run(process.execPath, ['in-process.mjs'], { cwd: project.dir });
  assert.equal(output.code, 0, describeOutput(output));
  assert.deepEqual(lastJsonLine(output.stdout), ALL_OK);
});

test('a CommonJS file requires the package (require of an ES module, Node 20.19+)', {
  skip: process.features.require_module !== true && 'this Node cannot require ES modules',
}, async () => {
  writeFileSync(
    join(project.dir, 'in-process.cjs'),
    `const { contracts, startMock } = require('portos-mock');\n(async () => {${IN_PROCESS}})();\n`,
  );
  const output = await run(process.execPath, ['in-process.cjs'], { cwd: project.dir });
  assert.equal(output.code, 0, describeOutput(output));
  assert.deepEqual(lastJsonLine(output.stdout), ALL_OK);
});

/** A TypeScript consumer using the public types; `tsc` must accept it with strict checks of every declaration. */
const CONSUMER_TS = `
import { createServer } from 'node:http';
import {
  contracts,
  createApp,
  signNws4,
  startMock,
  type Config,
  type Nws4Credentials,
  type Customer,
  type Mock,
  type MockApp,
  type MockOptions,
  type RunningMock,
} from 'portos-mock';

const options: MockOptions = { config: { port: 0, count: 3, auth: { required: false } } };
const app: MockApp = createApp(options);
createServer(app).close();
const mock: RunningMock = await startMock(options);
const parts: Mock = mock;
const config: Config = parts.config;
const customers: readonly Customer[] = [];
const outcome: contracts.RunResult | undefined = undefined;
const key: Nws4Credentials = { clientId: 'integrator', clientSecret: 'integrator-secret' };
const signed: Record<string, string> = signNws4(
  { method: 'GET', url: \`\${mock.url}/customers\`, headers: {}, body: '' },
  key,
  new Date(),
);
console.log(config.port, customers.length, outcome, mock.url, signed['authorization']);
await mock.close();
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    types: ['node'],
  },
  files: ['consumer.ts'],
};

test('a strict TypeScript consumer type-checks every declaration it reaches (skipLibCheck: false)', async () => {
  writeFileSync(join(project.dir, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify(CONSUMER_TSCONFIG, null, 2));
  // Like any Node project in TypeScript, the consumer brings @types/node; nothing else of ours.
  const typesNode = join(project.dir, 'node_modules', '@types', 'node');
  if (!existsSync(typesNode)) {
    mkdirSync(dirname(typesNode), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules', '@types', 'node')), typesNode, 'dir');
  }
  const output = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project.dir });
  assert.equal(output.code, 0, describeOutput(output));
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject()));
    });
  });
}

const CI_DOC = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');

const RECIPES: { name: string; recipe: () => Recipe; skipped: string[] }[] = [
  {
    name: 'GitHub Actions workflow (shard 2 of its matrix)',
    recipe: () => githubRecipe(CI_DOC, '# .github/workflows/portos-contracts.yml', 2),
    skipped: ['uses: actions/checkout@v4', 'uses: actions/setup-node@v4', 'npm ci', 'uses: actions/upload-artifact@v4'],
  },
  {
    name: 'GitLab CI job (the last of its parallel jobs)',
    recipe: () => gitlabRecipe(CI_DOC, '# .gitlab-ci.yml', 3),
    skipped: ['npm ci --cache .npm --prefer-offline'],
  },
];

for (const c of RECIPES) {
  test(`docs/ci.md: the ${c.name} runs against the installed tarball`, async () => {
    const recipe = c.recipe();
    assert.deepEqual(recipe.skipped, c.skipped, 'the test leaves out only the install and the actions');
    for (const kept of recipe.keeps) rmSync(join(project.dir, kept), { recursive: true, force: true });
    const env = consumerEnv({ ...onPort(recipe.env, await freePort()), ...recipe.ciEnv });
    const runner = stepRunner({ cwd: project.dir, env });
    try {
      for (const step of recipe.steps) await runner.runStep(step);
    } finally {
      runner.stop();
    }
    const kept = recipe.keeps.flatMap((path) =>
      path.endsWith('/') ? filesBelow(join(project.dir, path)).map((file) => path + file) : [path],
    );
    const junit = kept.filter((file) => file.endsWith('.xml'));
    const html = kept.filter((file) => file.endsWith('.html'));
    for (const file of kept) assert.ok(existsSync(join(project.dir, file)), `${file} kept by the recipe`);
    assert.equal(junit.length, 1, `one JUnit report among ${kept.join(', ')}`);
    assert.equal(html.length, 1, `one HTML report among ${kept.join(', ')}`);
    const xml = readFileSync(join(project.dir, junit[0] as string), 'utf8');
    assert.match(xml, /<testsuite\b[^>]*\btests="[1-9]\d*"/, 'the shard ran scenarios');
    assert.match(xml, /\bfailures="0"/);
    assert.match(readFileSync(join(project.dir, html[0] as string), 'utf8'), /<html/i);
  });
}
