import {
  HttpClient,
  HttpError,
  HttpResponse,
  HttpTransportType,
  type HubConnection,
  HubConnectionBuilder,
  LogLevel,
  type HttpRequest as SignalRRequest,
} from '@microsoft/signalr';
import type { Finding } from './finding.js';
import { findings } from './finding.js';
import type { IdentityResolver } from './identity.js';
import { matchValue } from './match.js';
import { brief } from './matchers.js';
import { send, type HttpOptions } from './replay.js';

// The SignalR side of a scenario: one connection per identity (opened by its first hub step, through the official
// @microsoft/signalr client), the notifications each one received, and the wait for `expect.notifications`.

/** The PORTOS hub below the base URL (docs/portos/signalr.md). */
export const HUB_PATH = '/signalr/v1/mainHub';
/** The client-side method PORTOS calls with each Notification. */
export const EVENT_TARGET = 'OnEvent';
/** `expect.within` when a step gives none. */
export const DEFAULT_WITHIN_MS = 2000;

/** `within` in ms: a number of ms, `500ms` or `2s`; undefined: the default. */
export function withinMs(within: string | number | undefined): number {
  if (within === undefined) return DEFAULT_WITHIN_MS;
  if (typeof within === 'number') return within;
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(within);
  if (m === null) return DEFAULT_WITHIN_MS;
  return Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1));
}

/** Negotiate goes through the kit's own HTTP client (its timeout and TLS options) and remembers whether it was answered. */
class KitHttpClient extends HttpClient {
  /** Why the hub could not be reached (no HTTP answer), if so. */
  unreachable: string | undefined;

  constructor(private readonly http: HttpOptions) {
    super();
  }

  override async send(request: SignalRRequest): Promise<HttpResponse> {
    const content = request.content;
    const body =
      typeof content === 'string'
        ? content === ''
          ? undefined
          : Buffer.from(content)
        : content && Buffer.from(content);
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const sent = await send(
      { method: request.method ?? 'GET', url: request.url ?? '', headers, ...(body === undefined ? {} : { body }) },
      // Not through the run's dispatcher: negotiate is no PORTOS REST route (recording taps and spec checks skip it).
      { timeoutMs: this.http.timeoutMs, retries: 0 },
    );
    if (!sent.ok) {
      this.unreachable = sent.error;
      throw new Error(sent.error);
    }
    const { status, text } = sent.observation;
    if (status < 200 || status > 299) throw new HttpError(text.slice(0, 300) || `HTTP ${status}`, status);
    return new HttpResponse(status, '', text);
  }
}

/** One identity's connection and what it received, in order. */
interface Connection {
  hub: HubConnection;
  received: unknown[];
  /** Why the server closed the connection, once it has. */
  closed?: string;
  wake: Set<() => void>;
}

type Opened = { ok: true; connection: Connection } | { ok: false; finding: Finding };

/** What opening connections needs from the run. */
export interface HubContext {
  baseUrl: string;
  http: HttpOptions;
  identities: IdentityResolver;
}

/** The bearer token of an identity, or why it has none (`identity`: no credentials, could not run). */
async function tokenOf(
  as: string,
  ctx: HubContext,
): Promise<{ ok: true; token: string } | { ok: false; finding: Finding }> {
  const found = ctx.identities.profile(as);
  if (!found.ok) return { ok: false, finding: { kind: 'identity', path: 'as', message: found.reason } };
  if (found.profile.kind !== 'bearer' && found.profile.kind !== 'token') {
    return {
      ok: false,
      finding: {
        kind: 'request',
        path: 'as',
        message: `a SignalR connection needs a bearer identity; '${as}' is ${found.profile.kind}`,
      },
    };
  }
  const authorized = await ctx.identities.authorize(as, { method: 'GET', url: ctx.baseUrl, headers: {} });
  if (!authorized.ok) return { ok: false, finding: { kind: 'identity', path: 'as', message: authorized.error } };
  const token = /^Bearer (.+)$/.exec(authorized.request.headers['authorization'] ?? '')?.[1];
  if (token === undefined)
    return { ok: false, finding: { kind: 'identity', path: 'as', message: `no token for '${as}'` } };
  return { ok: true, token };
}

/** The hub connections of one scenario run; `close()` ends them all (the runner calls it, also on failure). */
export class NotificationSessions {
  readonly #connections = new Map<string, Promise<Opened>>();

  constructor(private readonly ctx: HubContext) {}

  /** The hub's URL for this run. */
  get url(): string {
    return this.ctx.baseUrl.replace(/\/+$/, '') + HUB_PATH;
  }

  /** Opens the identity's connection once; later calls get the same one. */
  connect(as: string): Promise<Opened> {
    let pending = this.#connections.get(as);
    if (pending === undefined) {
      pending = this.#open(as);
      this.#connections.set(as, pending);
    }
    return pending;
  }

