import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config.js';
import { AppError } from '../errors/app-error.js';
import type { StoredCustomer } from '../domain/customer.js';
import type { Item } from '../resources/engine/resource-row.js';
import type { ResourceStores } from '../resources/engine/resource-stores.js';
import type { Segment } from '../resources/names.js';
import type { CustomerStore } from '../store/customer-store.js';
import { BoundedLog } from './bounded-log.js';
import { ChangeFeed, isResourceChange, type BulkChange, type ChangeEvent } from './change-feed.js';
import type { ConsoleLog } from './console-log.js';
import type { ControlledClock } from './controlled-clock.js';
import type { DataPart, DataSet } from './data-set.js';
import { FaultRules } from './fault-rules.js';
import { LeaseGate } from './lease-gate.js';
import { LeaseTable } from './lease-table.js';
import { recordNotifications, type NotificationEntry } from './notification-log.js';
import type { RequestRecord } from './request-record.js';
import { Snapshots } from './snapshots.js';
import { stateDocument } from './state-file.js';
import { StateSaveError, StateWriter } from './state-writer.js';
import { WebhookDispatcher, type DeliveryRecord } from './webhook-dispatcher.js';

export interface ControlPlaneOptions {
  config: Config;
  store: CustomerStore;
  /** The engine's rows besides customers: reset, saved, loaded and restored with them. */
  resources: ResourceStores;
  clock: ControlledClock;
  /** Real time (epoch ms) for lease expiry: the time underneath `clock`, which the clock scenarios do not move. */
  realNow: () => number;
  /** Lease ids (default: random, so a stale runner cannot end a lease of someone else by chance). */
  leaseId?: () => string;
  /** Source of `share` draws and latency ranges; injected so tests are deterministic. */
  random: () => number;
  /** Webhook delivery ids. */
  newId: () => string;
  console: ConsoleLog;
  /** The seed's customers for `reset` (the configured seed and count unless given). */
  seedCustomers: (options: { seed?: number; count?: number }) => readonly StoredCustomer[];
  onError: (error: unknown) => void;
  /** Where one-line notices go (the state file failing and recovering). */
  warn: (line: string) => void;
}

/**
 * The mock's controllable parts, wired together: the clock, faults and locks, snapshots, the logs, webhooks and
 * the state file, all fed by one change feed. `createMock` builds it; the `/_mock` routes drive it.
 */
export class ControlPlane {
  readonly config: Config['control'];
  readonly clock: ControlledClock;
  readonly random: () => number;
  readonly console: ConsoleLog;
  readonly feed: ChangeFeed;
  readonly faults: FaultRules;
  readonly locks = new Set<string>();
  readonly snapshots = new Snapshots();
  readonly requests: BoundedLog<RequestRecord>;
  readonly changes: BoundedLog<ChangeEvent>;
  readonly deliveries: BoundedLog<DeliveryRecord>;
  /** What the SignalR hub sends, for `GET /_mock/notifications` (capacity `control.changeLogSize`). */
  readonly notifications: BoundedLog<NotificationEntry>;
  readonly webhooks: WebhookDispatcher;
  /** The runners' leases (src/control/CONTROL-API.md#leases). */
  readonly leases: LeaseGate;
  readonly state: StateWriter | null;
  readonly #store: CustomerStore;
  readonly #resources: ResourceStores;
  readonly #seedCustomers: ControlPlaneOptions['seedCustomers'];

  constructor(options: ControlPlaneOptions) {
    const { config } = options;
    this.config = config.control;
    this.clock = options.clock;
    this.random = options.random;
    this.console = options.console;
    this.#store = options.store;
    this.#resources = options.resources;
    this.#seedCustomers = options.seedCustomers;
    this.feed = new ChangeFeed(options.onError);
    const leaseId = options.leaseId ?? (() => `l${randomBytes(8).toString('hex')}`);
    this.leases = new LeaseGate(new LeaseTable(options.realNow, leaseId), options.realNow);
    this.faults = new FaultRules(options.random);
    this.requests = new BoundedLog(config.control.requestLogSize);
    this.changes = new BoundedLog(config.control.changeLogSize);
    this.deliveries = new BoundedLog(config.control.requestLogSize);
    this.notifications = new BoundedLog(config.control.changeLogSize);
    this.webhooks = new WebhookDispatcher({
      targets: config.control.webhooks,
      retries: config.control.webhookRetries,
      backoffMs: config.control.webhookBackoffMs,
      timeoutMs: config.control.webhookTimeoutMs,
      deliveries: this.deliveries,
      console: options.console,
      newId: options.newId,
    });
    const { stateFile } = config.control;
    this.state =
      stateFile === ''
        ? null
        : new StateWriter(stateFile, () => stateDocument(this.data(), this.clock.now()), {
            report: options.warn,
          });
    this.feed.subscribe((change) => {
      this.changes.push(change);
      if (isResourceChange(change)) this.webhooks.notify(change);
      this.state?.save().catch(() => undefined);
    });
    recordNotifications(this.feed, this.notifications);
  }

  /** Every resource's items as stored: customers and each row in table order (state document, snapshots). */
  data(): DataSet {
    return { customers: this.#store.list(), resources: this.#resources.dump() };
  }

  /** Item counts: `customers` and one per row, in table order. */
  counts(): Record<string, number> {
    return { customers: this.#store.size, ...this.#resources.counts() };
  }

  /** Changes with every write to any resource (customers and every row). */
  get storeVersion(): number {
    return this.#resources.rows.reduce(
      (sum, row) => sum + this.#resources.store(row.segment).version,
      this.#store.version,
    );
  }

  /**
   * Replaces the customers and the rows `part` names (the others stay) and announces it once (reset, load,
   * restore): a `replaced` change whose `count` is the customers after it, or, when only one row was
   * replaced, that row's items (named by `resource`).
   */
  replaceData(part: DataPart, reason: BulkChange['reason'], snapshot?: string): void {
    if (part.customers !== undefined) this.#store.replaceAll(part.customers);
    const rows = Object.entries(part.resources ?? {}) as [Segment, readonly Item[]][];
    for (const [segment, items] of rows) this.#resources.store(segment).replaceAll(items);
    const only = part.customers === undefined && rows.length === 1 ? rows[0]?.[0] : undefined;
    this.feed.publish({
      kind: 'replaced',
      reason,
      at: this.clock.now(),
      count: only === undefined ? this.#store.size : this.#resources.store(only).size,
      ...(only === undefined ? {} : { resource: only }),
      ...(snapshot === undefined ? {} : { snapshot }),
    });
  }

  /**
   * Back to the seed: the customers of the configured seed and count (or the given ones), every row its own
   * fixed seed.
   */
  reset(options: { seed?: number; count?: number } = {}): void {
    const resources = Object.fromEntries(this.#resources.rows.map((row) => [row.segment, row.seed()]));
    this.replaceData({ customers: this.#seedCustomers(options), resources }, 'reset');
  }

  /**
   * Resolves once the changes made so far are in the state file (at once without one); a 500
   * `state_not_saved` when the file cannot be written, so no write is answered as kept when it is not.
   */
  async saved(): Promise<void> {
    if (this.state === null) return;
    try {
      await this.state.save();
    } catch (error) {
      const reason = error instanceof StateSaveError ? error.reason : String(error);
      throw new AppError('state_not_saved', { file: this.state.path, reason });
    }
  }

  /** Writes the state file (if any) and stops webhook deliveries. */
  async close(): Promise<void> {
    this.webhooks.close();
    this.leases.close();
    await this.state?.save();
  }
}
