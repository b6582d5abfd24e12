import { UsageError, isControlCommand, planControl, wantsHelp } from '../control/cli/control-command.js';
import { runControl } from '../control/cli/run-control.js';
import { UnknownIdentityError } from '../auth/auth-service.js';
import { createMock, startMock } from '../mock.js';
import { generateCustomers } from '../store/seed.js';
import { exitQuietlyOnEpipe } from './quiet-epipe.js';
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
  --no-control           switch off the control API (/_mock) and the fault header (env PORTOS_MOCK_CONTROL=0);
                         do this on shared deployments: the control API needs no PORTOS credentials
  --control-token T      every control request must send X-Mock-Control-Token: T, else 401
                         (env PORTOS_MOCK_CONTROL_TOKEN; default none)
  --state FILE           start from FILE (a state document or a customers array) and keep it current
  --webhook URL[#SECRET] POST a signed notification to URL on every create/update/delete (repeatable)
  --no-docs              do not serve the API docs page (/docs)
  --quiet                do not log requests on the console

Control a running mock (src/control/CONTROL-API.md; options: --url URL, default $PORTOS_MOCK_URL or
http://127.0.0.1:3000, --prefix, default /_mock, --control-token T, default $PORTOS_MOCK_CONTROL_TOKEN, and
--lang sk-SK|en-GB for the mock's messages, default en-GB):
  portos-mock reset [--seed N] [--count N]            back to the seed (optionally another seed/count)
  portos-mock load FILE [--merge]                     replace (or merge) the customers with a fixture file
  portos-mock snapshot save|restore|get|delete NAME   named snapshots (save --file F uploads one)
  portos-mock snapshot list
  portos-mock clock [show] | freeze [AT] | set AT | advance BY | resume | reset
                                                      AT: ISO date-time or epoch ms; BY: 1d, -2h, 30m, 500ms
  portos-mock fault add SPEC [--route R] [--method M] [--id ID] [--share S] [--times N]
                                                      SPEC as in the fault header: latency=300, latency=100-500,
                                                      status=500, status=423, drop, truncate[=BYTES]
  portos-mock fault list | clear | remove ID
  portos-mock lock ID | unlock [ID] | locks           writes to a locked id answer 423 (errorCode 5)
  portos-mock counts | requests [--limit N] | changes [--since SEQ]
`;

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function serve(args: string[]): Promise<void> {
  const { config, help } = configFromArgs(args, process.env, { logRequests: true });
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const customers = generateCustomers({ seed: config.seed, count: config.count });
  const seedMs = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  const mock = await startMock({ config, ...(config.control.stateFile === '' ? { customers } : {}) }).catch(
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      throw new UsageError(`port ${config.port} on ${config.host} is in use; pick another --port (0 = any free port)`);
    },
  );
  console.log(
    `portos-mock: seeded ${customers.length} customers (seed ${config.seed}) in ${seedMs.toFixed(0)} ms, ` +
      `heap +${mb(heapAfter - heapBefore)} (heap ${mb(process.memoryUsage().heapUsed)}, rss ${mb(process.memoryUsage().rss)})`,
  );
  console.log(`portos-mock: listening on ${mock.url}  (spec: ${mock.url}/openapi.json)`);
  const root = mock.url.slice(0, mock.url.length - config.basePath.length);
  const pages = [
    ...(config.docs.enabled ? [`API docs ${root}/docs`] : []),
    ...(config.control.enabled ? [`control panel ${root}${config.control.prefix}/ui`] : []),
  ];
  if (pages.length > 0) console.log(`portos-mock: ${pages.join(', ')}`);
  if (config.control.enabled)
    console.log(
      `portos-mock: control API on ${root}${config.control.prefix} (${config.control.token === '' ? 'no credentials' : 'control token required'}: local/QA use only; --no-control to switch off)`,
    );
  if (config.control.stateFile !== '')
    console.log(`portos-mock: state file ${config.control.stateFile} (${mock.store.size} customers)`);
  const stop = (signal: string) => {
    console.log(`portos-mock: ${signal}, shutting down`);
    mock.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`portos-mock: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function token(args: string[]): void {
  const { config, help, user, device } = configFromArgs(args, process.env);
  if (help) {
    process.stdout.write(USAGE);
    return;
  }
  if (user === undefined) throw new UsageError('token: --user NAME is required (a fixture user, e.g. admin)');
  const mock = createMock({ config: { ...config, count: 0, control: { ...config.control, stateFile: '' } } });
  try {
    process.stdout.write(`${mock.auth.issueToken(user, device)}\n`);
  } catch (error) {
    if (error instanceof UnknownIdentityError) throw new UsageError(`token: ${error.message}`);
    throw error;
  }
}

async function control(command: Parameters<typeof planControl>[0], args: string[]): Promise<void> {
  if (wantsHelp(args)) {
    process.stdout.write(USAGE);
    return;
  }
  const outcome = await runControl(planControl(command, args, process.env));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'token') return token(rest);
  if (isControlCommand(command)) return control(command, rest);
  if (command.startsWith('-')) return serve(argv);
  if (command === 'help' || command === '--help') {
    process.stdout.write(USAGE);
    return;
  }
  throw new UsageError(`unknown command "${command}"`);
}

exitQuietlyOnEpipe(process.stdout);
main(process.argv.slice(2)).catch((error: unknown) => {
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  const message = `${error instanceof Error ? error.message : String(error)}${cause}`;
  const hint = error instanceof UsageError ? ' (run portos-mock help for usage)' : '';
  console.error(`portos-mock: ${message}${hint}`);
  process.exit(2);
});
