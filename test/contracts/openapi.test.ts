import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OpenApiIndex } from '../../src/spec/openapi-index.js';
import { MINI_SPEC } from './support/mini-spec.js';

const spec = new OpenApiIndex(MINI_SPEC);

const TEMPLATES: [string, string | undefined][] = [
  ['/customers', '/customers'],
  ['/customers/abc', '/customers/{id}'],
  ['/customers/special', '/customers/special'],
  ['/Customers/ABC', '/customers/{id}'],
  ['/customers/a/b', undefined],
  ['/customers?x=1', '/customers'],
];

for (const [path, template] of TEMPLATES) {
  test(`template of ${path}`, () => assert.equal(spec.templateOf(path), template));
}

const LOOKUPS: [string, string, number, string | undefined, string][] = [
  ['GET', '/customers', 200, 'application/json; charset=utf-8', 'schema'],
  ['GET', '/customers', 401, 'application/problem+json', 'schema'],
  ['GET', '/customers', 500, 'application/problem+json', 'undocumented'],
  ['GET', '/customers', 200, 'text/html', 'undocumented'],
  ['GET', '/customers/special', 204, undefined, 'no-body'],
  ['GET', '/nowhere', 404, 'application/problem+json', 'schema'],
  ['GET', '/nowhere', 400, 'application/problem+json', 'undocumented'],
  ['PATCH', '/customers', 405, 'application/problem+json', 'schema'],
  ['PATCH', '/customers', 200, 'application/json', 'undocumented'],
  ['HEAD', '/customers', 200, 'application/json', 'schema'],
];

for (const [method, path, status, type, kind] of LOOKUPS) {
  test(`response schema of ${method} ${path} ${status} ${type ?? ''}`, () =>
    assert.equal(spec.responseSchema(method, path, status, type).kind, kind));
}

test('schemas validate through $refs into components', () => {
  const found = spec.responseSchema('GET', '/customers', 200, 'application/json');
  assert.ok(found.kind === 'schema');
  assert.equal(found.validate({ count: 1, totalCount: 2 }), true);
  assert.equal(found.validate({ count: '1', totalCount: 2 }), false);
});

test('inline schemas may refer to the spec', () => {
  const validate = spec.inline({ type: 'object', properties: { page: { $ref: '#/components/schemas/Page' } } });
  assert.equal(validate({ page: { count: 1, totalCount: 1 } }), true);
  assert.equal(validate({ page: { count: 1 } }), false);
});

test('the project spec loads and knows the customers routes', () => {
  const real = OpenApiIndex.load('spec/openapi.yaml');
  assert.equal(real.templateOf('/customers/x'), '/customers/{id}');
  assert.equal(real.responseSchema('GET', '/customers/x', 404, 'application/problem+json').kind, 'schema');
});
