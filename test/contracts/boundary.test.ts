import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

// The contract kit talks to servers only over HTTP: nothing it imports (transitively) may be server code.

// Pure, server-free helpers the kit shares: the NWS4 signer, the HTML template tag, the spec and its two views
// (one Ajv instance per view for the mock, the kit and the tests), the command-line helpers (parse errors as one
// line, a closed stdout ending quietly, --help anywhere, the package version), the PORTOS route names (regexes
// the recorder labels its steps with) and the plain table of resources (segments, names, key members: what the
// cleanup deletes created items by).
const ALLOWED_OUTSIDE = new Set([
  'src/auth/nws4.ts',
  'src/auth/nws4-canonical.ts',
  'src/html/markup.ts',
  'src/spec/load-spec.ts',
  'src/spec/openapi-index.ts',
  'src/spec/spec-index.ts',
  'src/spec/strict-view.ts',
  'src/cli/args-error.ts',
  'src/cli/quiet-epipe.ts',
  'src/cli/wants-help.ts',
  'src/cli/package-version.ts',
  'src/control/route-names.ts',
  'src/resources/names.ts',
]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) =>
    relative('.', resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))),
  );
}

test('src/contracts and its CLI import no server code', () => {
  const seen = new Set<string>();
  const queue = [...files('src/contracts'), 'src/cli/portos-contracts.ts'];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of localImports(file)) {
      assert.ok(target.startsWith('src/contracts/') || ALLOWED_OUTSIDE.has(target), `${file} imports ${target}`);
      queue.push(target);
    }
  }
  assert.ok(seen.has('src/auth/nws4.ts'));
});
