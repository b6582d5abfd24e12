// Requests whose HTTP framing is broken get a localized 400 problem body (never Node's bare 400) and the connection
// closes; the mock keeps serving. Sent over raw sockets, since no HTTP client sends such requests.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { type RunningMock, startMock } from '../../src/mock.js';

let mock: RunningMock;
before(async () => {
  mock = await startMock({ config: { port: 0, count: 1, bodyLimitBytes: 1024 } });
});
after(() => mock.close());

/** Sends `text` on a fresh connection and reads until the server closes it. */
function exchange(text: string): Promise<string> {
  const { port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.end(text);
  });
}

const JSON_HEAD = 'Host: mock.test\r\nContent-Type: application/json\r\n';

const CASES: { name: string; request: string; status: number; title: string }[] = [
  {
    name: 'two different Content-Lengths',
    request: `POST /customers HTTP/1.1\r\n${JSON_HEAD}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'Content-Length and chunked together',
    request: `POST /api/auth HTTP/1.1\r\n${JSON_HEAD}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'a chunk size that is not hex',
    request: `POST /api/auth HTTP/1.1\r\n${JSON_HEAD}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'a bad chunk after a good one',
    request: `POST /api/auth HTTP/1.1\r\n${JSON_HEAD}Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nxyz\r\n0\r\n\r\n`,
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'a chunk longer than its size',
    request: `POST /customers HTTP/1.1\r\n${JSON_HEAD}Transfer-Encoding: chunked\r\n\r\n1\r\n{}\r\n0\r\n\r\n`,
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'an invalid method token',
    request: 'GE(T /customers HTTP/1.1\r\nHost: mock.test\r\n\r\n',
    status: 400,
    title: 'Chybná požiadavka',
  },
  {
    name: 'a space in a header name',
    request: 'GET /customers HTTP/1.1\r\nHo st: mock.test\r\n\r\n',
    status: 400,
    title: 'Chybná požiadavka',
  },
  { name: 'not HTTP at all', request: 'hello\r\n\r\n', status: 400, title: 'Chybná požiadavka' },
  {
    name: 'a chunked body over the limit (read as it streams)',
    request: `POST /api/auth HTTP/1.1\r\n${JSON_HEAD}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${'400\r\n'}${'x'.repeat(1024)}\r\n${'400\r\n'}${'x'.repeat(1024)}\r\n0\r\n\r\n`,
    status: 413,
    title: 'Požiadavka je príliš veľká',
  },
];

for (const c of CASES) {
  test(`${c.name} → ${c.status} problem body, connection closed, the mock still serves`, async () => {
    const answer = await exchange(c.request);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    assert.match(head, new RegExp(`^HTTP/1\\.1 ${c.status} `), answer);
    assert.match(head, /\r\ncontent-type: application\/problem\+json/i);
    assert.match(head, /\r\ncontent-language: sk-SK/i);
    assert.match(head, /\r\nconnection: close/i);
    const problem = JSON.parse(body) as { title: string; status: number; detail: string; traceId: string };
    assert.deepEqual([problem.title, problem.status], [c.title, c.status]);
    assert.ok(problem.detail.length > 0);
    assert.match(problem.traceId, /^00-/);
    assert.equal((await fetch(`${mock.url}/api/v2/health`)).status, 200);
  });
}
