import { createMock, startMock } from '../mock.js';
import { generateCustomers } from '../store/seed.js';
import { configFromArgs } from './serve-options.js';

const USAGE = `portos-mock: a stateful mock of the PORTOS Customers API

Usage:
  portos-mock serve [options]             run the mock (default command)
  portos-mock token --user NAME [--device P01] [options]
                                          print a valid access token for a fixture user

Options (serve):
  --port N               port (env PORT; default 3000; 0 = any free port)
  --host ADDR            interface (default 127.0.0.1; 0.0.0.0 for all)
  --seed N               seed of the generated customers (env PORTOS_MOCK_SEED; default 42)
  --count N              number of generated customers (env PORTOS_MOCK_COUNT; default 250; 0 = empty)
  --default-locale L     sk-SK or en-GB (env PORTOS_MOCK_LOCALE; default sk-SK)
  --strict               unknown body members and query parameters are 400s (env PORTOS_MOCK_STRICT=1)
  --base-path /PREFIX    serve every PORTOS route under a prefix (env PORTOS_MOCK_BASE_PATH)
  --config FILE          JSON file with any configuration key (see README)
  --identities FILE      users, devices and API keys instead of fixtures/identities.json
  --no-auth              let every request through as admin
`;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function serve(args: string[]): Promise<void> {
  const { config, help } = configFromArgs(args, process.env);
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const customers = generateCustomers({ seed: config.seed, count: config.count });
  const seedMs = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  const mock = await startMock({ config, customers });
  console.log(
    `portos-mock: seeded ${customers.length} customers (seed ${config.seed}) in ${seedMs.toFixed(0)} ms, ` +
      `heap +${mb(heapAfter - heapBefore)} (heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)})`,
  );
  console.log(`portos-mock: listening on ${mock.url}  (spec: ${mock.url}/openapi.json)`);
  const stop = (signal: string) => {
    console.log(`portos-mock: ${signal}, shutting down`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function token(args: string[]): void {
  const { config, user, device } = configFromArgs(args, process.env);
  if (user === undefined) throw new Error('token: --user NAME is required');
  const mock = createMock({ config: { ...config, count: 0 } });
  process.stdout.write(`${mock.auth.issueToken(user, device)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'token') return token(rest);
  if (command.startsWith('-')) return serve(argv);
  if (command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return;
  }
  throw new Error(`unknown command "${command}"\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`portos-mock: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
