import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkResponse } from '../support/spec-responses.js';

// The harness of the mock's own tests (test/support/app.ts) holds every response to the STRICT view.
const PROBLEM = 'application/problem+json';
const full = {
  type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  title: 'Zdroj nebol nájdený',
  status: 404,
  instance: '/customers/abc',
  traceId: 't',
};

// [name, method, path, status, content type, body, the violation it must report (undefined: none)]
const CASES: [string, string, string, number, string, string, RegExp | undefined][] = [
  ['a full 404', 'GET', '/customers/abc', 404, PROBLEM, JSON.stringify(full), undefined],
  ['a HEAD of a documented route', 'HEAD', '/customers/abc', 404, PROBLEM, '', undefined],
  [
    'the documented 404 body, which the mock must not shorten',
    'GET',
    '/customers/abc',
    404,
    PROBLEM,
    '{"title":"Zdroj nebol nájdený","status":404}',
    /must have required property 'type'/,
  ],
  [
    'an extra member',
    'GET',
    '/customers/abc',
    404,
    PROBLEM,
    JSON.stringify({ ...full, extra: 1 }),
    /must NOT have additional properties/,
  ],
  ['an undocumented status', 'GET', '/customers/abc', 418, PROBLEM, '{}', /does not document|documents no 418/],
  ['a body that is not JSON', 'GET', '/customers/abc', 404, PROBLEM, '<html>', /body is not JSON/],
];

for (const [name, method, path, status, type, body, violation] of CASES) {
  test(`the mock's response check: ${name}`, () => {
    const found = checkResponse(method, path, status, type, body);
    if (violation === undefined) assert.deepEqual(found, []);
    else assert.match(found.join('\n'), violation);
  });
}
