import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { signNws4 } from '../../src/auth/nws4.js';
import { recordCommand } from '../../src/contracts/cli/record-command.js';
import type { CommandIo } from '../../src/contracts/cli/io.js';
import { loadScenarios } from '../../src/contracts/load.js';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import { exitCode } from '../../src/contracts/result.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { runSuite } from './support/run-suite.js';

// Record mode: a session through the recording proxy becomes a scenario file without credentials or volatile
// values, and replaying it against the same server passes (twice: per-run values do not clash).

let mock: RunningMock;
let dir: string;
let recorded: string;
let out = '';
const created: string[] = [];

async function session(base: string): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : json) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>) };
  };
  const login = await call('POST', '/api/auth', {}, { userName: 'manager', password: 'manager', deviceName: 'P01' });
  const auth = { authorization: `Bearer ${String(login.body?.['tokenId'])}` };
  const customer = await call('POST', '/customers', auth, {
    firstName: 'Rec',
    lastName: 'Orded',
    externalId: 'rec-1',
    cards: [{ serialNumber: 'SN-REC-1' }],
  });
  const id = String(customer.body?.['id']);
  created.push(id);
  await call(
    'PUT',
    '/customers/rec-own-id',
    { ...auth, 'accept-language': 'en-GB' },
    { lastName: 'Chosen', externalId: 'rec-2' },
  );
  await call('GET', `/customers/${id}`, auth);
  await call('PUT', `/customers/${id}`, auth, {
    firstName: 'Rec',
    lastName: 'Changed',
    externalId: 'rec-1',
    _v: customer.body?.['_v'],
  });
  await call(
    'PUT',
    `/customers/${id}`,
    { ...auth, 'accept-language': 'en-GB' },
    { lastName: 'Stale', _v: customer.body?.['_v'] },
  );
  await call('GET', '/customers?ExternalId=in:rec-1,rec-2&$sort=-lastName', auth);
  await call('GET', '/customers?$take=2', auth);
  const url = `${base}/customers?$take=1`;
  const signed = signNws4(
    { method: 'GET', url, headers: {}, body: '' },
    { clientId: 'integrator', clientSecret: 'integrator-secret' },
    new Date(),
  );
  await fetch(url, { headers: signed }).then((r) => r.text());
  await call('GET', '/customers/rec-missing', { ...auth, 'accept-language': 'en-GB' });
  await call('POST', '/api/auth', {}, { userName: 'manager', password: 'wrong', deviceName: 'P01' });
  await call(
    'POST',
    '/api/auth/refresh',
    {},
    { tokenId: login.body?.['tokenId'], refreshToken: login.body?.['refreshToken'] },
  );
  await call('DELETE', '/customers/rec-own-id', {
    authorization: `Bearer ${String((await call('POST', '/api/auth', {}, { userName: 'admin', password: 'admin', deviceName: 'P01' })).body?.['tokenId'])}`,
  });
  await call('GET', '/api/v2/health');
}

before(async () => {
  mock = await startMock({ config: { port: 0, count: 20 }, log: () => undefined });
  dir = mkdtempSync(join(tmpdir(), 'portos-record-'));
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: CommandIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (out += t),
    env: {},
    cwd: dir,
    tty: false,
  };
  const done = recordCommand(
    [
      '--upstream',
      mock.url,
      '--port',
      '0',
      '--out',
      'rec',
      '--name',
      'recorded session',
      '--profiles',
      resolve('fixtures/profiles.yaml'),
    ],
    io,
    stopped,
  );
  for (let i = 0; i < 100 && !/→ http/.test(out); i++) await new Promise((r) => setTimeout(r, 20));
  const proxyUrl = /record: (http:\/\/[^ ]+) →/.exec(out)?.[1];
  assert.ok(proxyUrl !== undefined, out);
  await session(proxyUrl);
  stop();
  assert.equal(await done, 0);
  const [file] = readdirSync(join(dir, 'rec'));
  assert.equal(file, 'recorded-session.yaml');
  recorded = join(dir, 'rec', file);
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await mock.close();
});

