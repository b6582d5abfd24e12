import { parse } from 'yaml';

/** One shell script as the CI would run it. */
export interface ShellStep {
  name: string;
  script: string;
}

/** A CI recipe of docs/ci.md made runnable: job `index` of `total` parallel jobs. */
export interface Recipe {
  /** The job's environment as written. */
  env: Record<string, string>;
  /** Variables the CI itself sets for this job. */
  ciEnv: Record<string, string>;
  /** Shell scripts in order, CI expressions replaced. */
  steps: ShellStep[];
  /** What the test does not run: the install (the project is installed already) and other actions. */
  skipped: string[];
  /** Files and folders the job keeps as artifacts. */
  keeps: string[];
  total: number;
}

type Yaml = Record<string, unknown>;

function record(value: unknown, what: string): Yaml {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what}: not a mapping`);
  return value as Yaml;
}

function strings(value: unknown, what: string): Record<string, string> {
  return Object.fromEntries(Object.entries(record(value, what)).map(([key, v]) => [key, String(v)]));
}

/** The body of the fenced block whose first line is `firstLine` (the recipe's marker). */
export function fencedBlock(markdown: string, firstLine: string): string {
  const blocks = [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
  const found = blocks.filter((body) => body.split('\n')[0]?.trim() === firstLine);
  if (found.length !== 1)
    throw new Error(`expected one fenced block starting with "${firstLine}", found ${found.length}`);
  return found[0] as string;
}

/** Keys of a GitLab pipeline that are settings, not jobs. */
const GITLAB_SETTINGS = new Set(['stages', 'variables', 'default', 'workflow', 'include', 'image', 'cache']);

/** The only job among `jobs` (keys starting with `.` or in `settings` are not jobs). */
function onlyJob(jobs: Yaml, what: string, settings: ReadonlySet<string> = new Set()): [string, Yaml] {
  const names = Object.keys(jobs).filter((key) => !key.startsWith('.') && !settings.has(key));
  if (names.length !== 1) throw new Error(`${what}: expected one job, found ${names.join(', ') || 'none'}`);
  const name = names[0] as string;
  return [name, record(jobs[name], `${what} ${name}`)];
}

/** `${{ matrix.shard }}` replaced; any other expression is an error (the test could not give it a value). */
function githubExpressions(text: string, shard: number): string {
  const replaced = text.replaceAll(/\$\{\{\s*matrix\.shard\s*\}\}/g, String(shard));
  const left = /\$\{\{[^}]*\}\}/.exec(replaced);
  if (left !== null) throw new Error(`unsupported expression ${left[0]} in: ${text}`);
  return replaced;
}

/** The workflow under `# .github/workflows/…`, as job `shard` of its matrix. */
export function githubRecipe(markdown: string, marker: string, shard: number): Recipe {
  const document = record(parse(fencedBlock(markdown, marker)), 'workflow');
  const [name, job] = onlyJob(record(document['jobs'], 'jobs'), 'workflow');
  const matrix = record(record(job['strategy'], `${name}.strategy`)['matrix'], `${name}.strategy.matrix`);
  const shards = matrix['shard'];
  if (!Array.isArray(shards) || !shards.every((s, i) => s === i + 1)) {
    throw new Error(`${name}.strategy.matrix.shard: expected [1, 2, ..., N]`);
  }
  if (!shards.includes(shard)) throw new Error(`shard ${shard} is not in the matrix`);
  const steps: ShellStep[] = [];
  const skipped: string[] = [];
  const keeps: string[] = [];
  const list = job['steps'];
  if (!Array.isArray(list)) throw new Error(`${name}.steps: not a list`);
  list.forEach((value, i) => {
    const step = record(value, `${name}.steps[${i}]`);
    const uses = step['uses'];
    if (typeof uses === 'string') {
      skipped.push(`uses: ${uses}`);
      if (uses.startsWith('actions/upload-artifact@')) {
        const path = String(record(step['with'], `${name}.steps[${i}].with`)['path'] ?? '');
        keeps.push(
          ...path
            .split('\n')
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }
      return;
    }
    const script = step['run'];
    if (typeof script !== 'string') throw new Error(`${name}.steps[${i}]: neither uses nor run`);
    if (script.trim() === 'npm ci') {
      skipped.push(script.trim());
      return;
    }
    const title = typeof step['name'] === 'string' ? step['name'] : script.split('\n')[0];
    steps.push({ name: githubExpressions(title ?? '', shard), script: githubExpressions(script, shard) });
  });
  return { env: strings(job['env'] ?? {}, `${name}.env`), ciEnv: {}, steps, skipped, keeps, total: shards.length };
}

/** The pipeline under `# .gitlab-ci.yml`, as parallel job `index` (from 1): its script lines in one shell. */
export function gitlabRecipe(markdown: string, marker: string, index: number): Recipe {
  const document = record(parse(fencedBlock(markdown, marker)), 'pipeline');
  const [name, job] = onlyJob(document, 'pipeline', GITLAB_SETTINGS);
  const total = job['parallel'];
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 2) {
    throw new Error(`${name}.parallel: expected a number of jobs`);
  }
  if (index < 1 || index > total) throw new Error(`job ${index} is not among the ${total}`);
  const script = job['script'];
  if (!Array.isArray(script) || !script.every((line) => typeof line === 'string')) {
    throw new Error(`${name}.script: expected a list of command lines`);
  }
  const skipped = script.filter((line) => line.startsWith('npm ci'));
  const lines = script.filter((line) => !line.startsWith('npm ci'));
  const artifacts = record(job['artifacts'], `${name}.artifacts`);
  const paths = Array.isArray(artifacts['paths']) ? artifacts['paths'].map(String) : [];
  const junit = record(artifacts['reports'] ?? {}, `${name}.artifacts.reports`)['junit'];
  return {
    env: strings(job['variables'] ?? {}, `${name}.variables`),
    ciEnv: { CI_NODE_INDEX: String(index), CI_NODE_TOTAL: String(total) },
    steps: [{ name: `${name} ${index}/${total}`, script: lines.join('\n') }],
    skipped,
    keeps: [...new Set([...paths, ...(junit === undefined ? [] : [String(junit)])])],
    total,
  };
}

/** The recipe's env with the mock on `port` instead of the one written (which must be PORT and PORTOS_BASE_URL). */
export function onPort(env: Readonly<Record<string, string>>, port: number): Record<string, string> {
  const written = env['PORT'];
  if (written === undefined || env['PORTOS_BASE_URL'] !== `http://127.0.0.1:${written}`) {
    throw new Error('the recipe must set PORT and PORTOS_BASE_URL=http://127.0.0.1:$PORT');
  }
  return { ...env, PORT: String(port), PORTOS_BASE_URL: `http://127.0.0.1:${port}` };
}
