// The hub's wire protocol with a raw `ws` client: negotiate, upgrade refusals, handshake, the message table,
// protocol errors, keep-alive and timeouts (docs/portos/signalr.md, docs/decisions.md#real-time-notifications).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { signNws4 } from '../../src/auth/nws4.js';
import type { ConfigInput } from '../../src/config/config.js';
import type { RunningMock } from '../../src/mock.js';
import { call, HUB_NOW, hubUrl, RESOURCES, startHubMock } from './support.js';

const RS = '\u001e';
const T = { timeout: 20_000 };

interface Negotiated {
  connectionId: string;
  connectionToken: string;
}

async function negotiate(mock: RunningMock, token: string): Promise<Negotiated> {
  const res = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  return (await res.json()) as Negotiated;
}

/** A raw WebSocket with every record it received and how it closed. */
interface Raw {
  ws: WebSocket;
  records: unknown[];
  binaryFrames: number;
  /** Resolves once `count` records have arrived. */
  receive(count: number): Promise<unknown[]>;
  closed: Promise<{ code: number; records: unknown[] }>;
}

function wsUrl(mock: RunningMock, query: string): string {
  return `${hubUrl(mock).replace(/^http/, 'ws')}${query}`;
}

function open(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  const ws = new WebSocket(url, { headers });
  const records: unknown[] = [];
  let rest = '';
  const waiters: { count: number; resolve: (records: unknown[]) => void }[] = [];
  const raw: Raw = {
    ws,
    records,
    binaryFrames: 0,
    receive: (count) =>
      records.length >= count
        ? Promise.resolve(records.slice())
        : new Promise((resolve) => waiters.push({ count, resolve })),
    closed: new Promise((resolve) => ws.on('close', (code) => resolve({ code, records }))),
  };
  ws.on('message', (data, isBinary) => {
    if (isBinary) raw.binaryFrames++;
    const parts = (rest + String(data)).split(RS);
    rest = parts.pop() ?? '';
    for (const part of parts) records.push(JSON.parse(part));
    for (const waiter of waiters.filter((item) => records.length >= item.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(records.slice());
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(raw));
    ws.once('error', reject);
  });
}

/** The refused upgrade's status and body. */
function refused(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
    ws.on('error', () => undefined);
  });
}

