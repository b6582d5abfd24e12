import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { fixedClock } from '../../src/domain/clock.js';
import { queryResultJson } from '../../src/http/customer-json.js';
import { STREAM_ABOVE_ITEMS } from '../../src/http/send-query-result.js';
import { CHUNK_ITEMS, type ItemTexts, streamList } from '../../src/http/stream-list.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { parseCustomerQuery, runCustomerQuery } from '../../src/ndata/index.js';
import { TEST_NOW } from '../support/app.js';

/** More customers than a one-string answer holds, so a list without `$take` streams. */
const CUSTOMERS = STREAM_ABOVE_ITEMS + 2 * CHUNK_ITEMS + 7;

let mock: RunningMock;

before(async () => {
  mock = await startMock({
    config: { port: 0, count: CUSTOMERS, seed: 11, auth: { required: false } },
    clock: fixedClock(TEST_NOW),
    log: () => undefined,
  });
});
after(() => mock.close());

interface RawAnswer {
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  error: string | null;
}

/** A raw GET: status, headers, the body bytes that arrived and how the connection ended. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      const done = (error: string | null) =>
        resolve({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks), error });
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null));
      res.on('error', (error) => done(error.message));
      res.on('aborted', () => done('aborted'));
    });
    req.on('error', (error) => resolve({ status: null, headers: {}, body: Buffer.alloc(0), error: error.message }));
    req.end();
  });
}

/** What the one-string path sends for `query`, computed beside the server from the same store. */
function oneString(query: string): string {
  const parsed = parseCustomerQuery([...new URLSearchParams(query)], {
    strict: false,
    repeatedSingleParameter: 'first',
  });
  assert.ok(parsed.ok);
  const result = runCustomerQuery(parsed.query, mock.store, TEST_NOW, { stringOrder: 'ordinal' });
  return queryResultJson(result.items, result.count, result.totalCount, TEST_NOW);
}

const STREAMED = [
  '',
  '$sort=-lastName,firstName',
  '$sort=-discountRate&$skip=3',
  `$skip=${CHUNK_ITEMS - 1}`,
  'DiscountRate=gte:0&$sort=lastName',
  `$take=${STREAM_ABOVE_ITEMS + 1}`,
  `$take=${STREAM_ABOVE_ITEMS + CHUNK_ITEMS}&$sort=creditRate`,
];

for (const query of STREAMED) {
  test(`GET /customers?${query} streams the very bytes of the one-string answer`, async () => {
    const answer = await rawGet(`${mock.url}/customers?${query}`);
    assert.equal(answer.error, null);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['transfer-encoding'], 'chunked');
    assert.equal(answer.headers['content-length'], undefined);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
    const expected = oneString(query);
    assert.ok(JSON.parse(expected).items.length > STREAM_ABOVE_ITEMS, 'the case is long enough to stream');
    assert.equal(answer.body.toString('utf8'), expected);
  });
}

const ONE_STRING = ['$take=5', `$take=${STREAM_ABOVE_ITEMS}`, '$count=true', `$skip=${CUSTOMERS - 3}`, 'Search=zzzzqq'];

for (const query of ONE_STRING) {
  test(`GET /customers?${query} goes out as one string with its Content-Length`, async () => {
    const answer = await rawGet(`${mock.url}/customers?${query}`);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['transfer-encoding'], undefined);
    assert.equal(answer.headers['content-length'], String(answer.body.length));
    assert.equal(answer.body.toString('utf8'), oneString(query));
  });
}

test('truncate=N cuts a streamed list after N bytes of its body, keeping the chunked encoding', async () => {
  const whole = Buffer.from(oneString(''));
  for (const bytes of [0, 10, CHUNK_ITEMS * 300, whole.length - 1, whole.length + 5]) {
    const answer = await rawGet(`${mock.url}/customers`, { 'X-Mock-Fault': `truncate=${bytes}` });
    assert.equal(answer.status, 200, `truncate=${bytes}`);
    assert.equal(answer.headers['transfer-encoding'], 'chunked');
    assert.notEqual(answer.error, null, `truncate=${bytes}: the answer ended early`);
    const kept = Math.min(bytes, whole.length - 1);
    assert.equal(answer.body.length, kept, `truncate=${bytes}`);
    assert.deepEqual(answer.body, whole.subarray(0, kept));
  }
});

