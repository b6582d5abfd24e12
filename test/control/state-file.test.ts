import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import request from 'supertest';
import { createMock } from '../../src/mock.js';
import { sequentialIds } from '../../src/store/ids.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'portos-mock-state-'));
}

interface SavedState {
  format: string;
  version: number;
  resources: Record<string, { _v: number }[]> & { customers: { id: string; _v: number; firstName: string | null }[] };
}

/** A state file (version 2) and its customers, read back. */
function readState(path: string): SavedState & { customers: SavedState['resources']['customers'] } {
  const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedState;
  assert.equal(saved.version, 2);
  return { ...saved, customers: saved.resources.customers };
}

function mockWith(stateFile: string, log: (error: unknown) => void = () => undefined) {
  return createMock({
    config: { count: 4, seed: 9, auth: { required: false }, control: { stateFile } },
    ids: sequentialIds(),
    log,
  });
}

test('a state file that cannot be written: every write is a 500 saying so, one line logged, nothing dies', async () => {
  const path = join(tempDir(), 'state.json');
  const logged: unknown[] = [];
  const mock = mockWith(path, (line) => logged.push(line));
  await mock.control.saved();
  const blocker = `${path}.${process.pid}.tmp`;
  mkdirSync(blocker);
  const writes: [method: 'post' | 'put' | 'delete', path: string, body?: object][] = [
    ['post', '/customers', { id: 'w1' }],
    ['put', '/customers/w1', { firstName: 'Changed' }],
    ['delete', '/customers/w1'],
    ['post', '/_mock/reset'],
    ['put', '/_mock/customers', { customers: [{ id: 'loaded' }] }],
  ];
  for (const [method, url, body] of writes) {
    const res = await request(mock.app)[method](url).set('Accept-Language', 'en-GB').type('json').send(body);
    assert.equal(res.status, 500, `${method} ${url}`);
    assert.equal(res.type, 'application/problem+json', `${method} ${url}`);
    assert.equal(res.body.title, 'The change was not saved', `${method} ${url}`);
    assert.match(res.body.detail, /state file .*state\.json could not be written \(EISDIR/, `${method} ${url}`);
  }
  assert.equal((await request(mock.app).get('/customers/w1')).status, 404, 'reads go on');
  assert.deepEqual(
    logged.map((line) => typeof line === 'string' && /^portos-mock: state file .* not saved: EISDIR/.test(line)),
    [true],
    'one line, not one per write',
  );
  rmSync(blocker, { recursive: true });
  await request(mock.app).post('/customers').send({ id: 'w2' }).expect(201);
  assert.deepEqual(
    readState(path).customers.map((c) => c.id),
    ['loaded', 'w2'],
    'the next write that works saves every change',
  );
  assert.match(String(logged.at(-1)), /state file .* saved again/);
  await mock.shutdown();
});

test('with --state, a clock moved out of range is a 400, and the next write is kept', async () => {
  const path = join(tempDir(), 'state.json');
  const logged: unknown[] = [];
  const mock = mockWith(path, (error) => logged.push(error));
  await request(mock.app).post('/_mock/clock/advance').send({ by: '100000000d' }).expect(400);
  await request(mock.app).post('/customers').send({ id: 'after-clock' }).expect(201);
  assert.equal(readState(path).customers.at(-1)?.id, 'after-clock');
  for (const url of ['/_mock/clock', '/_mock', '/_mock/changes']) await request(mock.app).get(url).expect(200);
  assert.deepEqual(logged, []);
});

test('a missing state file is created from the seed; a write is answered once it is in the file; shutdown writes', async () => {
  const path = join(tempDir(), 'state.json');
  const mock = mockWith(path);
  await mock.control.saved();
  assert.deepEqual(readState(path).customers.length, 4);
  await request(mock.app).post('/customers').send({ id: 's1', firstName: 'Saved' }).expect(201);
  assert.equal(readState(path).customers.at(-1)?.id, 's1', 'in the file when answered');
  await request(mock.app).put('/customers/s1').send({ firstName: 'Flushed' }).expect(200);
  await mock.shutdown();
  const saved = readState(path);
  assert.equal(saved.format, 'portos-mock-state');
  assert.deepEqual([saved.customers.at(-1)?.firstName, saved.customers.at(-1)?._v], ['Flushed', 2]);
  assert.deepEqual(readdirSync(join(path, '..')), ['state.json'], 'no temporary file left');
});

test('a restart starts from the state file (not the seed), control operations are saved too', async () => {
  const path = join(tempDir(), 'state.json');
  copyFileSync('fixtures/control/customers.qa.json', path);
  const first = mockWith(path);
  assert.deepEqual(
    first.store
      .list()
      .map((c) => c.id)
      .slice(0, 2),
    ['qa-expires-tomorrow', 'qa-not-yet-valid'],
  );
  await request(first.app).delete('/customers/qa-not-yet-valid').expect(200);
  await first.shutdown();
  const second = mockWith(path);
  assert.equal(second.store.size, 2);
  assert.equal(second.store.get('qa-expires-tomorrow')?._v, 3);
  await request(second.app).post('/_mock/reset').set('Content-Type', 'application/json').expect(200);
  await second.shutdown();
  assert.equal(readState(path).customers.length, 4, 'the reset went to the file');
});

test('a state path the mock cannot keep stops the start with one line naming the file and the reason', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'plain-file'), 'x');
  mkdirSync(join(dir, 'a-folder'));
  const cases: [path: string, reason: RegExp][] = [
    [join(dir, 'a-folder'), /it is a folder, not a file$/],
    [dir, /it is a folder, not a file$/],
    [join(dir, 'plain-file', 'state.json'), /its folder cannot be created \(.*(ENOTDIR|EEXIST).*\)$/],
    [join(dir, 'plain-file', 'deeper', 'state.json'), /its folder cannot be created \(.*(ENOTDIR|EEXIST).*\)$/],
  ];
  for (const [path, reason] of cases) {
    assert.throws(
      () => mockWith(path),
      (error: Error) =>
        error.message.startsWith(`state file ${path} cannot be used: `) &&
        reason.test(error.message) &&
        !error.message.includes('\n'),
      path,
    );
  }
});

