import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { send } from '../../src/contracts/replay.js';
import { fakeServer, json } from './support/fake-server.js';

// One request: JSON parsed when it is JSON, headers flattened, timeouts and retries of transport failures.

let server: Awaited<ReturnType<typeof fakeServer>>;
let drops = 0;

before(async () => {
  server = await fakeServer((req, res) => {
    if (req.url === '/flaky' && drops++ % 2 === 0) return void res.socket?.destroy();
    if (req.url === '/slow') return void setTimeout(() => json(res, 200, {}), 500);
    if (req.url === '/text')
      return void res.writeHead(200, { 'content-type': 'text/plain', 'set-cookie': ['a=1', 'b=2'] }).end('hello');
    json(res, 200, { ok: true });
  });
});
after(() => server.close());

const http = { timeoutMs: 5000, retries: 0 };

test('JSON bodies are parsed, others kept as text; repeated headers joined', async () => {
  const a = await send({ method: 'GET', url: `${server.url}/json`, headers: {} }, http);
  assert.ok(a.ok);
  assert.deepEqual(a.observation.body, { ok: true });
  const b = await send({ method: 'GET', url: `${server.url}/text`, headers: {} }, http);
  assert.ok(b.ok);
  assert.equal(b.observation.body, undefined);
  assert.equal(b.observation.text, 'hello');
  assert.equal(b.observation.headers['set-cookie'], 'a=1, b=2');
});

test('a timeout is a transport failure', async () => {
  const result = await send({ method: 'GET', url: `${server.url}/slow`, headers: {} }, { timeoutMs: 50, retries: 0 });
  assert.deepEqual(result.ok ? '' : [result.failure, result.error], ['timeout', 'timed out after 50 ms']);
});

test('idempotent requests are retried after a transport failure, POST is not', async () => {
  drops = 0;
  const get = await send({ method: 'GET', url: `${server.url}/flaky`, headers: {} }, { timeoutMs: 5000, retries: 1 });
  assert.ok(get.ok);
  drops = 0;
  const post = await send(
    { method: 'POST', url: `${server.url}/flaky`, headers: {}, body: Buffer.from('{}') },
    { timeoutMs: 5000, retries: 1 },
  );
  assert.equal(post.ok, false);
});

test('a refused connection is retried for POST too, then reported', async () => {
  const result = await send(
    { method: 'POST', url: 'http://127.0.0.1:9/x', headers: {} },
    { timeoutMs: 2000, retries: 1 },
  );
  assert.match(result.ok ? '' : result.error, /ECONNREFUSED/);
});
