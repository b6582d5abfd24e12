import type { StoredCustomer } from '../../domain/customer.js';
import { customerFromWrite } from '../../domain/customer-write.js';
import { issue, type Issue } from '../../errors/issue.js';
import type { Parsed } from '../../control/parse-fault.js';
import { CustomerStore } from '../../store/customer-store.js';
import { checkCustomer } from '../../resources/engine/check-body.js';
import { normalizeDate } from '../../dates/read-date.js';
import type { AppDeps } from '../deps.js';

type ReaderDeps = Pick<AppDeps, 'spec' | 'schemas' | 'ids'>;

function prefixed(items: Issue[], prefix: string): Issue[] {
  return items.map((item) => ({ ...item, member: item.member === '$' ? prefix : `${prefix}.${item.member}` }));
}

/**
 * Customers from a fixture, snapshot or state file: each item checked like a write body (`CustomerWrite`, member
 * names case-insensitive, derived members ignored), keeping its `id` (generated when absent) and `_v` (default
 * 1); ids, external ids and card serial numbers unique across the set. Every problem is listed, at
 * `<member>[i].<path>`.
 */
export function readCustomers(items: readonly unknown[], member: string, deps: ReaderDeps): Parsed<StoredCustomer[]> {
  const issues: Issue[] = [];
  const unique = new CustomerStore();
  const customers: StoredCustomer[] = [];
  items.forEach((item, i) => {
    const at = `${member}[${i}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      issues.push(issue('control.type', at, { expected: 'object' }));
      return;
    }
    const { value, issues: found } = checkCustomer(item, deps);
    if (found.length > 0) {
      issues.push(...prefixed(found, at));
      return;
    }
    const write = value;
    const customer = customerFromWrite(write, write.id ?? deps.ids.customerId(), write._v ?? 1, normalizeDate);
    const clashes = unique.clashes(customer, null);
    issues.push(...clashes.map((clash) => issue('body.unique', `${at}.${clash.member}`, { value: clash.value })));
    if (clashes.length === 0) unique.put(customer);
    customers.push(customer);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: customers };
}