test('missing parent folders are created at start and the file written before the first request', () => {
  const path = join(tempDir(), 'not', 'yet', 'there', 'state.json');
  const mock = mockWith(path);
  assert.equal(mock.store.size, 4);
  assert.equal(readState(path).customers.length, 4, 'written at once');
});

test('an invalid state file stops the start with every problem named', () => {
  const path = join(tempDir(), 'state.json');
  copyFileSync('fixtures/control/customers.invalid.json', path);
  assert.throws(
    () => mockWith(path),
    (error: Error) =>
      /state file .* is not usable/.test(error.message) &&
      /\[0\]\.firstName: The value must be a string/.test(error.message) &&
      /\[2\]\.id/.test(error.message),
  );
  writeFileSync(path, '{ nope');
  assert.throws(() => mockWith(path), /is not valid JSON/);
});

test("portos-mock serve --state FILE writes the day's data on SIGTERM", async (t) => {
  const path = join(tempDir(), 'state.json');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/portos-mock.ts',
      'serve',
      '--port',
      '0',
      '--count',
      '2',
      '--no-auth',
      '--quiet',
      '--state',
      path,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  t.after(() => child.kill('SIGKILL'));
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL: ${output.join('')}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /listening on (http:\/\/\S+)[\s\S]*state file/.exec(output.join(''));
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  assert.match(output.join(''), /state file .*state\.json \(2 customers\)/);
  const created = await fetch(`${url}/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'kept' }),
  });
  assert.equal(created.status, 201);
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exit, 0);
  assert.ok(existsSync(path));
  assert.deepEqual(
    readState(path)
      .customers.map((c) => c.id)
      .at(-1),
    'kept',
  );
});
