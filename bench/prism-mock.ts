import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { startServer, type BenchServer } from './servers.js';

/** The `prism` bin of the pinned devDependency @stoplight/prism-cli (5.14.2). */
function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/**
 * `prism mock spec/openapi.yaml`: Stoplight Prism answering from our own spec's examples (static mode, no CORS),
 * on a free port. It logs each request at info level, as it does by default; its output is read and dropped.
 */
export function startPrismMock(): Promise<BenchServer> {
  const args = [prismBin(), 'mock', 'spec/openapi.yaml', '--host', '127.0.0.1', '--port', '0', '--cors=false'];
  return startServer(args, /Prism is listening on (http:\/\/\S+)/);
}
