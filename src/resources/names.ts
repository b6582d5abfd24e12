/**
 * The resources the mock serves, by route segment and resource name (docs/decisions.md#resource-engine): the
 * name is PORTOS `ResourceInfo.name`, the change log's `kind` and the prefix of the resource's rights
 * (`{name}Create`, `{name}Update`, `{name}Delete`). Customers came first and are a row like the others.
 */
export const RESOURCE_NAMES = {
  customers: 'customer',
  vats: 'vat',
  articlecategories: 'articleCategory',
  currencies: 'currency',
  plus: 'plu',
  stocks: 'stock',
  paymenttypes: 'paymentType',
  zones: 'zone',
  modifiers: 'modifier',
  roles: 'role',
  devices: 'device',
  apikeys: 'apiKey',
} as const;

/** A route segment of a stored resource (`vats`), also its member of the state document. */
export type Segment = keyof typeof RESOURCE_NAMES;

/** A resource name (`vat`), also its right prefix. */
export type ResourceName = (typeof RESOURCE_NAMES)[Segment];

export const SEGMENTS = Object.keys(RESOURCE_NAMES) as Segment[];

/**
 * The key member of each resource's items (`id`, `category`, `label`, `name`, `number`): what a created item is
 * named by in its path. A plain table, so the contract kit (which knows the server only over HTTP) can use it; a
 * test checks it against the rows.
 */
export const KEY_MEMBERS = {
  customers: 'id',
  vats: 'category',
  articlecategories: 'label',
  currencies: 'label',
  plus: 'id',
  stocks: 'name',
  paymenttypes: 'number',
  zones: 'name',
  modifiers: 'id',
  roles: 'name',
  devices: 'name',
  apikeys: 'id',
} as const satisfies Record<Segment, string>;

/** The three write rights every stored resource has. */
export const WRITE_ACTIONS = ['Create', 'Update', 'Delete'] as const;

export type WriteRight = `${ResourceName}${(typeof WRITE_ACTIONS)[number]}`;

export function isSegment(value: string): value is Segment {
  return Object.hasOwn(RESOURCE_NAMES, value);
}

/** The right to `action` on a resource (`vat`, `Create` → `vatCreate`). */
export function writeRight(name: ResourceName, action: (typeof WRITE_ACTIONS)[number]): WriteRight {
  return `${name}${action}`;
}
