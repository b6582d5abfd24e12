import type { Right } from '../../auth/rights.js';
import type { Issue } from '../../errors/issue.js';
import type { Value, ValueType } from '../../ndata/value-types.js';
import type { ResourceName, Segment } from '../names.js';
import type { KeySpec } from './keys.js';

/** A stored item: the JSON object the routes answer with, `_v` included (members in answer order). */
export type Item = Readonly<Record<string, unknown>> & { readonly _v: number };

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
export interface BuildInput {
  body: Body;
  key: string | number;
  version: number;
  previous: Item | undefined;
  /** Epoch ms on the mock clock. */
  now: number;
  /** A fresh 24-hex id (ids of nested items, generated secrets). */
  newId: () => string;
  /** `count` random lowercase hex characters from the seeded source (API key secrets). */
  newHex: (count: number) => string;
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

export interface RuleInput {
  item: Item;
  previous: Item | undefined;
  catalogue: Catalogue;
}

/**
 * One resource of the engine (docs/decisions.md#resource-engine): route segment, name (right prefix), key,
 * spec schemas, NData members, defaults (`build`), rules, references and seed. Everything else (routes, `_v`,
 * rights, 404, change feed, control API) is the engine's.
 */
export interface ResourceRow {
  segment: Segment;
  name: ResourceName;
  key: KeySpec;
  /** components.schemas names: the item as answered and the POST/PUT body. */
  schemas: { model: string; write: string };
  /** NData filter parameters by their documented spelling (names match case-insensitively). */
  members: Readonly<Record<string, RowMember>>;
  /** Scalar members `$sort` accepts (camelCase; dotted for nested scalars). */
  sortable: readonly string[];
  /** Rights of which one is needed to read (list, get); none = any authenticated user. */
  readRights?: readonly Right[];
  /** The item a checked body makes, every omitted member at its default. */
  build(input: BuildInput): Item;
  /** Rule issues of a candidate item (400 naming the member), beyond its references. */
  rules?(input: RuleInput): Issue[];
  /** The items this one names; each must exist, and a named item cannot be deleted. */
  references?(item: Item): readonly Reference[];
  /** Issues that forbid deleting `item` beyond references to it (the domestic currency). */
  deleteRules?(item: Item): Issue[];
  /** The seeded items, the same on every start. */
  seed(): readonly Item[];
}
