import { issue, type Issue } from '../errors/issue.js';
import type { CustomerQuery, Filters } from './ast.js';
import type { FilterMember } from './members.js';
import { isFilterMember, parameterNamed, type Parameter, type SingleParameter } from './parameters.js';
import { parseFilter } from './parse-filter.js';
import { parseCount, parseFlag } from './parse-scalars.js';
import { parseSort } from './parse-sort.js';

export interface ParseOptions {
  /** `--strict`: unknown and repeated single-valued parameters are issues. */
  strict: boolean;
  /** Outside strict mode, what a repeated `$skip`, `$take`, `$count`, `$sort`, `Search`, `IsExpired` means. */
  repeatedSingleParameter: 'first' | 'error';
}

export type ParseResult = { ok: true; query: CustomerQuery } | { ok: false; issues: Issue[] };

/** The parameters in order of first appearance, each with all its values; unknown names by the client's spelling. */
function group(pairs: ReadonlyArray<readonly [string, string]>) {
  const known = new Map<Parameter, string[]>();
  const unknown = new Map<string, number>();
  const order: ({ known: Parameter } | { unknown: string })[] = [];
  for (const [name, value] of pairs) {
    const parameter = parameterNamed(name);
    if (parameter === undefined) {
      if (!unknown.has(name)) order.push({ unknown: name });
      unknown.set(name, (unknown.get(name) ?? 0) + 1);
      continue;
    }
    const values = known.get(parameter);
    if (values === undefined) {
      known.set(parameter, [value]);
      order.push({ known: parameter });
    } else values.push(value);
  }
  return { known, order };
}

function setFilter<M extends FilterMember>(
  filters: Filters,
  member: M,
  values: readonly string[],
  issues: Issue[],
): Filters {
  const parsed = parseFilter(member, values);
  issues.push(...parsed.issues);
  return { ...filters, [member]: parsed.conditions };
}

/**
 * Turns the raw query parameters of GET /customers (in order, percent-decoded) into a typed query, or
 * every issue found. Names are case-insensitive; a repeated filter parameter adds operations (AND).
 */
export function parseCustomerQuery(
  pairs: ReadonlyArray<readonly [string, string]>,
  options: ParseOptions,
): ParseResult {
  const { known, order } = group(pairs);
  const issues: Issue[] = [];
  const query: CustomerQuery = {
    filters: {},
    isExpired: undefined,
    search: undefined,
    sort: [],
    skip: 0,
    take: undefined,
    count: false,
  };
  const single = (parameter: SingleParameter, values: readonly string[]): string => {
    if (values.length > 1 && (options.strict || options.repeatedSingleParameter === 'error')) {
      issues.push(issue('query.repeated_parameter', parameter, { count: values.length }));
    }
    return values[0] ?? '';
  };
  for (const entry of order) {
    if ('unknown' in entry) {
      if (options.strict) issues.push(issue('query.unknown_parameter', entry.unknown, {}));
      continue;
    }
    const parameter = entry.known;
    const values = known.get(parameter) ?? [];
    if (isFilterMember(parameter)) {
      query.filters = setFilter(query.filters, parameter, values, issues);
      continue;
    }
    const text = single(parameter, values);
    switch (parameter) {
      case 'Search':
        query.search = text === '' ? undefined : text;
        break;
      case '$sort': {
        const parsed = parseSort(text);
        issues.push(...parsed.issues);
        query.sort = parsed.sort;
        break;
      }
      case '$skip':
      case '$take': {
        const parsed = parseCount(parameter, text);
        if (!parsed.ok) issues.push(parsed.issue);
        else if (parameter === '$skip') query.skip = parsed.value;
        else query.take = parsed.value;
        break;
      }
      case 'IsExpired':
      case '$count': {
        const parsed = parseFlag(parameter, text);
        if (!parsed.ok) issues.push(parsed.issue);
        else if (parameter === '$count') query.count = parsed.value;
        else query.isExpired = parsed.value;
        break;
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, query };
}
