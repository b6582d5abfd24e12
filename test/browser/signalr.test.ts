// The official SignalR browser client (Microsoft's bundle, as a page loads it from a CDN) on a page served from
// ANOTHER origin: it logs in cross-origin, connects cross-origin with accessTokenFactory (negotiate with CORS and
// credentials, then a WebSocket with access_token in the query), subscribes, and receives exactly the
// notification of a write, the same one the control API's notifications log holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startMock, type RunningMock } from '../../src/mock.js';
import { openBrowser, skipReason, type BrowserSession } from './support/browser.js';
import { signalrBundle, startStaticOrigin, type StaticOrigin } from './support/static-origin.js';

interface Received {
  e: string;
  r: string;
  p: { action: string; resource: { name: string; id: string; version: number } };
}

let mock: RunningMock;
let site: StaticOrigin;
let browser: BrowserSession;
const sockets: string[] = [];
/** `METHOD path Origin` of every HTTP request the page sent to the mock (the WebSocket is in `sockets`). */
const origins: string[] = [];

before(async () => {
  if (skipReason !== undefined) return;
  mock = await startMock({ config: { port: 0, count: 5 } });
  site = await startStaticOrigin({
    '/': ['text/html; charset=utf-8', readFileSync('test/browser/support/signalr-page.html', 'utf8')],
    '/signalr.min.js': ['text/javascript', signalrBundle()],
  });
  browser = await openBrowser((url) => url.startsWith(site.url) || url.startsWith(mock.url));
  browser.page.on('websocket', (socket) => sockets.push(socket.url()));
  browser.context.on('request', async (request) => {
    if (request.url().startsWith(mock.url))
      origins.push(`${request.method()} ${new URL(request.url()).pathname} ${(await request.allHeaders())['origin']}`);
  });
});

after(async () => {
  await browser?.close();
  await site?.close();
  await mock?.close();
});

async function write(method: 'PUT' | 'DELETE', id: string): Promise<number> {
  const token = mock.auth.issueToken('clerk');
  const res = await fetch(`${mock.url}/customers/${id}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(method === 'PUT' ? { body: JSON.stringify({ firstName: id }) } : {}),
  });
  return res.status;
}

test('a page on another origin connects with the official browser client and receives one event per write', {
  skip: skipReason,
}, async () => {
  const { page } = browser;
  assert.notEqual(new URL(site.url).origin, new URL(mock.url).origin, 'two origins');
  await page.goto(`${site.url}/?mock=${encodeURIComponent(mock.url)}`);
  await page.locator('#state', { hasText: /subscribed|failed/ }).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#state').innerText(), 'subscribed');

  assert.equal(await write('PUT', 'browser-1'), 201);
  // A second write: the hub sends in write order, so once its event is in, any repeat of the first would be too.
  assert.equal(await write('PUT', 'browser-2'), 201);
  await page.waitForFunction('window.received.some((m) => m.p.resource.id === "browser-2")');
  const received = (await page.evaluate('window.received')) as Received[];
  const first = received.filter((m) => m.p.resource.id === 'browser-1');
  assert.equal(first.length, 1, 'exactly one event for the write');
  assert.deepEqual(
    received.map((m) => [m.e, m.p.action, m.p.resource.name, m.p.resource.id, m.p.resource.version]),
    [
      ['portos.resources.changed', 'created', 'customer', 'browser-1', 1],
      ['portos.resources.changed', 'created', 'customer', 'browser-2', 1],
    ],
  );
  const log = (await (await fetch(`${mock.url}/_mock/notifications`)).json()) as {
    items: { notification: Received }[];
  };
  assert.deepEqual(
    received,
    log.items.map((i) => i.notification),
    'the page got exactly what the notifications log holds, references included',
  );

  assert.equal(sockets.length, 1, 'one WebSocket');
  const socket = new URL(sockets[0] ?? '');
  assert.equal(socket.origin, new URL(mock.url).origin.replace('http', 'ws'));
  assert.ok(socket.searchParams.get('access_token'), 'the browser sends the token in the query');
  assert.deepEqual(
    origins,
    [`POST /api/auth ${site.url}`, `POST /signalr/v1/mainHub/negotiate ${site.url}`],
    'the login and the negotiate went to the mock from the page, cross-origin',
  );
  assert.deepEqual(browser.errors, []);
});
