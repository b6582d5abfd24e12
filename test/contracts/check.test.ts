import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkResponse } from '../../src/contracts/check.js';
import { OpenApiIndex } from '../../src/spec/openapi-index.js';
import type { Observation } from '../../src/contracts/replay.js';
import type { Expect } from '../../src/contracts/scenario.js';
import { MINI_SPEC } from './support/mini-spec.js';

const spec = new OpenApiIndex(MINI_SPEC);

function observe(status: number, body: unknown, headers: Record<string, string> = {}): Observation {
  const text = body === undefined ? '' : JSON.stringify(body);
  return { status, headers: { 'content-type': 'application/json', ...headers }, text, body, durationMs: 1 };
}

const page = observe(
  200,
  { count: 2, totalCount: 5, items: [{ id: 'a' }, { id: 'b' }] },
  { 'content-language': 'sk-SK' },
);
const problem = observe(
  404,
  { title: 'Zdroj nebol nájdený', status: 404 },
  { 'content-type': 'application/problem+json' },
);

// [name, expectation, observation, path, [kind, path] of every finding]
const CASES: [string, Expect, Observation, string, string, [string, string][]][] = [
  [
    'all good',
    { status: 200, body: { count: 2, items: { $length: 2 } }, headers: { 'Content-Language': 'sk-SK' } },
    page,
    '/customers',
    '',
    [],
  ],
  ['status list', { status: [200, 201] }, page, '/customers', '', []],
  ['wrong status', { status: 201 }, page, '/customers', '', [['status', 'status']]],
  [
    'header missing',
    { status: 200, headers: { location: { $exists: true } } },
    page,
    '/customers',
    '',
    [['header', 'headers.location']],
  ],
  [
    'header literal',
    { status: 200, headers: { 'content-language': 'en-GB' } },
    page,
    '/customers',
    '',
    [['header', 'headers["content-language"]']],
  ],
  [
    'body subset mismatch',
    { status: 200, body: { count: 3, totalCount: { $min: 1 } } },
    page,
    '/customers',
    '',
    [['body', 'body.count']],
  ],
  ['title exact', { status: 404, title: 'Zdroj nebol nájdený' }, problem, '/customers/x', 'sk-SK', []],
  [
    'title exact wrong',
    { status: 404, title: 'Nenájdené' },
    problem,
    '/customers/x',
    'sk-SK',
    [['title', 'body.title']],
  ],
  [
    'title by language',
    { status: 404, title: { 'en-GB': 'Resource not found' } },
    problem,
    '/customers/x',
    'en-GB',
    [['title', 'body.title']],
  ],
  [
    'title map, other language',
    { status: 404, title: { 'en-GB': 'Resource not found' } },
    problem,
    '/customers/x',
    'sk-SK',
    [],
  ],
  [
    'title localized: non-empty',
    { status: 404, title: 'localized' },
    observe(404, { title: '', status: 404 }, { 'content-type': 'application/problem+json' }),
    '/customers/x',
    'en-GB',
    [['title', 'body.title']],
  ],
  [
    'schema by default',
    { status: 200 },
    observe(200, { count: '2', totalCount: 2 }),
    '/customers',
    '',
    [['schema', 'body.count']],
  ],
  ['schema off', { status: 200, schema: false }, observe(200, { count: '2', totalCount: 2 }), '/customers', '', []],
  [
    'schema of the step',
    { status: 200, schema: { $ref: '#/components/schemas/ProblemDetails' } },
    page,
    '/customers',
    '',
    [
      ['schema', 'body'],
      ['schema', 'body'],
    ],
  ],
  [
    'status not in the spec',
    { status: 500 },
    observe(500, { title: 'x', status: 500 }, { 'content-type': 'application/problem+json' }),
    '/customers',
    '',
    [['schema', 'status']],
  ],
  [
    'body not JSON',
    { status: 200, body: { count: 2 } },
    { status: 200, headers: { 'content-type': 'text/html' }, text: '<html>', body: undefined, durationMs: 1 },
    '/customers',
    '',
    [
      ['body', 'body'],
      ['schema', 'status'],
    ],
  ],
  [
    'no body documented',
    { status: 204 },
    observe(204, undefined, { 'content-type': '' }),
    '/customers/special',
    '',
    [],
  ],
  ['unexpected body', { status: 204 }, observe(204, { a: 1 }), '/customers/special', '', [['schema', 'body']]],
];

for (const [name, expect, obs, path, lang, expected] of CASES) {
  test(`check: ${name}`, () => {
    const found = checkResponse(expect, { method: 'GET', path, lang }, obs, spec);
    assert.deepEqual(
      found.map((f) => [f.kind, f.path]),
      expected,
      JSON.stringify(found, null, 1),
    );
  });
}

test('a status finding carries the problem title and detail for context', () => {
  const [finding] = checkResponse(
    { status: 200 },
    { method: 'GET', path: '/customers/x', lang: '' },
    observe(404, { title: 'Zdroj nebol nájdený', status: 404, detail: 'No such id.' }),
    undefined,
  );
  assert.equal(finding?.message, 'expected status 200, got 404 (Zdroj nebol nájdený: No such id.)');
});

test('without a spec no schema is checked', () => {
  assert.deepEqual(checkResponse({ status: 200 }, { method: 'GET', path: '/nowhere', lang: '' }, page, undefined), []);
});
