import { isRecord, parsePath } from './json-path.js';

/** One sort key of a `$sorted` matcher: where the value is and which way it goes. */
export interface SortKey {
  path: (string | number)[];
  descending: boolean;
}

/** A parsed `$sorted` argument; no keys means the elements themselves are compared. */
export interface SortSpec {
  keys: SortKey[];
  descending: boolean;
  nulls?: 'first' | 'last';
}

/** `"asc"`, `"desc"` or `{by, nulls?}` → SortSpec (the argument was checked by the scenario schema). */
export function parseSortSpec(arg: unknown): SortSpec {
  if (!isRecord(arg)) return { keys: [], descending: arg === 'desc' };
  const by = Array.isArray(arg['by']) ? arg['by'] : [arg['by']];
  const keys = by.map((raw): SortKey => {
    const text = String(raw);
    const descending = text.startsWith('-');
    return { path: parsePath(descending ? text.slice(1) : text) ?? [text], descending };
  });
  const nulls = arg['nulls'];
  return { keys, descending: false, ...(nulls === 'first' || nulls === 'last' ? { nulls } : {}) };
}

const TYPE_RANK: Record<string, number> = { boolean: 0, number: 1, string: 2, object: 3 };

/** Ordinal comparison of two non-null scalars: numbers numerically, strings by UTF-16 code unit, false < true. */
function compareScalars(a: unknown, b: unknown): number {
  if (typeof a !== typeof b) return (TYPE_RANK[typeof a] ?? 9) - (TYPE_RANK[typeof b] ?? 9);
  if (typeof a === 'object') return 0;
  const x = a as string | number | boolean;
  const y = b as string | number | boolean;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareKey(a: unknown, b: unknown, descending: boolean, nulls: SortSpec['nulls']): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) {
    if (aNull && bNull) return 0;
    // By default null is the smallest value: first ascending, last descending.
    const nullFirst = nulls === undefined ? !descending : nulls === 'first';
    return aNull === nullFirst ? -1 : 1;
  }
  const order = compareScalars(a, b);
  return descending ? -order : order;
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path)
    current = isRecord(current) || Array.isArray(current) ? (current as Record<string, unknown>)[segment] : undefined;
  return current;
}

/** Negative when `a` may come before `b`, positive when `a` must come after `b`. */
export function compareForSort(a: unknown, b: unknown, spec: SortSpec): number {
  if (spec.keys.length === 0) return compareKey(a, b, spec.descending, spec.nulls);
  for (const key of spec.keys) {
    const order = compareKey(at(a, key.path), at(b, key.path), key.descending, spec.nulls);
    if (order !== 0) return order;
  }
  return 0;
}
