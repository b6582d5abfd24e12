import { issue, type Issue } from '../../errors/issue.js';
import type { Condition } from '../../ndata/ast.js';
import { fold, valueDomain, type StringOrder } from '../../ndata/domain.js';
import { OPERATORS, type OperatorSpec } from '../../ndata/operators.js';
import { parseMemberFilter } from '../../ndata/parse-filter.js';
import { parseCount, parseFlag } from '../../ndata/parse-scalars.js';
import { parseSortOf } from '../../ndata/parse-sort.js';
import type { Value } from '../../ndata/value-types.js';
import type { Item, ListAnswer, RowMember } from './resource-row.js';

/** What NData needs of a row: its filter members and sortable members (any table: rows, `/users`, `/sessions`). */
export interface MemberTable<T = Item> {
  members: Readonly<Record<string, RowMember<T>>>;
  sortable: readonly string[];
}

/** A parsed list query of one row: filters per member (all must hold), sort keys, paging, `$count`. */
export interface RowQuery {
  filters: readonly { member: string; conditions: readonly Condition<Value>[] }[];
  sort: readonly { key: string; descending: boolean }[];
  skip: number;
  take: number | undefined;
  count: boolean;
}

export interface RowQueryOptions {
  strict: boolean;
  repeatedSingleParameter: 'first' | 'error';
}

const SINGLE = ['$skip', '$take', '$sort', '$count'] as const;
type Single = (typeof SINGLE)[number];

/** Parameters a row ignores silently even in strict mode (docs/decisions.md#catalogue-ndata: `$include`). */
const IGNORED = new Set(['$include']);

/**
 * The query parameters of `GET /{segment}` (in order, percent-decoded) as a typed query, or every issue found:
 * the row's filter members with the NData operators, `$skip`, `$take`, `$sort` (any sortable member), `$count`.
 * Names are case-insensitive; unknown parameters are ignored (listed in strict mode).
 */
export function parseRowQuery<T>(
  row: MemberTable<T>,
  pairs: ReadonlyArray<readonly [string, string]>,
  options: RowQueryOptions,
): { ok: true; query: RowQuery } | { ok: false; issues: Issue[] } {
  const members = new Map(Object.keys(row.members).map((name) => [name.toLowerCase(), name]));
  const singles = new Map<string, Single>(SINGLE.map((name) => [name.toLowerCase(), name]));
  const filterValues = new Map<string, string[]>();
  const singleValues = new Map<Single, string[]>();
  const issues: Issue[] = [];
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    const member = members.get(lower);
    const single = singles.get(lower);
    if (member !== undefined) filterValues.set(member, [...(filterValues.get(member) ?? []), value]);
    else if (single !== undefined) singleValues.set(single, [...(singleValues.get(single) ?? []), value]);
    else if (options.strict && !IGNORED.has(lower)) issues.push(issue('query.unknown_parameter', name, {}));
  }
  const filters = [...filterValues].map(([member, values]) => {
    const spec = row.members[member];
    if (spec === undefined) throw new RangeError(`no member ${member}`);
    const parsed = parseMemberFilter(member, spec, values);
    issues.push(...parsed.issues);
    return { member, conditions: parsed.conditions };
  });
  const query: RowQuery = { filters, sort: [], skip: 0, take: undefined, count: false };
  for (const [parameter, values] of singleValues) {
    if (values.length > 1 && (options.strict || options.repeatedSingleParameter === 'error')) {
      issues.push(issue('query.repeated_parameter', parameter, { count: values.length }));
    }
    const text = values[0] ?? '';
    if (parameter === '$sort') {
      const parsed = parseSortOf(text, sortKeyOf(row), row.sortable);
      issues.push(...parsed.issues);
      query.sort = parsed.sort;
    } else if (parameter === '$count') {
      const parsed = parseFlag('$count', text);
      if (parsed.ok) query.count = parsed.value;
      else issues.push(parsed.issue);
    } else {
      const parsed = parseCount(parameter, text);
      if (!parsed.ok) issues.push(parsed.issue);
      else if (parameter === '$skip') query.skip = parsed.value;
      else query.take = parsed.value;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, query };
}

/** The row's sortable member a client's key names (case-insensitively), else whether it exists but is no scalar. */
function sortKeyOf<T>(row: MemberTable<T>): (name: string) => string | 'not-sortable' | 'unknown' {
  const keys = new Map(row.sortable.map((key) => [key.toLowerCase(), key]));
  return (name) => keys.get(name.toLowerCase()) ?? 'unknown';
}

/** A member's value at a dotted path (`quantity.amount`); undefined members read as null. */
export function memberAt(item: object, path: string): unknown {
  let current: unknown = item;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return null;
    current = (current as Record<string, unknown>)[part];
  }
  return current ?? null;
}

function sortValue(item: object, key: string): string | number | null {
  const value = memberAt(item, key);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/**
 * Answers a row query over the items in insertion order: filter → totalCount → stable sort (ascending: nulls
 * first; descending: nulls last; ties keep insertion order) → page. The catalogue's rows hold hundreds of items,
 * so a plain pass serves them.
 */
export function runRowQuery<T extends object>(
  row: MemberTable<T>,
  query: RowQuery,
  items: readonly T[],
  stringOrder: StringOrder,
): ListAnswer<T> {
  const domain = valueDomain(stringOrder);
  const tests = query.filters.flatMap(({ member, conditions }) => {
    const spec = row.members[member];
    if (spec === undefined) return [];
    return conditions.map((condition) => {
      const operator: OperatorSpec = OPERATORS[condition.op];
      const test = operator.test(condition.args, domain);
      return (item: T) => {
        const value = spec.value(item);
        if (value === null) return operator.onNull;
        return test(operator.folded === true && typeof value === 'string' ? fold(value) : value);
      };
    });
  });
  const matches = items.filter((item) => tests.every((test) => test(item)));
  const totalCount = matches.length;
  if (query.count) {
    const rest = Math.max(0, totalCount - query.skip);
    return { items: undefined, count: query.take === undefined ? rest : Math.min(rest, query.take), totalCount };
  }
  const sorted = query.sort.length === 0 ? matches : sortItems(matches, query.sort, domain.compare);
  const page = sorted.slice(query.skip, query.take === undefined ? undefined : query.skip + query.take);
  return { items: page, count: page.length, totalCount };
}

function sortItems<T extends object>(
  items: readonly T[],
  keys: RowQuery['sort'],
  compare: (a: Value, b: Value) => number,
): readonly T[] {
  const rows = items.map((item, index) => ({ item, index, values: keys.map((k) => sortValue(item, k.key)) }));
  rows.sort((a, b) => {
    for (const [i, key] of keys.entries()) {
      const x = a.values[i] ?? null;
      const y = b.values[i] ?? null;
      const order = x === null ? (y === null ? 0 : -1) : y === null ? 1 : compare(x, y);
      if (order !== 0) return key.descending ? -order : order;
    }
    return a.index - b.index;
  });
  return rows.map((r) => r.item);
}
