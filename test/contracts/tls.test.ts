import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createDispatcher, send } from '../../src/contracts/replay.js';
import { hasOpenssl, selfSignedServer } from './support/tls-server.js';

// --insecure and --ca against an HTTPS server with a self-signed certificate made for the test (needs openssl).

let server: Awaited<ReturnType<typeof selfSignedServer>> | undefined;
let url = '';

before(async () => {
  if (!hasOpenssl) return;
  server = await selfSignedServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"tls":true}'),
  );
  url = `${server.url}/`;
});

after(async () => {
  await server?.close();
});

const options = { skip: !hasOpenssl && 'openssl not available' };

test('a self-signed certificate is refused by default', options, async () => {
  const result = await send({ method: 'GET', url, headers: {} }, { timeoutMs: 5000, retries: 0 });
  assert.equal(result.ok, false);
});

test('--insecure accepts it', options, async () => {
  const dispatcher = createDispatcher({ insecure: true });
  const result = await send(
    { method: 'GET', url, headers: {} },
    { timeoutMs: 5000, retries: 0, ...(dispatcher === undefined ? {} : { dispatcher }) },
  );
  assert.ok(result.ok && (result.observation.body as { tls: boolean }).tls);
});

test('--ca trusts it', options, async () => {
  const dispatcher = createDispatcher({ ca: server?.cert ?? '' });
  const result = await send(
    { method: 'GET', url, headers: {} },
    { timeoutMs: 5000, retries: 0, ...(dispatcher === undefined ? {} : { dispatcher }) },
  );
  assert.ok(result.ok);
});

test('no option, no agent', () => {
  assert.equal(createDispatcher({}), undefined);
});
