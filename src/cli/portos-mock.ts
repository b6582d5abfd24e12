import { UsageError, isControlCommand, planControl } from '../control/cli/control-command.js';
import { type LogName, planLogs, runLogs } from '../control/cli/log-command.js';
import { runControl } from '../control/cli/run-control.js';
import { UnknownIdentityError } from '../auth/auth-service.js';
import { createMock, startMock } from '../mock.js';
import { WARM_UP_FROM } from '../ndata/warm-up.js';
import { generateCustomers } from '../store/seed.js';
import { COMMAND_USAGE, MOCK_USAGE, type MockCommand } from './mock-usage.js';
import { packageVersion } from './package-version.js';
import { exitQuietlyOnEpipe } from './quiet-epipe.js';
import { configFromArgs } from './serve-options.js';
import { wantsHelp } from './wants-help.js';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function serve(args: string[]): Promise<void> {
  const { config, help } = configFromArgs(args, process.env, { logRequests: true });
  if (help) {
    process.stdout.write(COMMAND_USAGE.serve);
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
  if (mock.store.size >= WARM_UP_FROM) {
    const since = performance.now();
    void mock.indexesBuilt.then((built) => {
      if (built) console.log(`portos-mock: query indexes built in ${(performance.now() - since).toFixed(0)} ms`);
    });
  }
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
    process.stdout.write(COMMAND_USAGE.token);
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
  const outcome = await runControl(planControl(command, args, process.env));
  process.stdout.write(outcome.stdout);
  process.stderr.write(outcome.stderr);
  process.exitCode = outcome.code;
}

async function logs(log: LogName, args: string[]): Promise<void> {
  const plan = planLogs(log, args, process.env);
  const stop = new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  process.exitCode = await runLogs(
    plan,
    {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
      tty: process.stdout.isTTY === true,
    },
    { stop },
  );
}

function isMockCommand(value: string): value is MockCommand {
  return Object.hasOwn(COMMAND_USAGE, value);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    const [topic = ''] = rest;
    process.stdout.write(isMockCommand(topic) ? COMMAND_USAGE[topic] : MOCK_USAGE);
    return;
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (isMockCommand(command) && wantsHelp(rest)) {
    process.stdout.write(COMMAND_USAGE[command]);
    return;
  }
  if (command === 'serve') return serve(rest);
  if (command === 'token') return token(rest);
  if (command === 'requests' || command === 'changes') return logs(command, rest);
  if (isControlCommand(command)) return control(command, rest);
  if (command.startsWith('-')) return serve(argv);
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