test('truncate without bytes cuts a streamed list in half', async () => {
  const whole = Buffer.from(oneString(''));
  const answer = await rawGet(`${mock.url}/customers`, { 'X-Mock-Fault': 'truncate' });
  assert.equal(answer.status, 200);
  assert.notEqual(answer.error, null);
  assert.deepEqual(answer.body, whole.subarray(0, Math.floor(whole.length / 2)));
});

/** Items `{"i":N}`, counting how many texts were made. */
function countingItems(length: number): ItemTexts & { made: number } {
  return {
    length,
    made: 0,
    text(index) {
      this.made++;
      return `{"i":${index}}`;
    },
  };
}

/** A response stand-in whose buffer is full after every write, until the test lets it drain. */
class SlowResponse extends Writable {
  statusCode = 0;
  readonly headers = new Map<string, string>();
  readonly written: string[] = [];
  constructor() {
    super({ highWaterMark: 1 });
  }
  setHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    this.written.push(chunk.toString());
    this.pending = callback;
  }
  pending: (() => void) | null = null;
  /** Lets the last write finish, so the stream emits 'drain'. */
  drain() {
    const callback = this.pending;
    this.pending = null;
    callback?.();
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('the writer holds at most one chunk of item texts and waits for drain before making more', async () => {
  const items = countingItems(10 * CHUNK_ITEMS + 3);
  const res = new SlowResponse();
  const streaming = streamList(res as unknown as ServerResponse, items, ',"count":0}');
  let writes = 0;
  for (;;) {
    for (let i = 0; i < 5; i++) await tick();
    if (res.pending === null) break;
    assert.equal(res.written.length, writes + 1, 'exactly one more write while the buffer was full');
    const itemsWritten = res.written.join('').split('{"i":').length - 1;
    assert.equal(items.made, itemsWritten, 'every text made is already written');
    assert.ok(items.made <= (writes + 1) * CHUNK_ITEMS, 'no text is made ahead of the write that carries it');
    writes++;
    res.drain();
  }
  const outcome = await streaming;
  assert.deepEqual(outcome, { written: items.length, complete: true });
  assert.equal(items.made, items.length);
  assert.deepEqual(JSON.parse(res.written.join('')), {
    items: Array.from({ length: items.length }, (_, i) => ({ i })),
    count: 0,
  });
});

let server: Server | undefined;
after(() => server?.close());

test('a client that disconnects stops the work: no item text is made after the connection closes', async () => {
  const items = countingItems(1_000_000);
  let madeAtClose = -1;
  let outcome: Promise<{ written: number; complete: boolean }> | undefined;
  server = createServer((_req, res) => {
    res.on('close', () => {
      madeAtClose = items.made;
    });
    outcome = streamList(res, items, ',"count":0}');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    const req = httpRequest(`http://127.0.0.1:${port}/`, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve();
      });
    });
    req.end();
  });
  assert.ok(outcome !== undefined);
  const { written, complete } = await outcome;
  assert.equal(complete, false);
  assert.ok(madeAtClose >= 0, 'the server saw the connection close');
  assert.equal(items.made, madeAtClose, 'no text was made after the close');
  assert.equal(written, items.made);
  assert.ok(items.made < items.length, `made ${items.made} of ${items.length}`);
});

test('an error after the headers are sent destroys the socket', async () => {
  const failing: ItemTexts = {
    length: 5 * CHUNK_ITEMS,
    text: (index) => {
      if (index === 3 * CHUNK_ITEMS) throw new Error('broken item');
      return `{"i":${index}}`;
    },
  };
  let rejected: unknown = null;
  const broken = createServer((_req, res) => {
    streamList(res, failing, ',"count":0}').catch((error: unknown) => {
      rejected = error;
    });
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  const { port } = broken.address() as AddressInfo;
  const answer = await rawGet(`http://127.0.0.1:${port}/`);
  broken.close();
  assert.equal(answer.status, 200);
  assert.notEqual(answer.error, null, 'the client sees the answer cut');
  assert.ok(answer.body.length > 0);
  assert.match(String(rejected), /broken item/);
});