  async #open(as: string): Promise<Opened> {
    const token = await tokenOf(as, this.ctx);
    if (!token.ok) return token;
    const http = new KitHttpClient(this.ctx.http);
    const hub = new HubConnectionBuilder()
      .withUrl(this.url, {
        accessTokenFactory: () => token.token,
        transport: HttpTransportType.WebSockets,
        httpClient: http,
      })
      .configureLogging(LogLevel.None)
      .build();
    const connection: Connection = { hub, received: [], wake: new Set() };
    const wake = () => {
      for (const w of connection.wake) w();
    };
    hub.on(EVENT_TARGET, (notification: unknown) => {
      connection.received.push(notification);
      wake();
    });
    hub.onclose((error) => {
      connection.closed = error?.message ?? 'the connection closed';
      wake();
    });
    // Negotiate has the run's timeout of its own; this bounds the WebSocket and the handshake after it too.
    const limit = 2 * this.ctx.http.timeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), limit);
    });
    try {
      const started = await Promise.race([hub.start().then(() => 'started' as const), timeout]);
      if (started === 'timeout') {
        await hub.stop().catch(() => undefined);
        const message = `no answer from the hub ${this.url} within ${limit} ms`;
        return { ok: false, finding: { kind: 'no-answer', path: 'hub', message } };
      }
    } catch (error) {
      const text = (error as Error).message;
      if (http.unreachable !== undefined) {
        const message = `no answer from the hub ${this.url} (${http.unreachable})`;
        return { ok: false, finding: { kind: 'no-answer', path: 'hub', message } };
      }
      return {
        ok: false,
        finding: { kind: 'notifications', path: 'hub', message: `cannot connect as '${as}': ${text}` },
      };
    } finally {
      clearTimeout(timer);
    }
    return { ok: true, connection };
  }

  /** Calls a hub method on the identity's connection: undefined when it succeeded, else the error text. */
  async invoke(
    as: string,
    method: string,
    args: unknown[],
  ): Promise<{ ok: true; error?: string } | { ok: false; finding: Finding }> {
    const opened = await this.connect(as);
    if (!opened.ok) return opened;
    try {
      await opened.connection.hub.invoke(method, ...args);
      return { ok: true };
    } catch (error) {
      return { ok: true, error: (error as Error).message };
    }
  }

  /** How many notifications the identity's connection has received so far; undefined: it has none. */
  async mark(as: string): Promise<number | undefined> {
    const pending = this.#connections.get(as);
    const opened = pending === undefined ? undefined : await pending;
    return opened?.ok === true ? opened.connection.received.length : undefined;
  }

  /**
   * Waits up to `within` ms until `expected` matches, in order, a subsequence of what the identity's connection
   * received after `since`; `[]`: waits the whole time for nothing to arrive. Returns the findings.
   */
  async expect(as: string, since: number, expected: readonly unknown[], within: number): Promise<Finding[]> {
    const pending = this.#connections.get(as);
    const opened = pending === undefined ? undefined : await pending;
    if (opened?.ok !== true) {
      const message = `'${as}' has no SignalR connection: subscribe (or connect) as '${as}' in an earlier step`;
      return [{ kind: 'request', path: 'notifications', message }];
    }
    const connection = opened.connection;
    const deadline = performance.now() + within;
    for (;;) {
      const after = connection.received.slice(since);
      const verdict = expected.length === 0 ? noneExpected(after, within) : subsequence(expected, after, within);
      const done = expected.length === 0 ? after.length > 0 : verdict.length === 0;
      const left = deadline - performance.now();
      if (done || left <= 0 || connection.closed !== undefined) {
        // A closed connection receives nothing more: neither a match nor "none arrived" can be told any longer.
        if (connection.closed !== undefined && !done)
          verdict.push({
            kind: 'notifications',
            path: 'hub',
            message: `the hub closed the connection: ${connection.closed}`,
          });
        return verdict;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done_, left);
        function done_() {
          clearTimeout(timer);
          connection.wake.delete(done_);
          resolve();
        }
        connection.wake.add(done_);
      });
    }
  }

  /** Stops every connection (best effort). */
  async close(): Promise<void> {
    const all = await Promise.all(this.#connections.values());
    this.#connections.clear();
    await Promise.all(all.map((o) => (o.ok ? o.connection.hub.stop().catch(() => undefined) : undefined)));
  }
}

function noneExpected(after: readonly unknown[], within: number): Finding[] {
  if (after.length === 0) return [];
  return [
    {
      kind: 'notifications',
      path: 'notifications',
      message: `expected no notification within ${within} ms, got ${after.length}: ${brief(after[0])}`,
      expected: [],
      actual: after,
    },
  ];
}

/**
 * Matches `expected` in order against a subsequence of `actual` (the earliest match for each item, which finds a
 * match whenever one exists). For the first item that matches nothing, the closest candidate's mismatches.
 */
export function subsequence(expected: readonly unknown[], actual: readonly unknown[], within = 0): Finding[] {
  let from = 0;
  for (const [i, item] of expected.entries()) {
    const path = `notifications[${i}]`;
    const after = i === 0 ? '' : ` after notifications[${i - 1}]`;
    let best: { index: number; problems: ReturnType<typeof matchValue> } | undefined;
    for (let j = from; j < actual.length; j++) {
      const problems = matchValue(item, actual[j], path);
      if (problems.length === 0) {
        best = { index: j, problems };
        break;
      }
      if (best === undefined || problems.length < best.problems.length) best = { index: j, problems };
    }
    if (best === undefined) {
      const message = `not received within ${within} ms (none arrived${after})`;
      return [{ kind: 'notifications', path, message, expected: item }];
    }
    if (best.problems.length > 0) {
      const message = `not received within ${within} ms; the closest of the ${actual.length - from} received${after} differs:`;
      return [
        { kind: 'notifications', path, message, expected: item, actual: actual[best.index] },
        ...findings(
          'notifications',
          best.problems.map((p) => ({ path: p.path, message: p.message })),
        ),
      ];
    }
    from = best.index + 1;
  }
  return [];
}
