import { missingRights } from '../../auth/rights.js';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import { RESOURCE_NAMES } from '../names.js';
import { keyText } from './keys.js';
import {
  infoNameOf,
  keyOfItem,
  type Body,
  type Item,
  type Reference,
  type ResourceRow,
  type RowStore,
  type Versioned,
} from './resource-row.js';
import type { ResourceStores } from './resource-stores.js';
import { memberAt } from './row-query.js';

/** What a write needs besides the body: the row and its store, every store, the caller's rights, clock and ids. */
export interface RowWriteContext<T extends Versioned = Item> {
  row: ResourceRow<T>;
  store: RowStore<T>;
  stores: ResourceStores;
  rights: readonly string[];
  now: number;
  newId: () => string;
  newHex: (count: number) => string;
  /** Told after every create, update and delete: the item before and after (null: absent on that side). */
  onWrite?: (before: T | null, after: T | null) => void;
}

function matches(item: Versioned, where: Reference['where']): boolean {
  return Object.entries(where).every(([member, value]) => memberAt(item, member) === value);
}

function describe(where: Reference['where']): string {
  return Object.values(where).map(String).join('/');
}

/** The references of `item` that name nothing stored, as issues on the naming members. */
function referenceIssues<T extends Versioned>(ctx: RowWriteContext<T>, item: T): Issue[] {
  return (ctx.row.references?.(item) ?? [])
    .filter((ref) => !ctx.stores.items(ref.segment).some((target) => matches(target, ref.where)))
    .map((ref) =>
      issue('body.unknown_reference', ref.member, {
        resource: RESOURCE_NAMES[ref.segment],
        value: describe(ref.where),
      }),
    );
}

/** Builds the item and checks its rules and references (step 4 of the order of checks). */
function candidate<T extends Versioned>(
  ctx: RowWriteContext<T>,
  body: Body,
  key: string | number,
  previous: T | undefined,
): T {
  const item = ctx.row.build({
    body,
    key,
    version: previous === undefined ? 1 : previous._v + 1,
    previous,
    now: ctx.now,
    newId: ctx.newId,
    newHex: ctx.newHex,
    catalogue: ctx.stores,
  });
  const issues = [...(ctx.row.rules?.({ item, previous, catalogue: ctx.stores }) ?? []), ...referenceIssues(ctx, item)];
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  return item;
}

function notFound(row: Pick<ResourceRow<Versioned>, 'name' | 'infoName'>, key: string): AppError {
  return new AppError('not_found', { resource: infoNameOf(row), id: key });
}

/** Step 8: the unique members `item` shares with another item (the key, or what the row's hook says). */
function assertUnique<T extends Versioned>(ctx: RowWriteContext<T>, item: T, selfKey: string | null): void {
  const key = keyOfItem(ctx.row, item);
  const issues =
    ctx.row.hooks?.uniques?.(item, selfKey) ??
    (selfKey === null && ctx.store.get(key) !== undefined
      ? [issue('body.unique', ctx.row.key.member, { value: key })]
      : []);
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
}

/** POST /{segment}: a new item with `_v` 1 under the body's key (an `id` key is generated when absent). */
export function createItem<T extends Versioned>(ctx: RowWriteContext<T>, body: Body): T {
  const key = ctx.row.key.fromBody(body[ctx.row.key.member]) ?? ctx.newId();
  const item = candidate(ctx, body, key, undefined);
  assertUnique(ctx, item, null);
  ctx.store.put(item);
  ctx.onWrite?.(null, item);
  return item;
}

/**
 * PUT /{segment}/{key}: full replacement of the stored item, or a creation under the path key. Order after the
 * body: payload rights (6), `_v` (7), uniqueness (8).
 */
export function upsertItem<T extends Versioned>(
  ctx: RowWriteContext<T>,
  key: string | number,
  body: Body,
  sentVersion: number | undefined,
): { item: T; created: boolean } {
  const previous = ctx.store.get(keyText(key));
  const item = candidate(ctx, body, key, previous);
  if (previous !== undefined) {
    const missing = missingRights(ctx.rights, ctx.row.hooks?.payloadRights?.(previous, item) ?? []);
    if (missing.length > 0) throw new AppError('forbidden', { missingRights: missing, need: 'all' });
    if (sentVersion !== undefined && sentVersion !== previous._v) {
      throw new AppError('version_mismatch', {
        resource: { name: infoNameOf(ctx.row), id: keyText(key), version: previous._v },
        sent: sentVersion,
      });
    }
  }
  assertUnique(ctx, item, previous === undefined ? null : keyText(key));
  ctx.store.put(item);
  ctx.onWrite?.(previous ?? null, item);
  return { item, created: previous === undefined };
}

/** The issue that keeps an item from being deleted: other items still name it. */
function inUseIssues<T extends Versioned>(ctx: RowWriteContext<T>, item: T): Issue[] {
  const issues: Issue[] = [];
  for (const row of ctx.stores.rows) {
    const references = row.references;
    if (references === undefined) continue;
    const users = ctx.stores
      .items(row.segment)
      .filter(
        (other) =>
          other !== item &&
          references(other).some((ref) => ref.segment === ctx.row.segment && matches(item, ref.where)),
      );
    if (users.length > 0) issues.push(issue('body.in_use', ctx.row.key.member, { by: row.name, count: users.length }));
  }
  return issues;
}

/** DELETE /{segment}/{key}: the removed item; 404 when absent, 400 while something names it. */
export function deleteItem<T extends Versioned>(ctx: RowWriteContext<T>, key: string): T {
  const found = ctx.store.get(key);
  if (found === undefined) throw notFound(ctx.row, key);
  const issues = [...(ctx.row.deleteRules?.(found) ?? []), ...inUseIssues(ctx, found)];
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  ctx.store.remove(key);
  ctx.onWrite?.(found, null);
  return found;
}

/** GET /{segment}/{key}: the stored item, or 404. */
export function getItem<T extends Versioned>(row: ResourceRow<T>, store: RowStore<T>, key: string): T {
  const found = store.get(key);
  if (found === undefined) throw notFound(row, key);
  return found;
}

/** 403 unless the caller holds one of the row's read rights (rows without any: everyone may read). */
export function assertMayRead(row: Pick<ResourceRow<Versioned>, 'readRights'>, rights: readonly string[]): void {
  const needed = row.readRights ?? [];
  if (needed.length > 0 && missingRights(rights, needed).length === needed.length) {
    throw new AppError('forbidden', { missingRights: needed, need: needed.length > 1 ? 'any' : 'all' });
  }
}
