import type { Right } from '../../auth/rights.js';
import { normalizeDate } from '../../dates/read-date.js';
import type { Credit, StoredCustomer } from '../../domain/customer.js';
import { customerFromWrite, type CustomerWrite } from '../../domain/customer-write.js';
import { issue } from '../../errors/issue.js';
import { parseCustomerQuery, runCustomerQuery } from '../../ndata/index.js';
import { SORT_KEY_NAMES } from '../../ndata/sort-keys.js';
import type { CustomerStore } from '../../store/customer-store.js';
import { idKey } from '../engine/keys.js';
import type { ResourceRow } from '../engine/resource-row.js';

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

export interface CustomerRowOptions {
  store: CustomerStore;
  /** `ResourceInfo.name` of customers (config `customerResourceName`). */
  resourceName: string;
  /** Keep recent answers per store version and query (config `ndata.answerCache`). */
  answerCache: boolean;
  /** The seed's customers (config `seed`, `count`). */
  seed: () => readonly StoredCustomer[];
  /** A customer's JSON as UTF-8 bytes at `now` (derived `fullName` and `status`), from a cache. */
  json: (customer: StoredCustomer, now: number) => Uint8Array;
  /** The same text made afresh (streamed lists). */
  freshJson: (customer: StoredCustomer, now: number) => string;
}

/**
 * Customers, the first row of the engine (docs/portos/customers.md): stored as the domain's `StoredCustomer`,
 * answered with the derived `fullName` and `status` at the clock, listed by their own indexed NData query
 * (documented filters, `Search`, `IsExpired`; `members` stay empty because that query reads
 * src/ndata/members.ts), unique `externalId` and card serial numbers, and the payload rights
 * `customerSetDiscount` and `customerSetCredit` on updates.
 */
export function customerRow(options: CustomerRowOptions): ResourceRow<StoredCustomer> {
  const { store } = options;
  return {
    segment: 'customers',
    name: 'customer',
    infoName: options.resourceName,
    key: idKey(),
    schemas: { model: 'Customer', write: 'CustomerWrite' },
    members: {},
    sortable: SORT_KEY_NAMES,
    build: ({ body, key, version }) => customerFromWrite(body as CustomerWrite, String(key), version, normalizeDate),
    seed: options.seed,
    hooks: {
      query: (pairs, { strict, repeatedSingleParameter, stringOrder, now }) => {
        const parsed = parseCustomerQuery(pairs, { strict, repeatedSingleParameter });
        if (!parsed.ok) return parsed;
        return {
          ok: true,
          answer: runCustomerQuery(parsed.query, store, now, { stringOrder, answerCache: options.answerCache }),
        };
      },
      json: options.json,
      freshJson: options.freshJson,
      uniques: (candidate, selfKey) =>
        store.clashes(candidate, selfKey).map((clash) => issue('body.unique', clash.member, { value: clash.value })),
      payloadRights,
    },
  };
}
