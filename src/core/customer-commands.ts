import type { Credit, StoredCustomer } from '../domain/customer.js';
import { customerFromWrite, type CustomerWrite, type DateNormalizer } from '../domain/customer-write.js';
import { missingRights, type Right } from '../auth/rights.js';
import { AppError } from '../errors/app-error.js';
import { issue } from '../errors/issue.js';
import type { CustomerStore } from '../store/customer-store.js';

/** What a write needs besides the body: the store, the caller's rights and where ids and dates come from. */
export interface WriteContext {
  store: CustomerStore;
  rights: readonly string[];
  newId: () => string;
  normalizeDate: DateNormalizer;
  resourceName: string;
  /** Told after every create, update and delete: the customer before and after (null: absent on that side). */
  onWrite?: (before: StoredCustomer | null, after: StoredCustomer | null) => void;
}

function assertUnique(ctx: WriteContext, candidate: StoredCustomer, selfId: string | null): void {
  const clashes = ctx.store.clashes(candidate, selfId);
  if (clashes.length > 0) {
    throw new AppError('validation_failed', {
      issues: clashes.map((clash) => issue('body.unique', clash.member, { value: clash.value })),
    });
  }
}

function sameCredit(a: Credit, b: Credit): boolean {
  return a.amount === b.amount && a.currencyLabel === b.currencyLabel;
}

/** The rights an update needs beyond create/update, from what it changes (docs/decisions.md#order-of-checks, 6). */
function payloadRights(stored: StoredCustomer, next: StoredCustomer): Right[] {
  const needed: Right[] = [];
  if (stored.discountRate !== next.discountRate) needed.push('customerSetDiscount');
  if (!sameCredit(stored.credit, next.credit)) needed.push('customerSetCredit');
  return needed;
}

/** POST /customers: a new customer, `_v` 1; the body's own id when it brings one. */
export function createCustomer(ctx: WriteContext, body: CustomerWrite): StoredCustomer {
  const candidate = customerFromWrite(body, body.id ?? ctx.newId(), 1, ctx.normalizeDate);
  assertUnique(ctx, candidate, null);
  ctx.store.put(candidate);
  ctx.onWrite?.(null, candidate);
  return candidate;
}

/** PUT /customers/{id}: full replacement of an existing customer, or a creation under the path id. */
export function upsertCustomer(
  ctx: WriteContext,
  id: string,
  body: CustomerWrite,
): { customer: StoredCustomer; created: boolean } {
  const stored = ctx.store.get(id);
  if (stored === undefined) {
    const candidate = customerFromWrite(body, id, 1, ctx.normalizeDate);
    assertUnique(ctx, candidate, null);
    ctx.store.put(candidate);
    ctx.onWrite?.(null, candidate);
    return { customer: candidate, created: true };
  }
  const next = customerFromWrite(body, id, stored._v + 1, ctx.normalizeDate);
  const missing = missingRights(ctx.rights, payloadRights(stored, next));
  if (missing.length > 0) throw new AppError('forbidden', { missingRights: missing, need: 'all' });
  if (body._v !== undefined && body._v !== stored._v) {
    throw new AppError('version_mismatch', {
      resource: { name: ctx.resourceName, id, version: stored._v },
      sent: body._v,
    });
  }
  assertUnique(ctx, next, id);
  ctx.store.put(next);
  ctx.onWrite?.(stored, next);
  return { customer: next, created: false };
}

/** DELETE /customers/{id}: the removed customer, or 404. */
export function deleteCustomer(
  ctx: Pick<WriteContext, 'store' | 'resourceName' | 'onWrite'>,
  id: string,
): StoredCustomer {
  const removed = ctx.store.remove(id);
  if (removed === undefined) throw new AppError('not_found', { resource: ctx.resourceName, id });
  ctx.onWrite?.(removed, null);
  return removed;
}

/** GET /customers/{id}: the stored customer, or 404. */
export function getCustomer(ctx: Pick<WriteContext, 'store' | 'resourceName'>, id: string): StoredCustomer {
  const found = ctx.store.get(id);
  if (found === undefined) throw new AppError('not_found', { resource: ctx.resourceName, id });
  return found;
}
