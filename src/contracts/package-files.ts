import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The portos-mock package folder (from `src/` or `dist/src/`), where `contracts/`, `fixtures/` and `spec/` are. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'portos-mock'
    )
      return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) return (root = process.cwd());
    dir = parent;
  }
}

/** The first path that exists, else undefined. */
export function firstExisting(...paths: string[]): string | undefined {
  return paths.find((p) => existsSync(p));
}

/** Defaults: the package's own `contracts/` (the bundled suite; never the current folder's), `$PORTOS_CONTRACTS_PROFILES`, `./profiles.yaml` (else the package's fixture profiles for the mock), the package's spec. */
export const defaults = {
  scenarios: (): string => join(packageRoot(), 'contracts'),
  profiles: (cwd: string, env: Readonly<Record<string, string | undefined>>): string =>
    env['PORTOS_CONTRACTS_PROFILES'] ||
    (firstExisting(join(cwd, 'profiles.yaml')) ?? join(packageRoot(), 'fixtures', 'profiles.yaml')),
  spec: (): string | undefined => firstExisting(join(packageRoot(), 'spec', 'openapi.yaml')),
};
