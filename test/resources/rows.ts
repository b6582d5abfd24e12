import assert from 'node:assert/strict';
import request from 'supertest';
import type { TestApp } from '../support/app.js';

export type Lang = 'sk-SK' | 'en-GB';
export const LANGS: readonly Lang[] = ['sk-SK', 'en-GB'];

/** One entry of a 400's `errors[]` as `[memberName, message, code?]`. */
export type Found = [string, string] | [string, string, string];

/** Request helpers for one row's routes on a test app, as a fixture user (default `manager`). */
export function rowClient(t: TestApp, segment: string) {
  const send = (
    method: 'get' | 'post' | 'put' | 'delete',
    path: string,
    body?: object,
    as = 'manager',
    lang?: Lang,
  ) => {
    let req = request(t.app)[method](`/${segment}${path}`).set(t.auth(as));
    if (lang !== undefined) req = req.set('Accept-Language', lang);
    return body === undefined ? req : req.send(body);
  };
  return {
    list: (query = '', as = 'viewer') => send('get', query === '' ? '' : `?${query}`, undefined, as),
    get: (key: string, as = 'viewer', lang?: Lang) => send('get', `/${encodeURIComponent(key)}`, undefined, as, lang),
    post: (body: object, as = 'manager', lang?: Lang) => send('post', '', body, as, lang),
    put: (key: string, body: object, as = 'manager', lang?: Lang) =>
      send('put', `/${encodeURIComponent(key)}`, body, as, lang),
    del: (key: string, as = 'manager', lang?: Lang) =>
      send('delete', `/${encodeURIComponent(key)}`, undefined, as, lang),
  };
}

/** A 400 (errorCode 3) whose `errors[]` are exactly `expected` (in any order). */
export function assertIssues(res: request.Response, expected: readonly Found[]): void {
  assert.equal(res.status, 400, JSON.stringify(res.body));
  assert.equal(res.body.errorCode, 3);
  const found = (res.body.errors as { memberName: string; message: string; code?: string }[]).map((e) =>
    e.code === undefined ? [e.memberName, e.message] : [e.memberName, e.message, e.code],
  );
  assert.deepEqual(found.map((f) => JSON.stringify(f)).sort(), expected.map((f) => JSON.stringify(f)).sort());
}

/** The 404 of a row: the customers' body with the row's resource name (both languages). */
export async function assertNotFound(send: (lang: Lang) => Promise<request.Response>, name: string, key: string) {
  for (const lang of LANGS) {
    const res = await send(lang);
    assert.equal(res.status, 404);
    assert.equal(res.headers['content-language'], lang);
    assert.equal(res.body.title, lang === 'sk-SK' ? 'Zdroj nebol nájdený' : 'Resource not found');
    assert.equal(
      res.body.detail,
      lang === 'sk-SK' ? `Zdroj ${name} s identifikátorom ${key} neexistuje.` : `There is no ${name} with id ${key}.`,
    );
  }
}

/** The `in use` sentence of a delete refused because `count` items of `by` still name the item. */
export function inUse(lang: Lang, by: string, count: number): string {
  return lang === 'sk-SK'
    ? `Položku stále používa ${count} ${by}; najprv ich zmeňte alebo odstráňte.`
    : `The item is still used by ${count} ${by} item${count === 1 ? '' : 's'}; change or delete ${count === 1 ? 'it' : 'them'} first.`;
}

/** The `unknown reference` sentence. */
export function unknownReference(lang: Lang, resource: string, value: string): string {
  return lang === 'sk-SK' ? `Zdroj ${resource} '${value}' neexistuje.` : `There is no ${resource} '${value}'.`;
}

/** The `unique` sentence (code "2"). */
export function notUnique(lang: Lang, value: string): string {
  return lang === 'sk-SK'
    ? `Hodnotu „${value}“ už používa iný záznam; musí byť jedinečná.`
    : `The value '${value}' is already used by another record; it must be unique.`;
}

export const REQUIRED: Record<Lang, string> = { 'sk-SK': 'Hodnota je povinná.', 'en-GB': 'A value is required.' };
