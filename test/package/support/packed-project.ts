import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { consumerEnv, describeOutput, run, type RunOutput } from './run.js';

/** The package packed by `npm pack` and installed from the tarball into an empty project. */
export interface PackedProject {
  /** The temporary folder holding everything below; remove it when done. */
  tmp: string;
  /** The empty project the tarball was installed into (`"type": "module"`). */
  dir: string;
  tarball: string;
  /** Paths inside the tarball, relative to the package folder, sorted. */
  files: string[];
  /** Where the package was installed: `<dir>/node_modules/portos-mock`. */
  installed: string;
  install: RunOutput;
}

/** Top-level entries not copied: what the checkout does not hold in git either. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', 'test-results']);

/** Every file below `dir`, relative to it, sorted. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

async function succeed(command: string, args: string[], cwd: string): Promise<RunOutput> {
  const output = await run(command, args, { cwd, env: consumerEnv() });
  if (output.code !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}\n${describeOutput(output)}`);
  return output;
}

/**
 * Copies the repository (its working tree, plus a stray folder) to a temporary folder and packs it there, so that
 * `prepack` builds a clean `dist/` without touching the one other tests run; then installs the tarball
 * with `--omit=dev` into an empty project, from npm's cache where it can.
 */
export async function packAndInstall(root: string): Promise<PackedProject> {
  const tmp = mkdtempSync(join(tmpdir(), 'portos-package-'));
  const checkout = join(tmp, 'checkout');
  cpSync(root, checkout, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(relative(root, source).split(sep)[0] ?? ''),
  });
  mkdirSync(join(checkout, 'stray'));
  writeFileSync(join(checkout, 'stray', 'notes.txt'), 'a folder the package must not pick up\n');
  symlinkSync(realpathSync(join(root, 'node_modules')), join(checkout, 'node_modules'), 'dir');

  // `npm pack` would run prepack (a clean build) and then prepare (the same build again): one build is enough.
  await succeed('npm', ['run', 'prepack'], checkout);
  await succeed('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], checkout);
  const name = readdirSync(tmp).find((file) => file.endsWith('.tgz'));
  if (name === undefined) throw new Error(`npm pack left no .tgz in ${tmp}`);
  const tarball = join(tmp, name);
  const listing = await succeed('tar', ['-tzf', tarball], tmp);
  const files = listing.stdout
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();

  const dir = join(tmp, 'consumer');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'portos-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = await succeed(
    'npm',
    ['install', tarball, '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'],
    dir,
  );
  return { tmp, dir, tarball, files, installed: join(dir, 'node_modules', 'portos-mock'), install };
}
