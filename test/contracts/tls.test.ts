import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createDispatcher, send } from '../../src/contracts/replay.js';

// --insecure and --ca against an HTTPS server with a self-signed certificate made for the test (needs openssl).

let dir = '';
let server: Server | undefined;
let url = '';
const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

before(async () => {
  if (!openssl) return;
  dir = mkdtempSync(join(tmpdir(), 'portos-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"tls":true}'),
  );
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server?.address() as AddressInfo;
  url = `https://127.0.0.1:${address.port}/`;
});

after(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server === undefined ? resolve(undefined) : server.close(resolve)));
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const options = { skip: !openssl && 'openssl not available' };

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
  const dispatcher = createDispatcher({ ca: join(dir, 'cert.pem') });
  const result = await send(
    { method: 'GET', url, headers: {} },
    { timeoutMs: 5000, retries: 0, ...(dispatcher === undefined ? {} : { dispatcher }) },
  );
  assert.ok(result.ok);
});

test('no option, no agent', () => {
  assert.equal(createDispatcher({}), undefined);
});
