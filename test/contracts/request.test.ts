import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scope } from '../../src/contracts/interpolate.js';
import { buildRequest, withoutRemoved } from '../../src/contracts/request.js';
import type { StepRequest } from '../../src/contracts/scenario.js';

const scope: Scope = { vars: { id: 'c1', v: 2, uid: 'u1' }, now: () => new Date(0), profile: () => undefined };

// [name, request, lang, url, headers (subset), body]
const CASES: [string, StepRequest, string, string, Record<string, string | undefined>, string | undefined][] = [
  [
    'path with a capture',
    { method: 'GET', path: '/customers/${id}' },
    '',
    'http://h/base/customers/c1',
    { accept: 'application/json', 'accept-language': undefined },
    undefined,
  ],
  [
    'query map, repeated parameter, NData punctuation kept',
    { method: 'GET', path: '/customers', query: { DiscountRate: ['gt:10', 'lt:50'], $take: 5, Search: 'a b&c' } },
    'en-GB',
    'http://h/base/customers?DiscountRate=gt:10&DiscountRate=lt:50&$take=5&Search=a%20b%26c',
    { 'accept-language': 'en-GB' },
    undefined,
  ],
  [
    'raw query sent as written',
    { method: 'GET', path: '/customers', query: 'DiscountRate=gt:%00;;&x' },
    '',
    'http://h/base/customers?DiscountRate=gt:%00;;&x',
    {},
    undefined,
  ],
  [
    'query added to a path that has one',
    { method: 'GET', path: '/customers?a=1', query: { b: true } },
    '',
    'http://h/base/customers?a=1&b=true',
    {},
    undefined,
  ],
  [
    'JSON body with typed interpolation',
    { method: 'PUT', path: '/customers/${id}', body: { _v: '${v}', externalId: 'e-${uid}' } },
    '',
    'http://h/base/customers/c1',
    { 'content-type': 'application/json' },
    '{"_v":2,"externalId":"e-u1"}',
  ],
  [
    'null body is a body',
    { method: 'POST', path: '/customers', body: null },
    '',
    'http://h/base/customers',
    { 'content-type': 'application/json' },
    'null',
  ],
  [
    'raw body with its content type',
    { method: 'POST', path: '/customers', rawBody: '{"a": ', contentType: 'text/plain' },
    '',
    'http://h/base/customers',
    { 'content-type': 'text/plain' },
    '{"a": ',
  ],
  [
    'explicit headers override',
    { method: 'GET', path: '/x', headers: { Accept: 'text/html', 'X-Id': '${id}' } },
    '',
    'http://h/base/x',
    { accept: 'text/html', 'x-id': 'c1' },
    undefined,
  ],
];

for (const [name, step, lang, url, headers, body] of CASES) {
  test(`buildRequest: ${name}`, () => {
    const result = buildRequest(step, scope, 'http://h/base/', lang);
    assert.ok(result.ok);
    assert.equal(result.built.request.url, url);
    for (const [k, v] of Object.entries(headers)) assert.equal(result.built.request.headers[k], v, k);
    assert.equal(result.built.request.body?.toString('utf8'), body);
  });
}

test('header null removes it after credentials are added, and marks authorization as handled', () => {
  const result = buildRequest(
    { method: 'POST', path: '/x', body: {}, headers: { 'Content-Type': null, authorization: null } },
    scope,
    'http://h',
    '',
  );
  assert.ok(result.ok);
  assert.deepEqual(result.built.removed, ['content-type', 'authorization']);
  assert.equal(result.built.explicitAuth, true);
  const sent = withoutRemoved(
    { ...result.built.request, headers: { ...result.built.request.headers, authorization: 'Bearer x' } },
    result.built.removed,
  );
  assert.equal(sent.headers['content-type'], undefined);
  assert.equal(sent.headers['authorization'], undefined);
});

test('interpolation problems come back with their path', () => {
  const result = buildRequest(
    { method: 'GET', path: '/customers/${nope}', query: { a: '${also}' } },
    scope,
    'http://h',
    '',
  );
  assert.ok(!result.ok);
  assert.deepEqual(
    result.problems.map((p) => p.path),
    ['request.path', 'request.query.a'],
  );
});
