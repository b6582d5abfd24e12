import { type ControlApi, controlHeaders } from './control-api.js';
import { isRecord } from './json-path.js';
import { send, type HttpOptions } from './replay.js';

/** Which lease: many `shared` at once, or one `exclusive` alone (src/control/CONTROL-API.md#leases). */
export type RunLeaseMode = 'shared' | 'exclusive';

export interface RunLeaseOptions {
  /** The lease's lifetime on the mock, renewed every third of it (default 60 s: a crashed run frees it then). */
  ttlMs?: number;
  /** How long to keep asking for one lease before the scenarios that need it could not run (default 10 min). */
  giveUpMs?: number;
}

export type Taken = { ok: true } | { ok: false; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A run's lease on a mock that other runs share (src/control/CONTROL-API.md#leases): `shared` while its ordinary
 * scenarios run, `exclusive` around each exclusive one (the clock, resets, restores), renewed in the background
 * while held. At most one lease is held, and `take` releases it before asking for the next: a run never waits
 * while it holds a lease, so two runs cannot wait for each other. Asking is no busy loop: the mock holds the
 * answer for `waitMs` (half the request timeout, at most 30 s), then says when to ask again (`Retry-After`).
 */
export class RunLease {
  readonly #api: ControlApi;
  readonly #http: HttpOptions;
  readonly #ttlMs: number;
  readonly #giveUpMs: number;
  #id: string | undefined;
  #renewal: NodeJS.Timeout | undefined;

  constructor(api: ControlApi, http: HttpOptions, options: RunLeaseOptions = {}) {
    this.#api = api;
    this.#http = { ...http, retries: 0 };
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#giveUpMs = options.giveUpMs ?? 600_000;
  }

  /** Releases the lease held (if any), then waits for a `mode` lease. */
  async take(mode: RunLeaseMode): Promise<Taken> {
    await this.release();
    const path = `${this.#api.prefix}/lease`;
    const waitMs = Math.min(30_000, Math.floor(this.#http.timeoutMs / 2));
    const giveUpAt = performance.now() + this.#giveUpMs;
    for (;;) {
      const sent = await this.#call('POST', '/lease', { mode, ttlMs: this.#ttlMs, waitMs });
      if (!sent.ok) return { ok: false, reason: `POST ${path}: ${sent.error}` };
      const { status, body, headers } = sent.observation;
      if ((status === 201 || status === 200) && isRecord(body) && typeof body['id'] === 'string') {
        this.#held(body['id']);
        return { ok: true };
      }
      if (status !== 423) return { ok: false, reason: `POST ${path} answered ${status}` };
      if (performance.now() >= giveUpAt)
        return { ok: false, reason: `no ${mode} lease on the mock within ${this.#giveUpMs} ms (another run holds it)` };
      const retryAfter = Number(headers['retry-after'] ?? '1');
      await sleep(Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 1000);
    }
  }

  /** Releases the lease held, if any (best effort: an unanswered release expires after `ttlMs`). */
  async release(): Promise<void> {
    clearInterval(this.#renewal);
    const id = this.#id;
    this.#id = undefined;
    if (id !== undefined) await this.#call('DELETE', `/lease/${encodeURIComponent(id)}`);
  }

  #held(id: string): void {
    this.#id = id;
    // A renewal that fails leaves the lease to expire; the run goes on (it did what it could).
    const renew = () => void this.#call('POST', `/lease/${encodeURIComponent(id)}/renew`, {});
    this.#renewal = setInterval(renew, Math.max(1, Math.floor(this.#ttlMs / 3))).unref();
  }

  #call(method: 'POST' | 'DELETE', path: string, json?: object) {
    const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json), 'utf8');
    return send(
      {
        method,
        url: this.#api.url + path,
        headers: controlHeaders(this.#api, method, body !== undefined),
        ...(body === undefined ? {} : { body }),
      },
      this.#http,
    );
  }
}
