import type { CustomerQuery } from './ast.js';
import { memberPasses } from './member-pass.js';
import { FILTER_MEMBER_NAMES } from './members.js';
import type { Domain } from './operators.js';
import { keepRows, type RowPass } from './row-pass.js';
import { searchCandidates, searchTest } from './search-index.js';
import type { StoreView } from './store-view.js';
import type { Value } from './value-types.js';

/**
 * `CardSerialNumber=eq:…` (a card scanned at the till) names at most one customer: the store's unique index of
 * serial numbers gives its row, and the filters then run over that row alone (undefined: no such condition, or
 * serial numbers that may be shared).
 */
function serialCandidates(query: CustomerQuery, view: StoreView): number[] | undefined {
  const exact = query.filters.CardSerialNumber?.find((c) => c.op === 'eq');
  const serial = exact?.args[0];
  if (typeof serial !== 'string') return undefined;
  const row = view.rowOfSerial(serial);
  return row === undefined ? undefined : row === null ? [] : [row];
}

/**
 * The rows (indexes into `view.items`, ascending) that satisfy every filter, in the view's scratch buffer
 * (valid until the next query); undefined = all rows.
 * A card's exact serial number, or else Search with an indexed needle, picks the candidates; then member filters,
 * IsExpired and a scanning Search narrow them down, each pass over the rows the previous ones kept.
 */
export function filterRows(
  query: CustomerQuery,
  view: StoreView,
  now: number,
  domain: Domain<Value>,
): Int32Array | undefined {
  const bySerial = serialCandidates(query, view);
  const passes: RowPass[] = [];
  for (const member of FILTER_MEMBER_NAMES) {
    const conditions = query.filters[member];
    if (conditions !== undefined)
      passes.push(...memberPasses(member, conditions, view, domain, bySerial !== undefined));
  }
  if (query.isExpired !== undefined) {
    const { expiration } = view.times();
    const want = query.isExpired;
    // Expired ⇔ expirationTime ≤ now (statusAt); NaN (no expiration) is never ≤.
    passes.push(keepRows((i) => (expiration[i] ?? Number.NaN) <= now === want));
  }
  let candidates: ArrayLike<number> | undefined = bySerial;
  if (query.search !== undefined) {
    const index = view.search();
    // With a card's row already picked, Search only tests it.
    const found = bySerial === undefined ? searchCandidates(index, query.search) : undefined;
    if (found === undefined) passes.push(keepRows(searchTest(index, query.search)));
    else candidates = found;
  }
  if (passes.length === 0 && candidates === undefined) return undefined;
  const source = candidates ?? view.allRows();
  const rows = view.scratch('rows');
  rows.set(source);
  let m = source.length;
  for (const pass of passes) {
    if (m === 0) break;
    m = pass(rows, m);
  }
  return rows.subarray(0, m);
}
