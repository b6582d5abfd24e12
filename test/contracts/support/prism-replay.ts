import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { Agent, request, type Dispatcher } from 'undici';
import { mapConcurrent } from '../../../src/contracts/pool.js';
import type { TappedExchange } from './exchange-tap.js';

/** One entry of Prism's `sl-violations` response header. */
export interface Violation {
  /** `['request' | 'response', ...where]`, e.g. `['response', 'body', 'items', '0', 'id']`. */
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** What Prism said about one recorded exchange. */
export interface PrismVerdict {
  exchange: TappedExchange;
  violations: Violation[];
  /** Set when Prism's word does not count: it did not see the recorded response (it answered itself, or changed it). */
  problem?: string;
}

/** The request header that tells the replay upstream which recorded response to answer with. */
export const REPLAY_HEADER = 'x-prism-replay';
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'te',
  'trailer',
  'upgrade',
];
const isJson = (contentType: string | undefined) => /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? '');
const without = (headers: Record<string, string>, names: readonly string[]) =>
  Object.fromEntries(Object.entries(headers).filter(([n]) => !names.includes(n)));

/** Prism's upstream in place of the mock: answers each replayed request with the recorded response it was given. */
export interface ReplayUpstream {
  url: string;
  /** Registers an exchange; a request carrying `x-prism-replay: ID` is answered with its response, byte for byte. */
  add(exchange: TappedExchange): string;
  /** Whether Prism forwarded the request of exchange `id` (rather than answering it itself). */
  served(id: string): boolean;
  close(): Promise<void>;
}

export async function startReplayUpstream(): Promise<ReplayUpstream> {
  const exchanges = new Map<string, TappedExchange>();
  const served = new Set<string>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers[REPLAY_HEADER]);
      const exchange = exchanges.get(id);
      if (exchange === undefined)
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end(`replay upstream: no exchange ${id}`);
      served.add(id);
      res.writeHead(exchange.status, without(exchange.responseHeaders, HOP_BY_HOP));
      res.end(exchange.status === 204 || exchange.status === 304 ? undefined : exchange.responseBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    add(exchange) {
      const id = String(exchanges.size + 1);
      exchanges.set(id, exchange);
      return id;
    },
    served: (id) => served.has(id),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseViolations(header: string | undefined): Violation[] {
  if (header === undefined) return [];
  try {
    return JSON.parse(header) as Violation[];
  } catch {
    // Past about 8 KB Prism sends `Too many violations! <the JSON, cut>`: not parseable, and which side is unknown.
    return [
      {
        location: ['response'],
        severity: 'Error',
        message: `unparseable sl-violations header: ${header.slice(0, 300)}`,
      },
    ];
  }
}

/**
 * The request to send Prism for an exchange: as recorded (Prism omits `Host` upstream anyway), with two changes
 * where Prism would otherwise answer itself instead of forwarding (both checked by hand against 5.14.2):
 * a body on GET or HEAD is dropped (Prism: its own PROXY_UNSUPPORTED_REQUEST_BODY error), and a body that is
 * declared JSON but does not parse is declared `text/plain` instead (Prism: its own 400 `invalid_json`). Prism
 * reports the latter as a request violation (415), which a deliberately malformed body is anyway.
 */
function replayRequest(exchange: TappedExchange, id: string): { headers: Record<string, string>; body?: Buffer } {
  const headers: Record<string, string> = { ...without(exchange.requestHeaders, HOP_BY_HOP), [REPLAY_HEADER]: id };
  const body = exchange.requestBody;
  if (body === undefined || body.length === 0 || ['GET', 'HEAD'].includes(exchange.method)) return { headers };
  if (isJson(headers['content-type'])) {
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      headers['content-type'] = 'text/plain; charset=utf-8';
    }
  }
  return { headers, body };
}

/** Why Prism's answer is not the recorded response, or undefined when it passed it through unchanged. */
function passThroughProblem(
  exchange: TappedExchange,
  status: number,
  headers: Record<string, string>,
  text: string,
): string | undefined {
  if (status !== exchange.status)
    return `Prism answered ${status} itself instead of the mock's ${exchange.status}: ${text.slice(0, 300)}`;
  const recorded = exchange.responseBody.toString('utf8');
  const same =
    isJson(exchange.responseHeaders['content-type']) && recorded !== ''
      ? isDeepStrictEqual(JSON.parse(text) as unknown, JSON.parse(recorded) as unknown)
      : text === recorded;
  if (!same) return `Prism changed the body: ${text.slice(0, 300)}`;
  const normalize = (v: string | undefined) => v?.replace(/,\s*/g, ',');
  const changed = Object.entries(without(exchange.responseHeaders, HOP_BY_HOP)).filter(
    ([n, v]) => normalize(headers[n]) !== normalize(v),
  );
  return changed.length === 0 ? undefined : `Prism changed the header(s) ${changed.map(([n]) => n).join(', ')}`;
}

/** Sends one recorded exchange through Prism (whose upstream is `upstream`) and reads what Prism says about it. */
export async function checkThroughPrism(
  prismUrl: string,
  upstream: ReplayUpstream,
  exchange: TappedExchange,
  dispatcher?: Dispatcher,
): Promise<PrismVerdict> {
  if (exchange.method === 'HEAD') {
    // Prism 5.14.2 parses the (empty) body of a JSON response to HEAD and answers 500 (checked by hand).
    return {
      exchange,
      violations: [],
      problem: 'Prism cannot proxy HEAD (it parses the empty JSON body and answers 500)',
    };
  }
  const id = upstream.add(exchange);
  const { headers, body } = replayRequest(exchange, id);
  const response = await request(prismUrl + exchange.path, {
    method: exchange.method as Dispatcher.HttpMethod,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(30_000),
    ...(dispatcher === undefined ? {} : { dispatcher }),
  });
  const text = await response.body.text();
  const flat = Object.fromEntries(
    Object.entries(response.headers).map(([n, v]) => [n.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
  );
  const violations = parseViolations(flat['sl-violations']);
  const problem = upstream.served(id)
    ? passThroughProblem(exchange, response.statusCode, flat, text)
    : `Prism answered ${response.statusCode} without asking the mock: ${text.slice(0, 300)}`;
  return { exchange, violations, ...(problem === undefined ? {} : { problem }) };
}

/** `checkThroughPrism` for every exchange, `concurrency` at a time; verdicts in the exchanges' order. */
export async function replayThroughPrism(
  prismUrl: string,
  upstream: ReplayUpstream,
  exchanges: readonly TappedExchange[],
  concurrency: number,
): Promise<PrismVerdict[]> {
  const dispatcher = new Agent({ connections: concurrency });
  try {
    return await mapConcurrent(exchanges, concurrency, (exchange) =>
      checkThroughPrism(prismUrl, upstream, exchange, dispatcher),
    );
  } finally {
    await dispatcher.close();
  }
}
