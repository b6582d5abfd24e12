import type { BoundedLog } from './bounded-log.js';
import type { ResourceChange } from './change-feed.js';
import type { ConsoleLog } from './console-log.js';
import { SIGNATURE_HEADER, signWebhook, webhookPayload } from './webhook-payload.js';

/** A receiver of notifications: its URL, the optional signing secret, the resources it wants (all when absent). */
export interface WebhookTarget {
  url: string;
  secret?: string;
  resources?: readonly string[];
}

/** One delivery attempt, as the deliveries log keeps it. */
export interface DeliveryRecord {
  deliveryId: string;
  url: string;
  action: ResourceChange['action'];
  id: string;
  attempt: number;
  /** Real time of the attempt (ISO). */
  at: string;
  /** `delivered` (2xx), `retrying` (failed, another attempt follows) or `failed` (the last attempt failed). */
  outcome: 'delivered' | 'retrying' | 'failed';
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface DispatcherOptions {
  targets: readonly WebhookTarget[];
  /** Attempts after the first. */
  retries: number;
  /** Wait before retry n: `backoffMs * 2^(n-1)`. */
  backoffMs: number;
  timeoutMs: number;
  deliveries: BoundedLog<DeliveryRecord>;
  console: ConsoleLog;
  newId: () => string;
}

interface Queue {
  target: WebhookTarget;
  tail: Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * POSTs a signed notification to every interested target on each customer change, in order per target, with
 * retries and backoff; every attempt's outcome goes to the deliveries log and the console.
 */
export class WebhookDispatcher {
  readonly #options: DispatcherOptions;
  readonly #queues: Queue[];
  #closed = false;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#queues = options.targets.map((target) => ({ target, tail: Promise.resolve() }));
  }

  targets(): WebhookTarget[] {
    return this.#queues.map((queue) => queue.target);
  }

  add(target: WebhookTarget): void {
    this.#queues.push({ target, tail: Promise.resolve() });
  }

  /** Forgets every target (deliveries in flight finish). */
  clear(): void {
    this.#queues.length = 0;
  }

  notify(change: ResourceChange): void {
    if (this.#closed) return;
    for (const queue of this.#queues) {
      const { resources } = queue.target;
      if (resources !== undefined && !resources.includes(change.name)) continue;
      const deliveryId = this.#options.newId();
      queue.tail = queue.tail.then(() => this.#deliver(queue.target, change, deliveryId));
    }
  }

  /** Resolves once every queued notification has been delivered or given up. */
  async idle(): Promise<void> {
    let tails: Promise<void>[] = [];
    do {
      tails = this.#queues.map((queue) => queue.tail);
      await Promise.all(tails);
    } while (this.#queues.some((queue, i) => queue.tail !== tails[i]));
  }

  /** Stops: queued notifications are not sent, no further attempts are made. */
  close(): void {
    this.#closed = true;
  }

  async #deliver(target: WebhookTarget, change: ResourceChange, deliveryId: string): Promise<void> {
    const { retries, backoffMs } = this.#options;
    const body = JSON.stringify(webhookPayload(change, deliveryId));
    for (let attempt = 1; attempt <= retries + 1 && !this.#closed; attempt++) {
      if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
      const result = await this.#attempt(target, body, attempt, deliveryId);
      const outcome = result.ok ? 'delivered' : attempt <= retries ? 'retrying' : 'failed';
      const record: DeliveryRecord = {
        deliveryId,
        url: target.url,
        action: change.action,
        id: change.id,
        attempt,
        at: new Date().toISOString(),
        outcome,
        status: result.status,
        error: result.error,
        durationMs: result.durationMs,
      };
      this.#options.deliveries.push(record);
      this.#options.console[outcome === 'delivered' ? 'info' : 'warn']({ webhook: record }, `webhook ${outcome}`);
      if (result.ok) return;
    }
  }

  async #attempt(
    target: WebhookTarget,
    body: string,
    attempt: number,
    deliveryId: string,
  ): Promise<{ ok: boolean; status: number | null; error: string | null; durationMs: number }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'portos-mock-webhooks',
      'x-mock-webhook-delivery': deliveryId,
      'x-mock-webhook-attempt': String(attempt),
    };
    if (target.secret !== undefined && target.secret !== '')
      headers[SIGNATURE_HEADER] = signWebhook(body, target.secret);
    const started = performance.now();
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      await response.arrayBuffer();
      const ok = response.status >= 200 && response.status < 300;
      return { ok, status: response.status, error: null, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      const cause =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return { ok: false, status: null, error: cause, durationMs: Math.round(performance.now() - started) };
    }
  }
}
