import type { DataPart } from '../../control/data-set.js';
import type { Parsed } from '../../control/parse-fault.js';
import { documentParts, readStateFile, segmentItems, type DocumentPart } from '../../control/state-file.js';
import type { StoredCustomer } from '../../domain/customer.js';
import type { Issue } from '../../errors/issue.js';
import { issueMessage } from '../../i18n/translate.js';
import type { Item, ResourceRow } from '../../resources/engine/resource-row.js';
import type { Segment } from '../../resources/names.js';
import { readCustomers } from './customer-reader.js';
import { readRowItems, type RowReaderDeps } from './row-reader.js';

/** What reading data needs: the spec's validators, id sources, the clock and the engine's rows. */
export type DataReaderDeps = RowReaderDeps & { rows: readonly ResourceRow[] };

/** The segments a document may name, loaders serve and locks take: customers, then every row of the table. */
export function dataSegments(rows: readonly ResourceRow[]): string[] {
  return [...new Set(['customers', ...rows.map((row) => row.segment)])];
}

/** The checked items of the given parts of a document; every problem of every part listed. */
function readParts(parts: readonly DocumentPart[], deps: DataReaderDeps): Parsed<DataPart> {
  const issues: Issue[] = [];
  let customers: StoredCustomer[] | undefined;
  const resources: Partial<Record<Segment, Item[]>> = {};
  for (const part of parts) {
    const row = deps.rows.find((r) => r.segment === part.segment);
    if (row === undefined) {
      const read = readCustomers(part.items, part.member, deps);
      if (read.ok) customers = read.value;
      else issues.push(...read.issues);
      continue;
    }
    const read = readRowItems(row, part.items, part.member, deps);
    if (read.ok) resources[row.segment] = read.value;
    else issues.push(...read.issues);
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...(customers === undefined ? {} : { customers }), resources } };
}

/** Every resource a whole document names (state file, snapshot body), checked. */
export function readDocument(value: unknown, deps: DataReaderDeps): Parsed<DataPart> {
  const parts = documentParts(value, dataSegments(deps.rows));
  return parts.ok ? readParts(parts.value, deps) : parts;
}

/** The items of one resource in a load body (`PUT|POST /_mock/{segment}`), checked. */
export function readSegment(value: unknown, segment: string, deps: DataReaderDeps): Parsed<DataPart> {
  const part = segmentItems(value, segment);
  return part.ok ? readParts([part.value], deps) : part;
}

/**
 * The data of a `--state` file (version 1 or 2), or `undefined` when it does not exist yet; an invalid file
 * stops the start with one line per problem naming where it is.
 */
export function readStateData(path: string, deps: DataReaderDeps): DataPart | undefined {
  const document = readStateFile(path);
  if (document === undefined) return undefined;
  const parsed = readDocument(document, deps);
  if (parsed.ok) return parsed.value;
  const problems = parsed.issues.slice(0, 20).map((item) => `${item.member}: ${issueMessage(item, 'en-GB')}`);
  throw new Error(`state file ${path} is not usable:\n  ${problems.join('\n  ')}`);
}
