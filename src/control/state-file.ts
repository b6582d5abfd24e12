import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';
import { writeDate } from '../dates/read-date.js';
import { issue, type Issue } from '../errors/issue.js';
import type { DataSet } from './data-set.js';
import type { Parsed } from './parse-fault.js';

export const STATE_FORMAT = 'portos-mock-state';

/**
 * A state file, and what `GET /_mock/state` and `GET /_mock/snapshots/{name}` return: every resource's items as
 * stored (with `_v`, without derived members) by route segment, customers first, so any of them can be a
 * `--state` file or a fixture to load (src/control/CONTROL-API.md#documents-and-the-state-document).
 * Version 1 held the customers only (`customers: [...]` at the top); it still loads.
 */
export interface StateDocument {
  format: typeof STATE_FORMAT;
  version: 2;
  savedAt: string;
  resources: Readonly<Record<string, readonly object[]>>;
}

export function stateDocument(data: DataSet, savedAt: number): StateDocument {
  return {
    format: STATE_FORMAT,
    version: 2,
    savedAt: writeDate(savedAt),
    resources: { customers: data.customers, ...data.resources },
  };
}

/** The items of one resource in a document, and the path to prefix their issues with. */
export interface DocumentPart {
  segment: string;
  items: unknown[];
  member: string;
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The items of `segment` in a load body: a state document (`resources.{segment}`, or a version 1 document's
 * `customers`), any object with a `{segment}` array, or a bare array (a fixture file like
 * `fixtures/customers.small.json`). The items themselves are checked by the caller.
 */
export function segmentItems(value: unknown, segment: string): Parsed<DocumentPart> {
  if (Array.isArray(value)) return { ok: true, value: { segment, items: value, member: '' } };
  const object = objectOf(value);
  const resources = objectOf(object?.['resources']);
  const [items, member] =
    resources === undefined ? [object?.[segment], segment] : [resources[segment], `resources.${segment}`];
  if (Array.isArray(items)) return { ok: true, value: { segment, items, member } };
  return { ok: false, issues: [issue('control.type', member, { expected: 'array' })] };
}

/** The customer items of a load body (`segmentItems` for customers). */
export function customerItems(value: unknown): Parsed<DocumentPart> {
  return segmentItems(value, 'customers');
}

/**
 * Every resource a whole document names (a state file, a snapshot body): version 2's `resources` members, each a
 * segment of `known`; a version 1 document, an object with `customers` or a bare array: the customers.
 */
export function documentParts(value: unknown, known: readonly string[]): Parsed<DocumentPart[]> {
  const resources = objectOf(objectOf(value)?.['resources']);
  if (resources === undefined) {
    const customers = customerItems(value);
    return customers.ok ? { ok: true, value: [customers.value] } : customers;
  }
  const issues: Issue[] = [];
  const parts: DocumentPart[] = [];
  for (const [segment, items] of Object.entries(resources)) {
    const member = `resources.${segment}`;
    if (!known.includes(segment)) issues.push(issue('control.unknown_member', member, { allowed: known }));
    else if (!Array.isArray(items)) issues.push(issue('control.type', member, { expected: 'array' }));
    else parts.push({ segment, items, member });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parts };
}

/** A `--state` path the mock cannot use: the message is one line naming the file and the reason. */
export class StateFileError extends Error {}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Makes sure the mock can keep `path` current before it starts: creates missing parent folders and writes (then
 * removes) a temporary file beside it, the way every save does. A folder, a parent that is a file or a folder
 * without write permission is a `StateFileError`, so the mock refuses to start instead of losing writes.
 */
export function prepareStateFile(path: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StateFileError(`state file ${path} cannot be used: its folder cannot be created (${firstLine(error)})`);
  }
  if (existsSync(path) && !statSync(path).isFile()) {
    throw new StateFileError(`state file ${path} cannot be used: it is a folder, not a file`);
  }
  const probe = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StateFileError(`state file ${path} cannot be used: it cannot be written (${firstLine(error)})`);
  }
}

/** The parsed JSON of a state file, or `undefined` when it does not exist yet. */
export function readStateFile(path: string): unknown {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StateFileError(`state file ${path} cannot be used: it cannot be read (${firstLine(error)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`state file ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Writes atomically: a temporary file beside it, then a rename, so a reader never sees half a file. */
export async function writeStateFile(path: string, document: StateDocument): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The first write of a new state file, at start: the same atomic write, synchronously, before the mock listens. */
export function writeStateFileSync(path: string, document: StateDocument): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new StateFileError(`state file ${path} cannot be used: it cannot be written (${firstLine(error)})`);
  }
}
