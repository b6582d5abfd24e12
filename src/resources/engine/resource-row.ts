import type { Right } from '../../auth/rights.js';
import type { Issue } from '../../errors/issue.js';
import type { StringOrder } from '../../ndata/domain.js';
import type { Value, ValueType } from '../../ndata/value-types.js';
import type { ResourceName, Segment } from '../names.js';
import type { KeySpec } from './keys.js';

/** A stored item: the JSON object the routes answer with, `_v` included (members in answer order). */
export type Item = Readonly<Record<string, unknown>> & { readonly _v: number };

/** What every stored item has: its version. */
export interface Versioned {
  readonly _v: number;
}

/** Where a row's items live: by key text, in insertion order; `version` changes on every write. */
export interface RowStore<T extends Versioned> {
  readonly version: number;
  readonly size: number;
  get(key: string): T | undefined;
  list(): readonly T[];
  put(item: T): void;
  remove(key: string): T | undefined;
}

/** A page of a list answer: the items (undefined for `$count=true`), their number and all matches. */
export interface ListAnswer<T> {
  items: readonly T[] | undefined;
  count: number;
  totalCount: number;
}

/**
 * What a row may do its own way (customers: derived members at the clock, an indexed query with `Search` and
 * `IsExpired`, unique members, payload rights). Rows without hooks are stored JSON served as stored.
 */
export interface RowHooks<T extends Versioned> {
  /** A list query (parsed and answered by the row): its issues, or the answer. */
  query?(
    pairs: ReadonlyArray<readonly [string, string]>,
    options: { strict: boolean; repeatedSingleParameter: 'first' | 'error'; stringOrder: StringOrder; now: number },
  ): { ok: true; answer: ListAnswer<T> } | { ok: false; issues: Issue[] };
  /** An item's JSON text, or its UTF-8 bytes, at `now` (default: the stored object's text). */
  json?(item: T, now: number): string | Uint8Array;
  /** The same text made afresh, not cached, for streamed lists (default: `json`). */
  freshJson?(item: T, now: number): string;
  /** Unique members `candidate` shares with another item (`selfKey`: the item it replaces), key included. */
  uniques?(candidate: T, selfKey: string | null): Issue[];
  /** Rights an update needs from what it changes (step 6 of the order of checks). */
  payloadRights?(stored: T, next: T): Right[];
}

/** A member of a body after matching names and validation against the row's write schema. */
export type Body = Readonly<Record<string, unknown>>;

/**
 * An NData filter member of a row: its value type, nullability and how to read it from an item (`T`: any other
 * member table, e.g. `/users`).
 */
export interface RowMember<T = Item> {
  type: ValueType;
  nullable: boolean;
  value: (item: T) => Value | null;
}

/** Where a new item comes from: the checked body, its key, its `_v`, the item it replaces, and the injected sources. */
export interface BuildInput<T = Item> {
  body: Body;
  key: string | number;
  version: number;
  previous: T | undefined;
  /** Epoch ms on the mock clock. */
  now: number;
  /** A fresh 24-hex id (ids of nested items, generated secrets). */
  newId: () => string;
  /** `count` random lowercase hex characters from the seeded source (API key secrets). */
  newHex: (count: number) => string;
  /** Every stored item (defaults that name others: a price's currency is the domestic one). */
  catalogue: Catalogue;
}

/** What rules may look at besides the item: every stored item of every row. */
export interface Catalogue {
  items(segment: Segment): readonly Item[];
  get(segment: Segment, key: string): Item | undefined;
}

/** An item naming another: `member` (its JSON path in the naming item) must match an item of `segment` on `where`. */
export interface Reference {
  segment: Segment;
  member: string;
  where: Readonly<Record<string, unknown>>;
}

export interface RuleInput<T = Item> {
  item: T;
  previous: T | undefined;
  catalogue: Catalogue;
}

/**
 * One resource of the engine (docs/decisions.md#resource-engine): route segment, name (right prefix), key,
 * spec schemas, NData members, defaults (`build`), rules, references and seed. Everything else (routes, `_v`,
 * rights, 404, change feed, control API) is the engine's.
 */
export interface ResourceRow<T extends Versioned = Item> {
  segment: Segment;
  name: ResourceName;
  /** `ResourceInfo.name` in errors, notifications and webhooks when it is not `name` (customers: configurable). */
  infoName?: string;
  key: KeySpec;
  /** components.schemas names: the item as answered and the POST/PUT body. */
  schemas: { model: string; write: string };
  /** NData filter parameters by their documented spelling (names match case-insensitively). */
  members: Readonly<Record<string, RowMember<T>>>;
  /** Scalar members `$sort` accepts (camelCase; dotted for nested scalars). */
  sortable: readonly string[];
  /** Rights of which one is needed to read (list, get); none = any authenticated user. */
  readRights?: readonly Right[];
  /** The item a checked body makes, every omitted member at its default. */
  build(input: BuildInput<T>): T;
  /** Rule issues of a candidate item (400 naming the member), beyond its references. */
  rules?(input: RuleInput<T>): Issue[];
  /** The items this one names; each must exist, and a named item cannot be deleted. */
  references?(item: T): readonly Reference[];
  /** Issues that forbid deleting `item` beyond references to it (the domestic currency). */
  deleteRules?(item: T): Issue[];
  /** The seeded items, the same on every start. */
  seed(): readonly T[];
  hooks?: RowHooks<T>;
}

/** The key of an item as text (`1`, `EUR`, `65a0…`): the member the row's key names. */
export function keyOfItem<T extends Versioned>(row: Pick<ResourceRow<T>, 'key'>, item: T): string {
  const key = (item as unknown as Record<string, unknown>)[row.key.member];
  return typeof key === 'string' || typeof key === 'number' ? String(key) : '';
}

/** The name errors and notifications give the row's items. */
export function infoNameOf(row: Pick<ResourceRow<Versioned>, 'name' | 'infoName'>): string {
  return row.infoName ?? row.name;
}
