import { missingRights } from '../../auth/rights.js';
import { AppError } from '../../errors/app-error.js';
import { issue, type Issue } from '../../errors/issue.js';
import { RESOURCE_NAMES } from '../names.js';
import { keyText } from './keys.js';
import type { Body, Item, Reference, ResourceRow } from './resource-row.js';
import { itemKey, type ResourceStores } from './resource-stores.js';
import { memberAt } from './row-query.js';

/** What a write needs besides the body: the row, every store, the caller's rights, the clock and id sources. */
export interface RowWriteContext {
  row: ResourceRow;
  stores: ResourceStores;
  rights: readonly string[];
  now: number;
  newId: () => string;
  newHex: (count: number) => string;
  /** Told after every create, update and delete: the item before and after (null: absent on that side). */
  onWrite?: (before: Item | null, after: Item | null) => void;
}

function matches(item: Item, where: Reference['where']): boolean {
  return Object.entries(where).every(([member, value]) => memberAt(item, member) === value);
}

function describe(where: Reference['where']): string {
  const values = Object.values(where).map(String);
  return values.length === 1 ? (values[0] ?? '') : values.join('/');
}

/** The references of `item` that name nothing stored, as issues on the naming members. */
function referenceIssues(ctx: RowWriteContext, item: Item): Issue[] {
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
function candidate(ctx: RowWriteContext, body: Body, key: string | number, previous: Item | undefined): Item {
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

function notFound(ctx: Pick<RowWriteContext, 'row'>, key: string): AppError {
  return new AppError('not_found', { resource: ctx.row.name, id: key });
}

/** POST /{segment}: a new item with `_v` 1 under the body's key (an `id` key is generated when absent). */
export function createItem(ctx: RowWriteContext, body: Body): Item {
  const sent = ctx.row.key.fromBody(body[ctx.row.key.member]);
  const key = sent ?? ctx.newId();
  const item = candidate(ctx, body, key, undefined);
  const store = ctx.stores.store(ctx.row.segment);
  if (store.get(keyText(key)) !== undefined) {
    throw new AppError('validation_failed', {
      issues: [issue('body.unique', ctx.row.key.member, { value: keyText(key) })],
    });
  }
  store.put(item);
  ctx.onWrite?.(null, item);
  return item;
}

/** PUT /{segment}/{key}: full replacement of the stored item, or a creation under the path key. */
export function upsertItem(
  ctx: RowWriteContext,
  key: string | number,
  body: Body,
  sentVersion: number | undefined,
): { item: Item; created: boolean } {
  const store = ctx.stores.store(ctx.row.segment);
  const previous = store.get(keyText(key));
  const item = candidate(ctx, body, key, previous);
  if (previous !== undefined && sentVersion !== undefined && sentVersion !== previous._v) {
    throw new AppError('version_mismatch', {
      resource: { name: ctx.row.name, id: keyText(key), version: previous._v },
      sent: sentVersion,
    });
  }
  store.put(item);
  ctx.onWrite?.(previous ?? null, item);
  return { item, created: previous === undefined };
}

/** The issue that keeps an item from being deleted: other items still name it. */
function inUseIssues(ctx: RowWriteContext, item: Item): Issue[] {
  const issues: Issue[] = [];
  for (const row of ctx.stores.rows) {
    if (row.references === undefined) continue;
    const users = ctx.stores
      .items(row.segment)
      .filter((other) =>
        row.references?.(other).some((ref) => ref.segment === ctx.row.segment && matches(item, ref.where)),
      );
    if (users.length > 0) issues.push(issue('body.in_use', ctx.row.key.member, { by: row.name, count: users.length }));
  }
  return issues;
}

/** DELETE /{segment}/{key}: the removed item; 404 when absent, 400 while something names it. */
export function deleteItem(ctx: RowWriteContext, key: string): Item {
  const store = ctx.stores.store(ctx.row.segment);
  const found = store.get(key);
  if (found === undefined) throw notFound(ctx, key);
  const issues = [...(ctx.row.deleteRules?.(found) ?? []), ...inUseIssues(ctx, found)];
  if (issues.length > 0) throw new AppError('validation_failed', { issues });
  store.remove(itemKey(ctx.row, found));
  ctx.onWrite?.(found, null);
  return found;
}

/** GET /{segment}/{key}: the stored item, or 404. */
export function getItem(ctx: Pick<RowWriteContext, 'row' | 'stores'>, key: string): Item {
  const found = ctx.stores.get(ctx.row.segment, key);
  if (found === undefined) throw notFound(ctx, key);
  return found;
}

/** 403 unless the caller holds one of the row's read rights (rows without any: everyone may read). */
export function assertMayRead(row: ResourceRow, rights: readonly string[]): void {
  const needed = row.readRights ?? [];
  if (needed.length > 0 && missingRights(rights, needed).length === needed.length) {
    throw new AppError('forbidden', { missingRights: needed, need: needed.length > 1 ? 'any' : 'all' });
  }
}
