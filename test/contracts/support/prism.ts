import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A running `prism proxy` (Stoplight Prism, a devDependency pinned to 5.14.2: later releases need Node 24). */
export interface RunningPrism {
  url: string;
  /** What Prism printed (its log), for failure messages. */
  output(): string;
  close(): Promise<void>;
}

const LISTENING = /Prism is listening on (http:\/\/\S+)/;

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/**
 * Starts `prism proxy SPEC UPSTREAM` on a free port in reporting mode: without `--errors` (Prism would answer a bad
 * request with its own 401/422 instead of forwarding it) and without `--cors` (Prism would answer CORS preflights
 * itself and add CORS headers to every response). Resolves once Prism says it listens; fails after `timeoutMs`.
 */
export async function startPrism(spec: string, upstream: string, timeoutMs = 60_000): Promise<RunningPrism> {
  const child = spawn(
    process.execPath,
    [
      prismBin(),
      'proxy',
      spec,
      upstream,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--cors=false',
      '--errors=false',
      '--verboseLevel',
      'info',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // The start-up lines and the latest output are enough for a failure message.
  let head = '';
  let tail = '';
  const keep = (chunk: Buffer) => {
    if (head.length < 10_000) head += chunk.toString('utf8');
    else tail = (tail + chunk.toString('utf8')).slice(-10_000);
  };
  const output = () => (tail === '' ? head : `${head}\n...\n${tail}`);
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killed);
  };
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const watch = () => {
      const found = LISTENING.exec(head);
      if (found?.[1] === undefined) return;
      clearTimeout(timer);
      child.stdout.off('data', watch);
      resolve(found[1]);
    };
    child.stdout.on('data', watch);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${code ?? signal}) before listening:\n${output()}`));
    });
  }).catch(async (error: unknown) => {
    await close();
    throw error;
  });
  return { url, output, close };
}

/**
 * JSON Schema keywords newer than draft-07. Prism 5.14.2 picks Ajv's draft by a schema's own `$schema` (its source)
 * and else uses draft-07, also for OpenAPI 3.1, so it ignores these silently. Checked by hand: a `dependentRequired`
 * added to HealthReport, which the mock's health response breaks, went unreported, with and without `$schema`.
 */
export const IGNORED_BY_PRISM = [
  'prefixItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'dependentRequired',
  'dependentSchemas',
  'minContains',
  'maxContains',
  '$dynamicRef',
];

/** Keyword uses in a spec: `path: keyword`, skipping member names under `properties` and example values. */
export function keywordUses(node: unknown, keywords: readonly string[], path = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => keywordUses(item, keywords, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'example' || key === 'examples') return [];
    const here = keywords.includes(key) ? [`${path}: ${key}`] : [];
    const children =
      key === 'properties' && typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([name, schema]) => keywordUses(schema, keywords, `${path}/properties/${name}`))
        : keywordUses(value, keywords, `${path}/${key}`);
    return [...here, ...children];
  });
}
