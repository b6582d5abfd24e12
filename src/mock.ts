import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createAuthService, type AuthService } from './auth/auth-service.js';
import { loadIdentities, type Identities } from './auth/identities.js';
import type { Config, ConfigInput } from './config/config.js';
import { checkConfigInput, mergeConfig } from './config/load-config.js';
import { systemClock, type Clock } from './domain/clock.js';
import type { StoredCustomer } from './domain/customer.js';
import { buildApp } from './http/app.js';
import { loadSpec } from './spec/load-spec.js';
import { SpecSchemas } from './spec/schema-validator.js';
import { CustomerStore } from './store/customer-store.js';
import { randomIds, type IdGenerator } from './store/ids.js';
import { generateCustomers } from './store/seed.js';

/** Options of `createMock`, `createApp` and `startMock`: configuration keys plus injected parts. */
export interface MockOptions {
  /** Any configuration key (see `Config`); nested sections may be partial. */
  config?: ConfigInput;
  /** Start from these customers instead of generated ones. */
  customers?: readonly StoredCustomer[];
  clock?: Clock;
  ids?: IdGenerator;
  identities?: Identities;
  /** Where unexpected errors (500s) are reported; default `console.error`. */
  log?: (error: unknown) => void;
}

/** A mock and its parts, for tests that want to look inside (the store, the auth service). */
export interface Mock {
  app: Express;
  config: Config;
  store: CustomerStore;
  clock: Clock;
  auth: AuthService;
  /** Puts the starting customers back (the given ones, or the seed's). */
  reset(): void;
}

/** Builds the mock without listening. */
export function createMock(options: MockOptions = {}): Mock {
  const config = mergeConfig(checkConfigInput(options.config ?? {}, 'options.config'));
  const initial = () => options.customers ?? generateCustomers({ seed: config.seed, count: config.count });
  const store = new CustomerStore(initial());
  const clock = options.clock ?? systemClock;
  const spec = loadSpec();
  const identities = options.identities ?? loadIdentities(config.auth.identitiesFile || undefined);
  const auth = createAuthService({ config: config.auth, clock, identities });
  const deps = { config, store, clock, ids: options.ids ?? randomIds, spec, schemas: new SpecSchemas(spec), auth };
  const app = buildApp(deps, options.log);
  return { app, config, store, clock, auth, reset: () => store.replaceAll(initial()) };
}

/**
 * The mock as an Express app, to mount in your own tests (`supertest(createApp())`); it never listens.
 * @example const app = createApp({ config: { count: 10, auth: { required: false } } });
 */
export function createApp(options: MockOptions = {}): Express {
  return createMock(options).app;
}

/** A running mock: its URL and the means to reset and stop it. */
export interface RunningMock extends Mock {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the mock on `config.port` (0 = any free port) and resolves when it listens. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const mock = createMock(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = mock.app.listen(mock.config.port, mock.config.host, (error?: Error) =>
      error === undefined ? resolve(listening) : reject(error),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = mock.config.host.includes(':') ? `[${mock.config.host}]` : mock.config.host;
  return {
    ...mock,
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}${mock.config.basePath}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
