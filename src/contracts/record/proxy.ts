import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, type Dispatcher } from 'undici';

/** One request that went through the proxy and its response, as raw as they were. */
export interface Exchange {
  method: string;
  /** Path and query as the client sent them (below the proxy's root). */
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Buffer;
  /** For a Bearer token the recording did not see being issued: the `userName` upstream says it belongs to. */
  bearerUser?: string;
}

export interface RecorderOptions {
  upstream: string;
  port: number;
  host?: string;
  dispatcher?: Dispatcher;
  onExchange?: (exchange: Exchange, all: readonly Exchange[]) => void;
}

export interface Recorder {
  url: string;
  exchanges: readonly Exchange[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
  'content-length',
  'accept-encoding',
]);

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The tokens a login or refresh response hands out. */
function tokensIn(body: Buffer, contentType: string | undefined): string[] {
  if (!/json/i.test(contentType ?? '')) return [];
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown> | null;
    return [parsed?.['tokenId'], parsed?.['refreshToken']].filter((v): v is string => typeof v === 'string');
  } catch {
    return [];
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A recording proxy: forwards every request to `upstream` and keeps the exchange. The `Host` header is passed
 * through for NWS4-signed requests (the signature covers it) and set to the upstream's otherwise.
 */
export async function startRecorder(options: RecorderOptions): Promise<Recorder> {
  const upstream = new URL(options.upstream);
  const prefix = upstream.pathname.replace(/\/+$/, '');
  const exchanges: Exchange[] = [];
  const issued = new Set<string>();
  const owners = new Map<string, string | undefined>();
  const forward = (method: string, url: string, headers: Record<string, string>, body?: Buffer) =>
    request(`${upstream.origin}${prefix}${url}`, {
      method: method as Dispatcher.HttpMethod,
      headers,
      ...(body === undefined || body.length === 0 ? {} : { body }),
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    });

  async function ownerOf(token: string): Promise<string | undefined> {
    if (issued.has(token)) return undefined;
    if (!owners.has(token)) {
      try {
        const res = await forward('GET', '/api/auth', { authorization: `Bearer ${token}`, accept: 'application/json' });
        let body: { userName?: unknown; user?: { userName?: unknown } } | undefined;
        if (res.statusCode === 200) body = (await res.body.json()) as typeof body;
        else await res.body.dump();
        const name = body?.userName ?? body?.user?.userName;
        owners.set(token, typeof name === 'string' ? name : undefined);
      } catch {
        owners.set(token, undefined);
      }
    }
    return owners.get(token);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const requestBody = await readBody(req);
      const requestHeaders = flatten(req.headers);
      const headers = Object.fromEntries(Object.entries(requestHeaders).filter(([k]) => !HOP_BY_HOP.has(k)));
      if (!(headers['authorization'] ?? '').startsWith('NWS4')) headers['host'] = upstream.host;
      const bearer = /^Bearer\s+(.+)$/i.exec(requestHeaders['authorization'] ?? '')?.[1];
      const bearerUser = bearer === undefined ? undefined : await ownerOf(bearer);
      const url = req.url ?? '/';
      try {
        const response = await forward(req.method ?? 'GET', url, headers, requestBody);
        const responseBody = Buffer.from(await response.body.arrayBuffer());
        const responseHeaders = flatten(response.headers);
        const exchange: Exchange = {
          method: req.method ?? 'GET',
          url,
          requestHeaders,
          requestBody,
          status: response.statusCode,
          responseHeaders,
          responseBody,
          ...(bearerUser === undefined ? {} : { bearerUser }),
        };
        const issuedNow = tokensIn(responseBody, responseHeaders['content-type']);
        issuedNow.forEach((token) => issued.add(token));
        exchanges.push(exchange);
        options.onExchange?.(exchange, exchanges);
        res.writeHead(
          response.statusCode,
          Object.fromEntries(Object.entries(responseHeaders).filter(([k]) => !HOP_BY_HOP.has(k))),
        );
        res.end(responseBody);
      } catch (error) {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`portos-contracts record: upstream failed: ${(error as Error).message}`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}`,
    exchanges,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
