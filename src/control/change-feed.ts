import type { ResourceName } from '../resources/names.js';

/**
 * What a write did to one item of a resource; `kind` is the resource (`customer`, `vat`), `name` the
 * `ResourceInfo.name` notifications and webhooks carry (the configured `customerResourceName` for customers),
 * `id` the key as text; `before`/`after` are the `_v` on each side (null: absent).
 */
export interface ResourceChange {
  kind: ResourceName;
  name: string;
  action: 'created' | 'updated' | 'deleted';
  id: string;
  /** Epoch ms on the mock's clock. */
  at: number;
  before: number | null;
  after: number | null;
  /** The caller's user name (`anonymous` with auth off). */
  identity: string | null;
}

/** The data replaced in bulk through the control API (or the library's `reset()`): a reset, load or restore. */
export interface BulkChange {
  kind: 'replaced';
  reason: 'reset' | 'load' | 'restore';
  at: number;
  /** Customers after the change; with `resource`, that resource's items. */
  count: number;
  /** The one resource replaced, when a load replaced one row only (`stocks`); absent: the customers (with a reset or restore, every row too). */
  resource?: string;
  /** The snapshot restored, for `restore`. */
  snapshot?: string;
}

/** A customer's change (the first resource). */
export type CustomerChange = ResourceChange & { kind: 'customer' };

export type ChangeEvent = ResourceChange | BulkChange;

export function isResourceChange(change: ChangeEvent): change is ResourceChange {
  return change.kind !== 'replaced';
}

/** The change a write made to the item keyed `id`, from its `_v` before and after (null: absent on that side). */
export function resourceChange(
  resource: { kind: ResourceName; name: string },
  id: string,
  before: { _v: number } | null,
  after: { _v: number } | null,
  at: number,
  identity: string | null,
): ResourceChange {
  const action = before === null ? 'created' : after === null ? 'deleted' : 'updated';
  return { ...resource, action, id, at, before: before?._v ?? null, after: after?._v ?? null, identity };
}

/** The change a write made, from the customer before and after it (null: absent on that side). */
export function customerChange(
  before: { id: string; _v: number } | null,
  after: { id: string; _v: number } | null,
  at: number,
  identity: string | null,
  name = 'customer',
): CustomerChange {
  const id = after?.id ?? before?.id ?? '';
  return { ...resourceChange({ kind: 'customer', name }, id, before, after, at, identity), kind: 'customer' };
}

/** Where a write came from, for the SignalR notification of it (docs/decisions.md#real-time-notifications). */
export interface ChangeOrigin {
  /** The mock's id of the HTTP connection that carried the write (a Notification's `s.c`). */
  connection: string;
  /** The writer (`s.u`); null when the request had no credentials (then `s` is null). */
  user: { userName: string; deviceName: string | null } | null;
  /** 24 lowercase hex, one per change: the Notification's `r`, the same wherever it is shown. */
  reference: string;
}

/** Hears every change; `origin` is null for changes no PORTOS request made (control loads, resets, restores). */
export type ChangeListener = (change: ChangeEvent, origin: ChangeOrigin | null) => void;

/**
 * Where every write is announced once (the customer routes and the control operations publish); the change log,
 * the webhooks and the state file subscribe. A listener that throws does not stop the others.
 */
export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();
  readonly #onError: (error: unknown) => void;

  constructor(onError: (error: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(change: ChangeEvent, origin: ChangeOrigin | null = null): void {
    for (const listener of this.#listeners) {
      try {
        listener(change, origin);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}
