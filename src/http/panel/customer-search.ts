import { toCustomer } from '../../domain/derive.js';
import type { Customer } from '../../domain/customer.js';
import { issueMessage } from '../../i18n/translate.js';
import { parseCustomerQuery, runCustomerQuery } from '../../ndata/index.js';
import type { AppDeps } from '../deps.js';

/** Rows per page when the query names no `$take`. */
export const PANEL_PAGE_SIZE = 20;

/** What the panel's customer search found: the query it ran (as `GET /customers` takes it) and the page, or the 400's messages. */
export interface CustomerSearch {
  /** The query string, readable (`:`, `,`, `;` and `$` left as they are). */
  query: string;
  result:
    | { ok: true; items: Customer[]; count: number; totalCount: number; skip: number; countOnly: boolean }
    | { ok: false; problems: { member: string; message: string }[] };
}

/** Percent-encodes a query part but keeps NData's punctuation readable, so the shown query teaches the syntax. */
export function readableQueryPart(text: string): string {
  return encodeURIComponent(text)
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%3B/gi, ';')
    .replace(/%24/g, '$');
}

/** `Search=<search>` (when given), the pairs of `q`, and `$take=20` unless the query pages itself. */
export function searchPairs(search: string, q: string): [string, string][] {
  const pairs: [string, string][] = [
    ...(search.trim() === '' ? [] : [['Search', search.trim()] as [string, string]]),
    ...new URLSearchParams(q.trim()),
  ];
  if (!pairs.some(([name]) => name.toLowerCase() === '$take')) pairs.push(['$take', String(PANEL_PAGE_SIZE)]);
  return pairs;
}

/** Runs the panel's query with the same parser and engine as `GET /customers` (without credentials, log or faults). */
export function searchCustomers(deps: AppDeps, search: string, q: string): CustomerSearch {
  const pairs = searchPairs(search, q);
  const query = pairs.map(([name, value]) => `${readableQueryPart(name)}=${readableQueryPart(value)}`).join('&');
  const parsed = parseCustomerQuery(pairs, {
    strict: deps.config.strict,
    repeatedSingleParameter: deps.config.ndata.repeatedSingleParameter,
  });
  if (!parsed.ok)
    return {
      query,
      result: {
        ok: false,
        problems: parsed.issues.map((i) => ({ member: i.member, message: issueMessage(i, 'en-GB') })),
      },
    };
  const now = deps.clock.now();
  const found = runCustomerQuery(parsed.query, deps.store, now, {
    stringOrder: deps.config.ndata.stringOrder,
    answerCache: deps.config.ndata.answerCache,
  });
  const items = (found.items ?? []).map((c) => toCustomer(c, now));
  return {
    query,
    result: {
      ok: true,
      items,
      count: found.count,
      totalCount: found.totalCount,
      skip: parsed.query.skip,
      countOnly: parsed.query.count,
    },
  };
}
