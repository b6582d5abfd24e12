import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import { loadIdentities, type Identities } from './auth/identities.js';
import type { Config, ConfigInput } from './config/config.js';
import { checkConfigInput, mergeConfig } from './config/load-config.js';
import { SILENT_LOG, type ConsoleLog } from './control/console-log.js';
import { consoleLogger } from './control/console-logger.js';
import { ControlPlane } from './control/control-plane.js';
import { controlledClock, type ControlledClock } from './control/controlled-clock.js';
import { prepareStateFile, stateDocument, writeStateFileSync } from './control/state-file.js';
import { systemClock, type Clock } from './domain/clock.js';
import type { StoredCustomer } from './domain/customer.js';
import { buildApp } from './http/app.js';
import { clientErrorHandler } from './http/client-error.js';
import { readStateData } from './http/control/data-reader.js';
import { loadSpec } from './spec/load-spec.js';
import { specIndex } from './spec/spec-index.js';
import { warmUp } from './ndata/warm-up.js';
import { CustomerStore } from './store/customer-store.js';
import { randomIds, type IdGenerator } from './store/ids.js';
import { generateCustomers } from './store/seed.js';
import type { FlushScheduler } from './signalr/flush-scheduler.js';
import type { HubTimers } from './signalr/hub-timers.js';
import { refuseUpgrade } from './signalr/refuse-upgrade.js';
import { SignalRHub } from './signalr/signalr-hub.js';
import { AppError } from './errors/app-error.js';
import { ResourceStores } from './resources/engine/resource-stores.js';
import { withIdentities } from './resources/identity-rows.js';
import { RESOURCE_ROWS } from './resources/resource-table.js';
import type { Item } from './resources/engine/resource-row.js';
import type { Segment } from './resources/names.js';
import { customerRow } from './resources/customers/customer-row.js';
import { customerJson, customerText } from './http/customer-json.js';

/** Options of `createMock`, `createApp` and `startMock`: configuration keys plus injected parts. */
export interface MockOptions {
  /** Any configuration key (see `Config`); nested sections may be partial. */
  config?: ConfigInput;
  /** Start from these customers instead of generated ones. */
  customers?: readonly StoredCustomer[];
  /** The time underneath the controllable clock (default: the system clock). */
  clock?: Clock;
  ids?: IdGenerator;
  /** Draws fault shares and latency ranges (default `Math.random`); inject for deterministic tests. */
  random?: () => number;
  /**
   * Where requests and webhook outcomes are logged; default with `logRequests` one line each on stdout (text on a
   * terminal, pino JSON lines when piped), else nothing.
   */
  console?: ConsoleLog;
  identities?: Identities;
  /** Where unexpected errors (500s) and one-line notices (the state file failing) go; default `console.error`. */
  log?: (error: unknown) => void;
  /** The SignalR hub's keep-alive and timeout timers (default: real time; never the mock clock). */
  hubTimers?: HubTimers;
  /** When the hub's queued notifications go out (default: flushed in slices after each event-loop turn). */
  hubFlusher?: FlushScheduler;
}

/**
 * The mock's request handler (an Express 5 application at run time), typed without Express so that the package's
 * declarations need no `@types/express`: give it to `http.createServer`, to supertest, or mount it in your own
 * Express app with `app.use(...)`.
 */
export type MockApp = (request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void) => void;

/** A mock and its parts, for tests that want to look inside (the store, the auth service). */
export interface Mock {
  app: MockApp;
  config: Config;
  store: CustomerStore;
  /** The engine's rows besides customers (stocks, vats, …), seeded. */
  resources: ResourceStores;
  /** The mock's clock: reads `options.clock` until frozen, set or advanced. */
  clock: ControlledClock;
  auth: AuthService;
  /** Faults, locks, snapshots, logs, webhooks and the state file. */
  control: ControlPlane;
  /** The SignalR hub (`signalr.enabled`), else null; `startMock` puts its WebSocket upgrades on the server. */
  hub: SignalRHub | null;
  /** Puts the starting data back: the customers (the given ones, or the seed's) and every row's seed. */
  reset(): void;
  /** Closes the hub's connections, writes the state file (if any) and stops webhook deliveries. */
  shutdown(): Promise<void>;
}

