/**
 * The hub bench's subscribers, in a worker thread of their own so that receiving millions of notifications does
 * not delay the REST probes' event loop (autocannon measures latency on the main thread). Raw `ws` sockets do
 * negotiate, the handshake and `Subscribe('portos.resources.changed')` as test/signalr/hub-protocol.test.ts does;
 * the notifications and frames received are counted in shared memory the main thread reads at any time.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import WebSocket from 'ws';

const RS = '\u001e';
const HUB = '/signalr/v1/mainHub';
const EVENT = 'portos.resources.changed';
const ON_EVENT = Buffer.from('"target":"OnEvent"');
/** Indexes into the shared counters. */
const EVENTS = 0;
const FRAMES = 1;

type Request = { grow: number; root: string; token: string } | { close: true };

/** The main thread's handle on the worker: grow it to N subscribers, read what they received. */
export class SubscriberPool {
  /** Started with the first subscriber: its start-up would take CPU from the measurements before. */
  #worker: Worker | null = null;
  readonly #counters = new Int32Array(new SharedArrayBuffer(8));
  #size = 0;
  #failed: Error | null = null;

  #start(): Worker {
    // Through tsx's API: a worker does not inherit the `--import tsx` hooks of its parent.
    const url = JSON.stringify(import.meta.url);
    const source = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${url}, ${url}))`;
    const worker = new Worker(source, { eval: true, workerData: this.#counters });
    worker.on('error', (error) => {
      this.#failed = error;
    });
    this.#worker = worker;
    return worker;
  }

  get size(): number {
    return this.#size;
  }

  /** Notifications received so far, by every subscriber together. */
  delivered(): number {
    return Atomics.load(this.#counters, EVENTS);
  }

  /** Frames that carried them. */
  frames(): number {
    return Atomics.load(this.#counters, FRAMES);
  }

  /** Opens subscribers until there are `count`. */
  async growTo(count: number, root: string, token: string): Promise<void> {
    if (count <= this.#size) return;
    await this.#ask({ grow: count, root, token });
    this.#size = count;
  }

  async close(): Promise<void> {
    if (this.#worker === null) return;
    await this.#ask({ close: true });
    await this.#worker.terminate();
  }

  #ask(request: Request): Promise<void> {
    if (this.#failed !== null) return Promise.reject(this.#failed);
    const worker = this.#worker ?? this.#start();
    return new Promise((resolve, reject) => {
      const onMessage = (answer: { error?: string }) => {
        worker.off('error', reject);
        if (answer.error === undefined) resolve();
        else reject(new Error(answer.error));
      };
      worker.once('message', onMessage);
      worker.once('error', reject);
      worker.postMessage(request);
    });
  }
}

function countEvents(data: Buffer): number {
  let count = 0;
  for (let at = data.indexOf(ON_EVENT); at !== -1; at = data.indexOf(ON_EVENT, at + ON_EVENT.length)) count++;
  return count;
}

function bytesOf(data: WebSocket.RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

async function subscribe(root: string, token: string, counters: Int32Array): Promise<WebSocket> {
  const res = await fetch(`${root}${HUB}/negotiate?negotiateVersion=1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`negotiate: ${res.status} ${await res.text()}`);
  const { connectionToken } = (await res.json()) as { connectionToken: string };
  const ws = new WebSocket(`${root.replace(/^http/, 'ws')}${HUB}?id=${connectionToken}`, {
    headers: { authorization: `Bearer ${token}` },
    perMessageDeflate: false,
    skipUTF8Validation: true,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const bytes = bytesOf(data);
      // The Subscribe's completion: `{"type":3,"invocationId":"1"…}`.
      if (bytes.includes('"invocationId":"1"')) resolve();
      const events = countEvents(bytes);
      if (events === 0) return;
      Atomics.add(counters, EVENTS, events);
      Atomics.add(counters, FRAMES, 1);
    });
    ws.once('open', () =>
      ws.send(
        `{"protocol":"json","version":1}${RS}{"type":1,"invocationId":"1","target":"Subscribe","arguments":["${EVENT}"]}${RS}`,
      ),
    );
  });
  return ws;
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const counters = workerData as Int32Array;
  const sockets: WebSocket[] = [];
  // Raw clients answer no pings, so they send the protocol's own ping before the hub's client timeout.
  const keepAlive = setInterval(() => {
    for (const ws of sockets) ws.send(`{"type":6}${RS}`);
  }, 10_000);
  port.on('message', async (request: Request) => {
    try {
      if ('close' in request) {
        clearInterval(keepAlive);
        for (const ws of sockets) ws.terminate();
      } else {
        // 50 at a time.
        while (sockets.length < request.grow) {
          const batch = Math.min(50, request.grow - sockets.length);
          const opened = Array.from({ length: batch }, () => subscribe(request.root, request.token, counters));
          sockets.push(...(await Promise.all(opened)));
        }
      }
      port.postMessage({});
    } catch (error) {
      port.postMessage({ error: String(error) });
    }
  });
}
