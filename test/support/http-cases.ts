import assert from 'node:assert/strict';
import request from 'supertest';
import type { TestApp } from './app.js';

/** One request of a table and what its answer must hold (`expect`: a subset, see `assertSubset`). */
export interface HttpCase {
  name: string;
  /** A fixture user (default `admin`), or null for no credentials. */
  as?: string | null;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  body?: unknown;
  lang?: string;
  status: number;
  expect?: unknown;
  /** Further checks of the parsed body. */
  check?: (body: Record<string, unknown>) => void;
}

/**
 * Asserts that `actual` holds every member of `expected`, recursively: objects are subsets, arrays have the same
 * length and match item by item, scalars are equal.
 */
export function assertSubset(actual: unknown, expected: unknown, at = 'body'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${at}: expected an array`);
    assert.equal(actual.length, expected.length, `${at}: length`);
    expected.forEach((item, i) => assertSubset(actual[i], item, `${at}[${i}]`));
    return;
  }
  if (typeof expected !== 'object' || expected === null) {
    assert.deepEqual(actual, expected, at);
    return;
  }
  assert.ok(typeof actual === 'object' && actual !== null, `${at}: expected an object`);
  for (const [key, value] of Object.entries(expected))
    assertSubset((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
}

/** Sends a case's request and checks its answer. */
export async function runCase(t: TestApp, c: HttpCase): Promise<Record<string, unknown>> {
  let req = request(t.app)[c.method.toLowerCase() as 'get'](c.path);
  if (c.as !== null) req = req.set(t.auth(c.as ?? 'admin'));
  if (c.lang !== undefined) req = req.set('Accept-Language', c.lang);
  const res = c.body === undefined ? await req : await req.send(c.body as object);
  assert.equal(res.status, c.status, `${c.name}: ${JSON.stringify(res.body)}`);
  if (c.expect !== undefined) assertSubset(res.body, c.expect);
  c.check?.(res.body);
  return res.body;
}