/** Builds the mock without listening. */
export function createMock(options: MockOptions = {}): Mock {
  const config = mergeConfig(checkConfigInput(options.config ?? {}, 'options.config'));
  const initial = () => options.customers ?? generateCustomers({ seed: config.seed, count: config.count });
  const seedCustomers = ({ seed, count }: { seed?: number; count?: number }) =>
    seed === undefined && count === undefined
      ? initial()
      : generateCustomers({ seed: seed ?? config.seed, count: count ?? config.count });
  const spec = loadSpec();
  const schemas = specIndex('documented');
  const ids = options.ids ?? randomIds;
  const stateFile = config.control.stateFile;
  if (stateFile !== '') prepareStateFile(stateFile);
  const realClock = options.clock ?? systemClock;
  const clock = controlledClock(realClock);
  // The identities seed `/devices` and `/apikeys`; from then on logins and signed requests read those stores.
  const identities = options.identities ?? loadIdentities(config.auth.identitiesFile || undefined);
  const resources = new ResourceStores(withIdentities(RESOURCE_ROWS, identities));
  // A state file names the customers and rows it holds; the others start from their seeds.
  const fromState =
    stateFile === ''
      ? undefined
      : readStateData(stateFile, {
          spec,
          schemas,
          ids,
          now: () => clock.now(),
          rows: resources.rows,
          catalogue: resources,
        });
  const store = new CustomerStore(fromState?.customers ?? initial());
  for (const [segment, items] of Object.entries(fromState?.resources ?? {}) as [Segment, readonly Item[]][])
    resources.store(segment).replaceAll(items);
  const auth = createAuthService({ config: config.auth, clock, identities, resources });
  const log = options.log ?? ((error: unknown) => console.error(error));
  const consoleLog = options.console ?? (config.logRequests ? consoleLogger() : SILENT_LOG);
  const control = new ControlPlane({
    config,
    store,
    resources,
    clock,
    realNow: () => realClock.now(),
    random: options.random ?? Math.random,
    newId: () => ids.customerId(),
    console: consoleLog,
    seedCustomers,
    onError: log,
    warn: log,
  });
  if (stateFile !== '' && fromState === undefined)
    writeStateFileSync(stateFile, stateDocument(control.data(), clock.now()));
  const hub = config.signalr.enabled
    ? new SignalRHub({
        config,
        auth,
        feed: control.feed,
        traceId: ids.traceId,
        onError: log,
        ...(options.hubTimers === undefined ? {} : { timers: options.hubTimers }),
        ...(options.hubFlusher === undefined ? {} : { flusher: options.hubFlusher }),
      })
    : null;
  const customers = customerRow({
    store,
    resourceName: config.customerResourceName,
    answerCache: config.ndata.answerCache,
    seed: initial,
    json: customerJson,
    freshJson: customerText,
  });
  const deps = { config, store, customers, resources, clock, ids, spec, schemas, auth, control, hub };
  const app = buildApp(deps, log);
  const shutdown = async () => {
    await hub?.close();
    await control.close();
  };
  return { app, config, store, resources, clock, auth, control, hub, reset: () => control.reset(), shutdown };
}

/**
 * The mock as an Express app, to mount in your own tests (`supertest(createApp())`); it never listens.
 * @example const app = createApp({ config: { count: 10, auth: { required: false } } });
 */
export function createApp(options: MockOptions = {}): MockApp {
  return createMock(options).app;
}

/** A running mock: its URL and the means to reset and stop it. */
export interface RunningMock extends Mock {
  url: string;
  server: Server;
  /**
   * Settles when the query indexes a store of 10,000 customers or more builds after listening (the Search index,
   * the case-folded card serials and the rankings of the usual sort keys) are built: true then (at once for a smaller
   * store), false when the mock was closed first. Queries are answered meanwhile, the same either way.
   */
  indexesBuilt: Promise<boolean>;
  close(): Promise<void>;
}

/** Largest request head (request line + headers) the server reads: 1 MiB, like the body limit. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** Starts the mock on `config.port` (0 = any free port) and resolves when it listens. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const mock = createMock(options);
  const ids = options.ids ?? randomIds;
  // Node refuses request heads over 16 KiB with a bare 431; NData queries with thousands of operations
  // are longer than that, and must reach the parser to get their documented 400.
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, mock.app);
  server.on(
    'clientError',
    clientErrorHandler({
      defaultLocale: mock.config.defaultLocale,
      limitBytes: MAX_HEADER_BYTES,
      traceId: ids.traceId,
    }),
  );
  const { hub } = mock;
  if (hub !== null) {
    // Every upgrade request comes here once a listener exists: the hub takes its path, any other is a 404.
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (hub.handleUpgrade(req, socket, head)) return;
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      refuseUpgrade(socket, new AppError('route_not_found', { path }), {
        locale: mock.config.defaultLocale,
        instance: path,
        traceId: ids.traceId(),
      });
    });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(mock.config.port, mock.config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Listening now: what a large store's first queries would build (Search index, sort rankings) is built meanwhile.
  const warming = warmUp(mock.store, mock.config.ndata.stringOrder);
  const { port } = server.address() as AddressInfo;
  const host = mock.config.host.includes(':') ? `[${mock.config.host}]` : mock.config.host;
  return {
    ...mock,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${mock.config.basePath}`,
    server,
    indexesBuilt: warming.done,
    close: async () => {
      warming.stop();
      await hub?.close();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      await mock.shutdown();
    },
  };
}
