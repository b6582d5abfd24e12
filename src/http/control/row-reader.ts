import type { Parsed } from '../../control/parse-fault.js';
import { issue, type Issue } from '../../errors/issue.js';
import { keyText } from '../../resources/engine/keys.js';
import type { Catalogue, Item, ResourceRow } from '../../resources/engine/resource-row.js';
import { keyIssues } from '../../resources/engine/key-issues.js';
import { checkBody } from '../../resources/engine/check-body.js';
import type { AppDeps } from '../deps.js';

/** What reading items needs: the spec's validators, id sources, the clock, and what defaults may look up. */
export type RowReaderDeps = Pick<AppDeps, 'spec' | 'schemas' | 'ids'> & {
  now: () => number;
  /** The stored items (the seeds at start) for defaults that name others: a PLU price's domestic currency. */
  catalogue: Catalogue;
};

function prefixed(items: Issue[], prefix: string): Issue[] {
  return items.map((item) => ({ ...item, member: item.member === '$' ? prefix : `${prefix}.${item.member}` }));
}

/**
 * Items of one engine row from a fixture, snapshot or state file: each checked like a write body of the row
 * (its `{Model}Write` schema, member names case-insensitive, the key in the row's domain and required unless it
 * is a generated `id`), then made by the row's `build` with `_v` as given (default 1). Members the item carries
 * that the built item has too (read-only ones such as creation times included) keep their stored values, so a
 * state document loads back as it was saved. Keys are unique across the set. Every problem is listed, at
 * `<member>[i].<path>`. Rules and references between items are not checked here.
 */
export function readRowItems(
  row: ResourceRow,
  items: readonly unknown[],
  member: string,
  deps: RowReaderDeps,
): Parsed<Item[]> {
  const issues: Issue[] = [];
  const byKey = new Set<string>();
  const read: Item[] = [];
  const keyMember = row.key.member;
  items.forEach((raw, i) => {
    const at = `${member}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push(issue('control.type', at, { expected: 'object' }));
      return;
    }
    const { value, issues: found } = checkBody(raw, row.schemas.write, deps);
    const sent = value[keyMember];
    if (sent === undefined || sent === null) {
      if (row.key.kind !== 'id') found.push(issue('body.required', keyMember, {}));
    } else if (!found.some((f) => f.member === keyMember)) found.push(...keyIssues(row.key, sent));
    if (found.length > 0) {
      issues.push(...prefixed(found, at));
      return;
    }
    const key = row.key.fromBody(sent) ?? deps.ids.customerId();
    const version = typeof value['_v'] === 'number' ? value['_v'] : 1;
    const built = row.build({
      body: value,
      key,
      version,
      previous: undefined,
      now: deps.now(),
      newId: deps.ids.customerId,
      newHex: deps.ids.hex,
      catalogue: deps.catalogue,
    });
    const kept = Object.fromEntries(
      Object.keys(built).map((name) => [name, name !== '_v' && name in value ? value[name] : built[name]]),
    );
    const item = { ...kept, _v: version } as Item;
    if (byKey.has(keyText(key))) issues.push(issue('body.unique', `${at}.${keyMember}`, { value: keyText(key) }));
    byKey.add(keyText(key));
    read.push(item);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: read };
}
