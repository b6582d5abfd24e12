import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSchema } from '../../src/contracts/check.js';
import type { Observation } from '../../src/contracts/replay.js';
import { loadSpec } from '../../src/spec/load-spec.js';
import { specIndex } from '../../src/spec/spec-index.js';

const documented = specIndex('documented');
const strict = specIndex('strict');

const examples = (loadSpec()['components'] as { examples: Record<string, { value: Record<string, unknown> }> })
  .examples;
const customer = examples['CustomerPerson']?.value ?? {};
const without = (member: string) => Object.fromEntries(Object.entries(customer).filter(([name]) => name !== member));
const TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
const mock404 = {
  type: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  title: 'Zdroj nebol nájdený',
  status: 404,
  instance: '/customers/abc',
  traceId: TRACE,
};

type Verdict = 'ok' | `fails: ${string}`;
// [name, method, path, status, body, documented view, strict view]; `fails: k` names a keyword Ajv reports.
const CASES: [string, string, string, number, unknown, Verdict, Verdict][] = [
  [
    'the documented 404 body',
    'GET',
    '/customers/abc',
    404,
    { title: 'Zdroj nebol nájdený', status: 404 },
    'ok',
    'fails: required',
  ],
  ['the mock 404 body', 'GET', '/customers/abc', 404, mock404, 'ok', 'ok'],
  ['a 404 of an unknown route, as the mock writes it', 'GET', '/nowhere', 404, mock404, 'ok', 'ok'],
  // The docs type `title` as `string?`, and ASP.NET leaves null problem members out: only the mock must send it.
  ['a problem without a title', 'GET', '/customers/abc', 404, { status: 404 }, 'ok', 'fails: required'],
  [
    'a problem whose title is a number',
    'GET',
    '/customers/abc',
    404,
    { title: 4, status: 404 },
    'fails: type',
    'fails: type',
  ],
  [
    'a problem with an unknown member',
    'GET',
    '/customers/abc',
    404,
    { ...mock404, extensions: {} },
    'ok',
    'fails: additionalProperties',
  ],
  [
    'the documented 400 shape, with nulls',
    'POST',
    '/customers',
    400,
    {
      type: null,
      title: 'Request invalid',
      status: 400,
      detail: null,
      instance: null,
      traceId: null,
      errorCode: 3,
      errors: [{ memberName: 'FirstName', message: 'Required', code: null }],
    },
    'ok',
    'fails: type',
  ],
  [
    'the documented 400 shape of a version mismatch',
    'PUT',
    '/customers/customer-id',
    400,
    { title: 'Conflict', status: 400, errorCode: 6, resource: { name: 'customer', id: 'customer-id', version: 3 } },
    'ok',
    'fails: required',
  ],
  [
    'a validation error without its message',
    'POST',
    '/customers',
    400,
    { title: 'Invalid', status: 400, errors: [{ memberName: 'x' }] },
    'fails: required',
    'fails: required',
  ],
  ['the documented customer', 'GET', '/customers/customer-id', 200, customer, 'ok', 'ok'],
  [
    'a customer with an extra unknown member',
    'GET',
    '/customers/customer-id',
    200,
    { ...customer, loyaltyPoints: 10 },
    'ok',
    'fails: additionalProperties',
  ],
  [
    'a customer without a member the mock always sends (note)',
    'GET',
    '/customers/customer-id',
    200,
    without('note'),
    'ok',
    'fails: required',
  ],
  [
    'a customer with a null the mock never sends (isActive)',
    'GET',
    '/customers/customer-id',
    200,
    { ...customer, isActive: null },
    'ok',
    'fails: type',
  ],
  ['a customer without id', 'GET', '/customers/customer-id', 200, without('id'), 'fails: required', 'fails: required'],
  [
    'a page whose count is a string',
    'GET',
    '/customers',
    200,
    { items: [], count: '0', totalCount: 0 },
    'fails: type',
    'fails: type',
  ],
  ['a page of count only', 'GET', '/customers', 200, { items: [customer], count: 1 }, 'ok', 'fails: required'],
];

/** `ok`, or `fails: k` when Ajv reports keyword `k` among its errors (else every keyword it reports). */
function verdict(index: typeof documented, route: [string, string, number], body: unknown, wanted: Verdict): Verdict {
  const [method, path, status] = route;
  const type = status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  const found = index.responseSchema(method, path, status, type);
  assert.equal(found.kind, 'schema');
  if (found.kind !== 'schema' || found.validate(body)) return 'ok';
  const keywords = (found.validate.errors ?? []).map((e): Verdict => `fails: ${e.keyword}`);
  return keywords.find((k) => k === wanted) ?? `fails: ${keywords.join(' + ')}`;
}

for (const [name, method, path, status, body, inDocumented, inStrict] of CASES) {
  test(`${name}: documented view ${inDocumented}, strict view ${inStrict}`, () => {
    assert.equal(verdict(documented, [method, path, status], body, inDocumented), inDocumented);
    assert.equal(verdict(strict, [method, path, status], body, inStrict), inStrict);
  });
}

test('one index (one Ajv instance) per view, shared by everyone who asks', () => {
  assert.equal(specIndex('documented'), documented);
  assert.equal(specIndex(), documented);
  assert.equal(specIndex('strict'), strict);
  assert.notEqual(strict, documented);
  assert.equal(documented.document, loadSpec());
  assert.equal(documented.schema('Customer'), documented.schema('Customer'), 'compiled once');
});

test("the kit's schema check uses the view it is given", () => {
  const obs: Observation = {
    status: 404,
    headers: { 'content-type': 'application/problem+json' },
    text: '',
    body: { title: 'Zdroj nebol nájdený', status: 404 },
    durationMs: 1,
  };
  const exchange = { method: 'GET', path: '/customers/abc', lang: 'sk-SK' };
  assert.deepEqual(checkSchema({ status: 404 }, exchange, obs, documented), []);
  assert.deepEqual(
    checkSchema({ status: 404 }, exchange, obs, strict).map((f) => f.message.split(' (')[0]),
    [
      "must have required property 'type'",
      "must have required property 'instance'",
      "must have required property 'traceId'",
    ],
  );
});
