import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The package's root folder (where `package.json` and `spec/` are), from source or from `dist/`. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'spec', 'openapi.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`spec/openapi.yaml not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

/** A parsed OpenAPI document: plain JSON data. */
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, unknown> };

let cached: OpenApiDocument | undefined;

/** The OpenAPI document in `spec/openapi.yaml`, read once. */
export function loadSpec(): OpenApiDocument {
  cached ??= parse(readFileSync(join(packageRoot(), 'spec', 'openapi.yaml'), 'utf8')) as OpenApiDocument;
  return cached;
}
