// The console log writes one line per request as it happens: after each answer, its line is out, before the next
// request is sent (no timing: the test counts lines between requests).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { consoleLogger, textLine } from '../../src/control/console-logger.js';
import { createMock } from '../../src/mock.js';

const REQUESTS = 20;

interface Mode {
  name: string;
  isTTY: boolean;
  /** Checks line `i` (request `?$take=i`). */
  check(line: string, i: number): void;
}

const MODES: Mode[] = [
  {
    name: 'piped: pino JSON lines',
    isTTY: false,
    check: (line, i) => {
      const entry = JSON.parse(line) as { level: number; msg: string; req: { url: string; status: number } };
      assert.deepEqual(
        [entry.level, entry.msg, entry.req.url, entry.req.status],
        [30, 'request', `/customers?$take=${i}`, 200],
      );
    },
  },
  {
    name: 'a terminal: readable text',
    isTTY: true,
    check: (line, i) =>
      assert.match(line, new RegExp(`^\\S+Z  GET /customers\\?\\$take=${i}  200  [\\d.]+ ms  anonymous$`)),
  },
];

for (const mode of MODES) {
  test(`console log, ${mode.name}: one whole line per request, written before the next request`, async () => {
    let written = '';
    const sink = { isTTY: mode.isTTY, write: (text: string) => (written += text) };
    const mock = createMock({
      config: { count: 3, auth: { required: false } },
      console: consoleLogger(sink),
      log: () => undefined,
    });
    for (let i = 1; i <= REQUESTS; i++) {
      assert.equal((await request(mock.app).get(`/customers?$take=${i}`)).status, 200);
      const lines = written.split('\n');
      assert.equal(lines.pop(), '', 'every line is complete');
      assert.equal(lines.length, i, `after request ${i}`);
      mode.check(lines[i - 1] ?? '', i);
    }
  });
}

test('the default console log (logRequests) writes through process.stdout, one line per request, unbuffered', async () => {
  const mock = createMock({ config: { count: 3, logRequests: true, auth: { required: false } }, log: () => undefined });
  const captured: string[] = [];
  const original = process.stdout.write;
  // Keep what is ours, pass the test runner's own output through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (text.startsWith('{"level":') && text.includes('"name":"portos-mock"')) {
      captured.push(text);
      return true;
    }
    return original.call(process.stdout, chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    for (let i = 1; i <= 5; i++) {
      assert.equal((await request(mock.app).get(`/customers?$take=${i}`)).status, 200);
      assert.equal(captured.join('').split('\n').filter(Boolean).length, i, `after request ${i}`);
    }
  } finally {
    process.stdout.write = original;
  }
});

test('text lines for requests with faults or no answer, webhook attempts and anything else', () => {
  const at = '2025-06-01T12:00:00.000Z';
  const cases: [object, string, 'info' | 'warn', RegExp][] = [
    [
      {
        req: {
          at,
          method: 'POST',
          url: '/customers',
          status: 500,
          latencyMs: 1.5,
          identity: 'admin',
          faults: ['status=500'],
          outcome: 'completed',
        },
      },
      'request',
      'info',
      /^2025-06-01T12:00:00.000Z {2}POST \/customers {2}500 {2}1.5 ms {2}admin {2}faults: status=500$/,
    ],
    [
      {
        req: {
          at,
          method: 'GET',
          url: '/customers/a',
          status: null,
          latencyMs: 2,
          identity: null,
          faults: ['drop'],
          outcome: 'dropped',
        },
      },
      'request',
      'info',
      /GET \/customers\/a {2}- {2}2 ms {2}faults: drop {2}\(dropped\)$/,
    ],
    [
      {
        webhook: {
          deliveryId: 'd1',
          url: 'http://hook.test/',
          action: 'created',
          id: 'c1',
          attempt: 2,
          at,
          outcome: 'failed',
          status: null,
          error: 'ECONNREFUSED',
          durationMs: 3,
        },
      },
      'webhook failed',
      'warn',
      /^WARN 2025-06-01T12:00:00.000Z {2}webhook failed: created c1 → http:\/\/hook.test\/ {2}ECONNREFUSED {2}attempt 2 {2}3 ms$/,
    ],
    [{ other: 1 }, 'something', 'info', /something \{"other":1\}$/],
  ];
  for (const [fields, message, level, expected] of cases) assert.match(textLine(fields, message, level), expected);
});