async function handshaken(mock: RunningMock, token: string): Promise<Raw> {
  const { connectionToken } = await negotiate(mock, token);
  const raw = await open(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
  raw.ws.send(`{"protocol":"json","version":1}${RS}`);
  assert.deepEqual(await raw.receive(1), [{}]);
  return raw;
}

describe('negotiate and the upgrade', () => {
  let mock: RunningMock;
  let token: string;
  before(async () => {
    mock = await startHubMock({ cors: { enabled: true, origins: '*' } });
    token = mock.auth.issueToken('manager');
  });
  after(async () => mock.close());

  test('negotiate v1 answers the id, a URL-safe token and WebSockets only', T, async () => {
    const answer = await negotiate(mock, token);
    assert.deepEqual(Object.keys(answer).sort(), [
      'availableTransports',
      'connectionId',
      'connectionToken',
      'negotiateVersion',
    ]);
    assert.deepEqual(answer, {
      negotiateVersion: 1,
      connectionId: answer.connectionId,
      connectionToken: answer.connectionToken,
      availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
    });
    assert.match(answer.connectionToken, /^[A-Za-z0-9_-]{16,}$/);
    assert.notEqual(answer.connectionId, answer.connectionToken);
  });

  test('negotiate without or with bad credentials is the REST 401 (errorCode 1); GET is a 405', T, async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }] as Record<string, string>[]) {
      const res = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, { method: 'POST', headers });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer realm="portos"/);
      const body = (await res.json()) as { status: number; errorCode: number };
      assert.equal(body.status, 401);
      assert.equal(body.errorCode, 1);
    }
    const get = await fetch(`${hubUrl(mock)}/negotiate`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
  });

  test('negotiate takes access_token in the query, NWS4 signatures and any case of the path', T, async () => {
    const query = await fetch(
      `${hubUrl(mock)}/negotiate?negotiateVersion=1&access_token=${encodeURIComponent(token)}`,
      {
        method: 'POST',
      },
    );
    assert.equal(query.status, 200);
    const url = `${mock.url}/SignalR/V1/mainhub/Negotiate?negotiateVersion=1`;
    const signed = signNws4(
      { method: 'POST', url, headers: {}, body: '' },
      { clientId: 'integrator', clientSecret: 'integrator-secret' },
      new Date(HUB_NOW),
    );
    const nws4 = await fetch(url, { method: 'POST', headers: signed });
    assert.equal(nws4.status, 200);
  });

  test('access_token counts on the hub paths only', T, async () => {
    const res = await fetch(`${mock.url}/customers?access_token=${encodeURIComponent(token)}`);
    assert.equal(res.status, 401);
  });

  test(
    'CORS: negotiate echoes the Origin with credentials allowed; the preflight allows POST and the asked headers',
    T,
    async () => {
      const origin = 'http://app.example';
      const preflight = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,x-requested-with,x-signalr-user-agent',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
      assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /\bPOST\b/);
      assert.equal(
        preflight.headers.get('access-control-allow-headers'),
        'authorization,x-requested-with,x-signalr-user-agent',
      );
      assert.match(preflight.headers.get('vary') ?? '', /Origin/);
      const res = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, {
        method: 'POST',
        headers: { Origin: origin, Authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), origin);
      assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
      assert.match(res.headers.get('vary') ?? '', /Origin/);
    },
  );

  test(
    'the upgrade: 401 without credentials, 404 for an unknown id, 409 for a second socket, 404 once closed',
    T,
    async () => {
      const { connectionToken } = await negotiate(mock, token);
      const anonymous = await refused(wsUrl(mock, `?id=${connectionToken}`));
      assert.equal(anonymous.status, 401);
      assert.match(String(anonymous.headers['www-authenticate']), /^Bearer/);
      assert.deepEqual(
        (({ status, errorCode }) => ({ status, errorCode }))(JSON.parse(anonymous.body) as Record<string, unknown>),
        { status: 401, errorCode: 1 },
      );
      const unknown = await refused(wsUrl(mock, '?id=unknown'), { Authorization: `Bearer ${token}` });
      assert.equal(unknown.status, 404);
      assert.equal((JSON.parse(unknown.body) as { status: number }).status, 404);
      const first = await open(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
      const second = await refused(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
      assert.equal(second.status, 409);
      assert.equal((JSON.parse(second.body) as { status: number }).status, 409);
      first.ws.close(1000);
      await first.closed;
      const again = await refused(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
      assert.equal(again.status, 404, 'a token is used once');
    },
  );

  test('the upgrade takes access_token in the query (browsers) and works without negotiate', T, async () => {
    const { connectionToken } = await negotiate(mock, token);
    const browser = await open(wsUrl(mock, `?id=${connectionToken}&access_token=${encodeURIComponent(token)}`));
    browser.ws.close(1000);
    const skipped = await open(wsUrl(mock, ''), { Authorization: `Bearer ${token}` });
    skipped.ws.send(`{"protocol":"json","version":1}${RS}`);
    assert.deepEqual(await skipped.receive(1), [{}]);
    skipped.ws.close(1000);
    await Promise.all([browser.closed, skipped.closed]);
  });

  test('an upgrade on any other path is a 404', T, async () => {
    const other = await refused(`${mock.url.replace(/^http/, 'ws')}/customers`, { Authorization: `Bearer ${token}` });
    assert.equal(other.status, 404);
  });

  test('hub requests are not in the request log; an access_token is masked where URLs are logged', T, async () => {
    await negotiate(mock, token);
    await (await fetch(`${mock.url}/customers?access_token=secret-value`)).text();
    // The request log takes an entry when the server is done with the response, maybe after the client has it.
    const logged = () => mock.control.requests.items().map((record) => record.url);
    while (!logged().some((url) => url.startsWith('/customers')))
      await new Promise((resolve) => setTimeout(resolve, 10));
    const urls = logged();
    assert.ok(!urls.some((url) => url.toLowerCase().includes('/signalr/')), urls.join(', '));
    assert.ok(urls.includes('/customers?access_token=***'), urls.join(', '));
    assert.ok(!urls.some((url) => url.includes('secret-value')));
  });
});

describe('handshake and messages', () => {
  let mock: RunningMock;
  let token: string;
  before(async () => {
    mock = await startHubMock({ signalr: { maxMessageBytes: 1024 } });
    token = mock.auth.issueToken('manager');
  });
  after(async () => mock.close());

  const BAD_HANDSHAKES: { name: string; text: string; error: string }[] = [
    { name: 'unparsable', text: '{"protocol":', error: 'An unexpected error occurred during connection handshake.' },
    {
      name: 'no version',
      text: '{"protocol":"json"}',
      error: 'An unexpected error occurred during connection handshake.',
    },
    {
      name: 'MessagePack',
      text: '{"protocol":"messagepack","version":1}',
      error: "The protocol 'messagepack' is not supported.",
    },
    {
      name: 'version 2',
      text: '{"protocol":"json","version":2}',
      error: "The server does not support version 2 of the 'json' protocol.",
    },
  ];

  test('a bad handshake gets {"error": …} (no type) and the socket closes', T, async () => {
    for (const { name, text, error } of BAD_HANDSHAKES) {
      const { connectionToken } = await negotiate(mock, token);
      const raw = await open(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
      raw.ws.send(`${text}${RS}`);
      const { code, records } = await raw.closed;
      assert.deepEqual(records, [{ error }], name);
      assert.equal(code, 1000, name);
    }
  });

  const BIG = `{"type":1,"target":"Subscribe","arguments":["${'x'.repeat(2000)}"]}`;
  const UNFINISHED = `{"type":6,"pad":"${'x'.repeat(2000)}`;
  const PROTOCOL_ERRORS: { name: string; text: string; error: string }[] = [
    { name: 'unparsable', text: `{"type":1,${RS}`, error: 'Error reading JSON.' },
    { name: 'not an object', text: `[1]${RS}`, error: 'Error reading JSON.' },
    { name: 'no type', text: `{"target":"x"}${RS}`, error: "Missing required property 'type'." },
    { name: 'unknown type', text: `{"type":42}${RS}`, error: 'Unknown message type: 42' },
    {
      name: 'no target',
      text: `{"type":1,"invocationId":"1","arguments":[]}${RS}`,
      error: "Missing required property 'target'.",
    },
    {
      name: 'no arguments',
      text: `{"type":1,"invocationId":"1","target":"Subscribe"}${RS}`,
      error: "Missing required property 'arguments'.",
    },
    {
      name: 'numeric invocation id',
      text: `{"type":1,"invocationId":1,"target":"Subscribe","arguments":[]}${RS}`,
      error: "Expected 'invocationId' to be of type String.",
    },
    {
      name: 'a message over maxMessageBytes',
      text: `${BIG}${RS}`,
      error: `The maximum message size of 1024B was exceeded (${BIG.length}B).`,
    },
    {
      name: 'an unfinished message over maxMessageBytes',
      text: UNFINISHED,
      error: `The maximum message size of 1024B was exceeded (${UNFINISHED.length}B).`,
    },
  ];

  test('protocol errors end the connection with Close (error) and close 1000', T, async () => {
    for (const { name, text, error } of PROTOCOL_ERRORS) {
      const raw = await handshaken(mock, token);
      raw.ws.send(text);
      const { code, records } = await raw.closed;
      assert.deepEqual(
        records,
        [{}, { type: 7, error: `Connection closed with an error. InvalidDataException: ${error}` }],
        name,
      );
      assert.equal(code, 1000, name);
    }
  });

  test('records may share a frame or span frames; a call without invocationId gets no answer', T, async () => {
    const { connectionToken } = await negotiate(mock, token);
    const raw = await open(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
    raw.ws.send(
      `{"protocol":"json","version":1}${RS}{"type":1,"target":"Nope","arguments":[]}${RS}{"type":6}${RS}{"type":1,"invocationId":"a","target":"Subscribe","arg`,
    );
    raw.ws.send(`uments":["${RESOURCES}"]}${RS}{"type":4,"invocationId":"b","target":"Subscribe","arguments":[]}${RS}`);
    assert.deepEqual(await raw.receive(3), [
      {},
      { type: 3, invocationId: 'a' },
      {
        type: 3,
        invocationId: 'b',
        error: "The client attempted to invoke the non-streaming 'Subscribe' method with a streaming invocation.",
      },
    ]);
    await call(mock, mock.auth.issueToken('admin'), 'PUT', '/customers/raw-1', { firstName: 'R' });
    const [, , , event] = await raw.receive(4);
    assert.deepEqual(Object.keys(event as object), ['type', 'target', 'arguments'], 'OnEvent carries no invocationId');
    assert.equal((event as { target: string }).target, 'OnEvent');
    assert.equal(raw.binaryFrames, 0, 'text frames only');
    raw.ws.send(`{"type":7}${RS}`);
    const { code } = await raw.closed;
    assert.equal(code, 1000);
  });
});

describe('timers', () => {
  const started: RunningMock[] = [];
  after(async () => {
    for (const mock of started) await mock.close();
  });
  async function hub(signalr: NonNullable<ConfigInput['signalr']>): Promise<{ mock: RunningMock; token: string }> {
    const mock = await startHubMock({ signalr });
    started.push(mock);
    return { mock, token: mock.auth.issueToken('manager') };
  }

  test('no handshake within handshakeTimeoutMs: {"error": …} and close', T, async () => {
    const { mock, token } = await hub({ handshakeTimeoutMs: 50 });
    const { connectionToken } = await negotiate(mock, token);
    const raw = await open(wsUrl(mock, `?id=${connectionToken}`), { Authorization: `Bearer ${token}` });
    const { code, records } = await raw.closed;
    assert.deepEqual(records, [{ error: 'Handshake was canceled: the client sent no handshake in time.' }]);
    assert.equal(code, 1000);
  });

  test('a Ping after keepAliveIntervalMs without sending', T, async () => {
    const { mock, token } = await hub({ keepAliveIntervalMs: 30 });
    const raw = await handshaken(mock, token);
    assert.deepEqual(await raw.receive(3), [{}, { type: 6 }, { type: 6 }]);
    raw.ws.close(1000);
    await raw.closed;
  });

  test('a client silent for clientTimeoutMs is closed with Close (error)', T, async () => {
    const { mock, token } = await hub({ clientTimeoutMs: 100, keepAliveIntervalMs: 60_000 });
    const raw = await handshaken(mock, token);
    const { code, records } = await raw.closed;
    assert.deepEqual(records, [
      {},
      { type: 7, error: 'Server closed the connection: the client sent nothing within the client timeout.' },
    ]);
    assert.equal(code, 1000);
  });
});

describe('configuration', () => {
  test('signalr.enabled off: the hub paths are plain 404s', T, async () => {
    const mock = await startHubMock({ signalr: { enabled: false } });
    const token = mock.auth.issueToken('manager');
    const res = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 404);
    assert.equal(mock.hub, null);
    await mock.close();
  });

  test('CORS on negotiate only for allowed origins, and not at all while cors.enabled is off', T, async () => {
    const CASES: { cors: NonNullable<ConfigInput['cors']>; origin: string; echoed: boolean }[] = [
      { cors: { enabled: true, origins: ['http://ok.example'] }, origin: 'http://ok.example', echoed: true },
      { cors: { enabled: true, origins: ['http://ok.example'] }, origin: 'http://other.example', echoed: false },
      { cors: { enabled: false }, origin: 'http://ok.example', echoed: false },
    ];
    for (const row of CASES) {
      const mock = await startHubMock({ cors: row.cors });
      const res = await fetch(`${hubUrl(mock)}/negotiate?negotiateVersion=1`, {
        method: 'POST',
        headers: { Origin: row.origin, Authorization: `Bearer ${mock.auth.issueToken('viewer')}` },
      });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('access-control-allow-origin'), row.echoed ? row.origin : null, JSON.stringify(row));
      assert.equal(res.headers.get('access-control-allow-credentials'), row.echoed ? 'true' : null);
      await mock.close();
    }
  });

  test('signalr.path and the base path move the hub; auth.required off needs no credentials', T, async () => {
    const mock = await startHubMock({ basePath: '/portos', signalr: { path: '/hub' }, auth: { required: false } });
    const res = await fetch(`${mock.url}/hub/negotiate?negotiateVersion=1`, { method: 'POST' });
    assert.equal(res.status, 200);
    const { connectionToken } = (await res.json()) as Negotiated;
    const raw = await open(`${mock.url.replace(/^http/, 'ws')}/hub?id=${connectionToken}`);
    raw.ws.send(
      `{"protocol":"json","version":1}${RS}{"type":1,"invocationId":"1","target":"Subscribe","arguments":["${RESOURCES}"]}${RS}`,
    );
    await raw.receive(2);
    await fetch(`${mock.url}/customers/open-1`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: '{"firstName":"O"}',
    });
    const [, , event] = await raw.receive(3);
    assert.deepEqual((event as { arguments: [{ s: unknown }] }).arguments[0].s, {
      c: (event as { arguments: [{ s: { c: string } }] }).arguments[0].s.c,
      u: { userName: 'anonymous', deviceName: null },
    });
    await mock.close();
    await raw.closed;
  });
});
