import { after } from 'node:test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fixedClock } from '../../src/domain/clock.js';
import type { StoredCustomer } from '../../src/domain/customer.js';
import type { ConfigInput } from '../../src/config/config.js';
import { createMock, type Mock } from '../../src/mock.js';
import { sequentialIds } from '../../src/store/ids.js';
import { checkResponse } from './spec-responses.js';

/** 2025-06-01T12:00:00Z: the tests' "now" unless they say otherwise. */
export const TEST_NOW = Date.parse('2025-06-01T12:00:00.000Z');

export interface TestApp {
  /** A request listener for supertest that checks every response against the spec's strict view. */
  app: (req: IncomingMessage, res: ServerResponse) => void;
  mock: Mock;
  store: Mock['store'];
  clock: ReturnType<typeof fixedClock>;
  /** Headers that authenticate as a fixture user (default `admin`). */
  auth(identity?: string): Record<string, string>;
  /** Spec violations seen so far (also asserted empty when the test file ends). */
  violations: string[];
}

/**
 * A fresh mock for one test file: fixed clock, sequential ids, the given customers (default none).
 * Every response is validated against the strict view of `spec/openapi.yaml` as it goes out (the mock must send
 * exactly what it documents of itself); a violation fails the file.
 */
export function makeTestApp(
  options: {
    customers?: StoredCustomer[];
    now?: number;
    config?: ConfigInput;
    checkSpec?: boolean;
    random?: () => number;
  } = {},
): TestApp {
  const clock = fixedClock(options.now ?? TEST_NOW);
  const mock = createMock({
    config: { ...options.config },
    customers: structuredClone(options.customers ?? []),
    clock,
    ids: sequentialIds(),
    log: () => undefined,
    ...(options.random === undefined ? {} : { random: options.random }),
  });
  const violations: string[] = [];
  const app = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const url = req.url ?? '/'; // Express rewrites req.url while routing under a mount path.
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: never[]) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
        chunks.push(Buffer.from(chunk as string));
      return write(chunk as string, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: never[]) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
        chunks.push(Buffer.from(chunk as string));
      return end(chunk as string, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      if (options.checkSpec === false) return;
      const path = url.split('?')[0] ?? '/';
      const base = mock.config.basePath;
      // Outside the base path nothing is served: validate as an unknown route.
      const route =
        base === '' ? path : path.startsWith(base) ? path.slice(base.length) || '/' : '/__outside_base_path__';
      if (req.method === 'OPTIONS') return;
      // The control API is not part of PORTOS (src/control/CONTROL-API.md); faulted PORTOS responses still count.
      const { enabled, prefix } = mock.config.control;
      if (enabled && (path === prefix || path.startsWith(`${prefix}/`))) return;
      // Nor are the API docs pages (src/http/docs/).
      if (mock.config.docs.enabled && (path === '/docs' || path.startsWith('/docs/'))) return;
      violations.push(
        ...checkResponse(
          req.method ?? 'GET',
          route,
          res.statusCode,
          String(res.getHeader('content-type') ?? ''),
          Buffer.concat(chunks).toString('utf8'),
        ),
      );
    });
    mock.app(req as Parameters<Mock['app']>[0], res as Parameters<Mock['app']>[1]);
  };
  after(() => {
    if (violations.length > 0)
      throw new Error(`responses that break the strict view of spec/openapi.yaml:\n${violations.join('\n')}`);
  });
  return {
    app,
    mock,
    store: mock.store,
    clock,
    auth: (identity = 'admin') => ({ Authorization: `Bearer ${mock.auth.issueToken(identity)}` }),
    violations,
  };
}
