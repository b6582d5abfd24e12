import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DOCUMENTED_BODIES, type DocumentedBodyName, EXAMPLE_CUSTOMER, LOGIN_ANSWER } from './documented-bodies.js';

// A PORTOS server that knows nothing but the documentation: it answers only with the bodies the PORTOS pages show
// (documented-bodies.ts), on the routes those pages document. The contract kit's `doc` scenarios that need no more
// than that must pass against it; one that fails asserts more than the docs say (or the spec is stricter than they
// are). Plain node:http, so nothing of the mock (Express, its stores, its texts) leaks into it.

/** A request as the routes see it: method, path without the query, headers and the body text. */
interface Request {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

interface Route {
  method: string;
  path: RegExp;
  /** True when the route needs no credentials (the login and the health check). */
  open: boolean;
  answer(request: Request): DocumentedBodyName;
}

/** The documented user and device: the only login the server knows (any password; the JWT page marks it optional). */
const USER = LOGIN_ANSWER.user;

/** Login members by lower-case name: ASP.NET binds them case-insensitively (the JWT page writes `UserName`). */
function loginMembers(text: string): Map<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    return new Map(Object.entries(body).map(([name, value]) => [name.toLowerCase(), value]));
  } catch {
    return undefined;
  }
}

/** A missing or unreadable UserName is the documented 400; any login but the documented user and device a 401. */
function login(request: Request): DocumentedBodyName {
  const members = loginMembers(request.body);
  const userName = members?.get('username');
  if (typeof userName !== 'string' || userName === '') return 'validationFailed';
  return userName === USER.userName && members?.get('devicename') === USER.device.name ? 'login' : 'unauthenticated';
}

const ROUTES: readonly Route[] = [
  { method: 'GET', path: /^\/api\/v2\/health$/, open: true, answer: () => 'health' },
  { method: 'POST', path: /^\/api\/auth$/, open: true, answer: login },
  { method: 'GET', path: /^\/api\/auth$/, open: false, answer: () => 'profile' },
  // The documented list, whatever the query asks for.
  { method: 'GET', path: /^\/customers$/, open: false, answer: () => 'list' },
  {
    method: 'GET',
    path: /^\/customers\/[^/]+$/,
    open: false,
    answer: (r) => (r.path === `/customers/${EXAMPLE_CUSTOMER.id}` ? 'customer' : 'notFound'),
  },
];

/** Every Customers route and GET/DELETE /api/auth take `Authorization*` (the Customers and JWT pages). */
const AUTHENTICATED = /^\/customers(\/|$)|^\/api\/auth$/;

function answerOf(request: Request): DocumentedBodyName {
  const route = ROUTES.find((r) => r.method === request.method && r.path.test(request.path));
  if (route?.open) return route.answer(request);
  // Credentials are checked on every authenticated path, also for a method the server does not serve.
  if (AUTHENTICATED.test(request.path) && request.authorization !== `Bearer ${LOGIN_ANSWER.tokenId}`)
    return 'unauthenticated';
  return route === undefined ? 'notFound' : route.answer(request);
}

function respond(res: ServerResponse, name: DocumentedBodyName): void {
  const { status, contentType, body } = DOCUMENTED_BODIES[name];
  // RFC 7235 requires a challenge with every 401; the JWT page documents the Bearer scheme.
  const challenge: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {};
  res.writeHead(status, { 'content-type': contentType, ...challenge }).end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const request: Request = {
      method: req.method ?? 'GET',
      path: (req.url ?? '/').split('?')[0] ?? '/',
      authorization: req.headers.authorization,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    respond(res, answerOf(request));
  });
}

export interface DocumentedServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the documented server on a free port of 127.0.0.1. */
export async function startDocumentedServer(): Promise<DocumentedServer> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
