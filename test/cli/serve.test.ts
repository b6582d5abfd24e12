import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { startMock } from '../../src/mock.js';

// The bin runs the built JS (`npm run build`, also run by `npm ci` through `prepare`); `npm test` builds first.
const BIN = 'bin/portos-mock.js';

function runBin(
  args: string[],
): Promise<{ url: string; lines: string[]; exit: Promise<number | null>; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${lines.join('\n')}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: match[1], lines, exit, stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)));
  });
}

test('portos-mock serve prints its URL, the seed time and memory, serves, and stops cleanly on SIGTERM', {
  skip: !existsSync('dist/src/cli/portos-mock.js') && 'run npm run build first',
}, async () => {
  const run = await runBin(['serve', '--port', '0', '--count', '20', '--seed', '7']);
  assert.match(run.lines.join('\n'), /seeded 20 customers \(seed 7\) in \d+ ms, heap/);
  const health = await fetch(`${run.url}/api/v2/health`);
  assert.equal(health.status, 200);
  const token = (await (
    await fetch(`${run.url}/api/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName: 'viewer', password: 'viewer', deviceName: 'P01' }),
    })
  ).json()) as { tokenId: string };
  const list = (await (
    await fetch(`${run.url}/customers?$count=true`, { headers: { authorization: `Bearer ${token.tokenId}` } })
  ).json()) as { totalCount: number };
  assert.equal(list.totalCount, 20);
  run.stop();
  assert.equal(await run.exit, 0);
});

test('portos-mock rejects a bad flag with exit code 2', {
  skip: !existsSync('dist/src/cli/portos-mock.js') && 'run npm run build first',
}, async () => {
  const child = spawn(process.execPath, [BIN, 'serve', '--count', 'many'], { stdio: 'pipe' });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 2);
});

test('startMock on port 0: url, reset and close', async () => {
  const mock = await startMock({ config: { port: 0, count: 3, seed: 1, auth: { required: false } } });
  try {
    const first = (await (await fetch(`${mock.url}/customers`)).json()) as {
      totalCount: number;
      items: { id: string }[];
    };
    assert.equal(first.totalCount, 3);
    const deleted = await fetch(`${mock.url}/customers/${first.items[0]?.id}`, { method: 'DELETE' });
    assert.equal(deleted.status, 200);
    mock.reset();
    const again = (await (await fetch(`${mock.url}/customers`)).json()) as { items: { id: string }[] };
    assert.deepEqual(
      again.items.map((c) => c.id),
      first.items.map((c) => c.id),
      'reset brings the seed back',
    );
  } finally {
    await mock.close();
  }
});

test('startMock reads long query strings (thousands of NData operations) instead of a bare 431', async () => {
  const mock = await startMock({ config: { port: 0, count: 5, auth: { required: false } } });
  try {
    const operations = Array.from({ length: 8000 }, (_, i) => `gt:${i}`).join(';');
    const res = await fetch(`${mock.url}/customers?DiscountRate=${operations}&Search=${'x'.repeat(50_000)}`);
    assert.equal(res.status, 200);
    const bad = await fetch(`${mock.url}/customers?DiscountRate=${'foo:1;'.repeat(5000)}`);
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
  } finally {
    await mock.close();
  }
});

test('a request head over the 1 MiB limit gets the localized 431 problem, and the mock keeps serving', async () => {
  const mock = await startMock({ config: { port: 0, count: 1, auth: { required: false } } });
  try {
    const { request } = await import('node:http');
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(`${mock.url}/customers`, { headers: { 'x-padding': 'x'.repeat(1100 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(answer.status, 431);
    assert.match(answer.type, /application\/problem\+json/);
    const problem = JSON.parse(answer.body) as { title: string; status: number; traceId: string };
    assert.deepEqual([problem.title, problem.status], ['Hlavičky požiadavky sú príliš veľké', 431]);
    assert.match(problem.traceId, /^00-/);
    assert.equal((await fetch(`${mock.url}/api/v2/health`)).status, 200);
  } finally {
    await mock.close();
  }
});