test('the recording holds no credentials and no generated values', () => {
  const text = readFileSync(recorded, 'utf8');
  assert.doesNotMatch(
    text,
    /password: manager|password: admin|integrator-secret|eyJ|NWS4-HMAC-SHA256 Credential|x-nd-date/i,
  );
  assert.match(text, /password: \$\{profile\.manager\.password\}/);
  assert.match(text, /password: not-the-password/, 'a failed login stays failed without its password');
  assert.match(text, /as: integrator/);
  for (const id of created) assert.ok(!text.includes(id), `generated id ${id} left in the file`);
  assert.match(text, /externalId: rec-1-\$\{uid\}/);
  assert.match(text, /serialNumber: SN-REC-1-\$\{uid\}/);
  assert.match(text, /path: \/customers\/rec-own-id-\$\{uid\}/);
  assert.match(text, /traceId:\n\s+\$type: string/);
  assert.match(text, /_v: \$\{v2?-1\}|_v: \$\{v\d*\}/);
});

test('the recording is a valid scenario file', () => {
  const { issues, scenarios } = loadScenarios([recorded]);
  assert.deepEqual(issues, []);
  assert.equal(scenarios.length, 1);
  assert.equal(scenarios[0]?.steps.length, 15);
});

test('replaying the recording against the same server passes, twice', async () => {
  for (let run = 0; run < 2; run++) {
    const result = await runSuite(mock.url, [recorded]);
    assert.equal(exitCode(result), 0, formatConsoleReport(result));
  }
});

test('the recorder names the file it wrote, as given (relative), and writes no absolute path into it', () => {
  const text = readFileSync(recorded, 'utf8');
  const literal = (path: string) => path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const absolute of [dir, process.cwd()]) assert.doesNotMatch(text, new RegExp(`[\\s=]${literal(absolute)}`));
  assert.match(text, /^# yaml-language-server: \$schema=\.\.\/[^\n]*spec\/scenario\.schema\.json$/m);
  assert.match(text, /Replay: portos-contracts run --base-url URL rec\/recorded-session\.yaml$/m);
  const lines = out.split('\n').filter((l) => l.startsWith('portos-contracts record:'));
  assert.deepEqual(lines.slice(1), [
    'portos-contracts record: writing rec/recorded-session.yaml',
    'portos-contracts record: 15 exchanges in rec/recorded-session.yaml',
  ]);
  assert.match(
    lines[0] ?? '',
    /^portos-contracts record: http:\/\/127\.0\.0\.1:\d+ → http:\/\/127\.0\.0\.1:\d+; recording \(Ctrl-C to stop\)$/,
  );
});

test('exchanges are labelled by route and identity: a recorded login token is its user, not anonymous', () => {
  const names = [...readFileSync(recorded, 'utf8').matchAll(/^\s+- name: (.+)$/gm)].map((m) => m[1]);
  assert.deepEqual(names.slice(1), [
    'POST auth as anonymous',
    'POST customers as manager',
    'PUT customer as manager',
    'GET customer as manager',
    'PUT customer as manager',
    'PUT customer as manager',
    'GET customers as manager',
    'GET customers as manager',
    'GET customers as integrator',
    'GET customer as manager',
    'POST auth as anonymous',
    'POST auth as anonymous',
    'POST auth as anonymous',
    'DELETE customer as admin',
    'GET health as anonymous',
  ]);
  assert.match(out, /^ {2}GET \/customers\/rec-missing → 404 {2}\(GET customer as manager\)$/m);
});

test('the recorder checks the upstream before it listens: one line, exit 2, nothing written', async () => {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: {},
    cwd: dir,
    tty: false,
  };
  const code = await recordCommand(['--upstream', 'http://127.0.0.1:9', '--port', '0', '--out', 'never'], io);
  assert.deepEqual([code, stdout], [2, '']);
  assert.match(
    stderr,
    /^portos-contracts: no answer from http:\/\/127\.0\.0\.1:9\/api\/v2\/health \([^\n]+\); is the server running\?\n$/,
  );
  assert.equal(existsSync(join(dir, 'never')), false);
});

test('a recording stopped before any exchange writes no file and says so', async () => {
  let stdout = '';
  const io: CommandIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stdout += t),
    env: {},
    cwd: dir,
    tty: false,
  };
  const code = await recordCommand(
    ['--upstream', mock.url, '--port', '0', '--out', 'empty', '--profiles', resolve('fixtures/profiles.yaml')],
    io,
    Promise.resolve(),
  );
  assert.equal(code, 0);
  assert.match(stdout, /record: no exchanges, no file written\n$/);
  assert.deepEqual(readdirSync(join(dir, 'empty')), [], 'the folder is made before listening; no file in it');
});
