import { issue, type Issue } from '../errors/issue.js';
import type { SortKey } from './ast.js';
import { excerpt } from './query-issues.js';
import { SORT_KEY_NAMES, sortKeyNamed } from './sort-keys.js';

/**
 * `$sort`: comma-separated keys, each `key`, `key:asc`, `key:desc` or `-key` (`-key:desc` too); keys and
 * directions in any case, dotted paths for nested members; a repeated key counts once (the first wins).
 */
export function parseSort(value: string): { sort: SortKey[]; issues: Issue[] } {
  return parseSortOf(value, sortKeyNamed, SORT_KEY_NAMES);
}

/** `parseSort` over any key table: `named` finds a client's key (case-insensitively), `allowed` lists them. */
export function parseSortOf<K extends string>(
  value: string,
  named: (name: string) => K | 'not-sortable' | 'unknown',
  allowed: readonly string[],
): { sort: { key: K; descending: boolean }[]; issues: Issue[] } {
  const sort: { key: K; descending: boolean }[] = [];
  const issues: Issue[] = [];
  const seen = new Set<K>();
  value.split(',').forEach((item, index) => {
    const position = index + 1;
    const colon = item.indexOf(':');
    const minus = item.startsWith('-');
    const name = item.slice(minus ? 1 : 0, colon < 0 ? undefined : colon);
    const direction = colon < 0 ? undefined : item.slice(colon + 1);
    const lower = direction?.toLowerCase();
    if (name === '') {
      issues.push(issue('query.sort_empty_key', '$sort', { position }));
      return;
    }
    const key = named(name);
    if (key === 'unknown') {
      issues.push(issue('query.sort_unknown_key', '$sort', { position, key: excerpt(name), allowed }));
      return;
    }
    if (key === 'not-sortable') {
      issues.push(issue('query.sort_not_sortable', '$sort', { position, key: excerpt(name) }));
      return;
    }
    if (lower !== undefined && lower !== 'asc' && lower !== 'desc') {
      issues.push(
        issue('query.sort_bad_direction', '$sort', {
          position,
          key: excerpt(name),
          direction: excerpt(direction ?? ''),
        }),
      );
      return;
    }
    const descending = lower === undefined ? minus : lower === 'desc';
    if (minus && !descending) {
      issues.push(issue('query.sort_conflicting_direction', '$sort', { position, key: excerpt(name) }));
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    sort.push({ key, descending });
  });
  return { sort, issues };
}
