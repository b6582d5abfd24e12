import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { rename, rm, writeFile } from 'node:fs/promises';
import { writeDate } from '../dates/read-date.js';
import { issue, type Issue } from '../errors/issue.js';
import type { StoredCustomer } from '../domain/customer.js';
import type { Parsed } from './parse-fault.js';

export const STATE_FORMAT = 'portos-mock-state';

/**
 * A state file, and what `GET /_mock/state` and `GET /_mock/snapshots/{name}` return: the customers as stored
 * (with `_v`, without derived members), so any of them can be a `--state` file or a fixture to load.
 */
export interface StateDocument {
  format: typeof STATE_FORMAT;
  version: 1;
  savedAt: string;
  customers: readonly StoredCustomer[];
}

export function stateDocument(customers: readonly StoredCustomer[], savedAt: number): StateDocument {
  return { format: STATE_FORMAT, version: 1, savedAt: writeDate(savedAt), customers };
}

/**
 * The customer items of a document: a state document (`{format, customers}`), any object with `customers`, or a
 * bare array (a fixture file like `fixtures/customers.small.json`). The items themselves are checked by the
 * caller; `member` is the path to prefix their issues with.
 */
export function customerItems(value: unknown): Parsed<{ items: unknown[]; member: string }> {
  if (Array.isArray(value)) return { ok: true, value: { items: value, member: '' } };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { customers?: unknown }).customers)) {
    return { ok: true, value: { items: (value as { customers: unknown[] }).customers, member: 'customers' } };
  }
  const issues: Issue[] = [issue('control.type', 'customers', { expected: 'array' })];
  return { ok: false, issues };
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
