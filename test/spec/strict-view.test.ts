import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSpec } from '../../src/spec/load-spec.js';
import { strictView } from '../../src/spec/strict-view.js';

// [name, documented schema, its strict view]
const CASES: [string, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'closes an object schema with properties',
    { type: 'object', properties: { a: { type: 'string' } } },
    { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
  ],
  ['keeps a free-form object (no properties) open', { type: 'object' }, { type: 'object' }],
  [
    'keeps an object that says additionalProperties: true open',
    { type: 'object', additionalProperties: true, properties: { a: {} } },
    { type: 'object', additionalProperties: true, properties: { a: {} } },
  ],
  [
    'closes nested objects, in properties, items and allOf alike',
    {
      allOf: [{ type: 'object', properties: { list: { type: 'array', items: { properties: { b: {} } } } } }],
    },
    {
      allOf: [
        {
          type: 'object',
          properties: { list: { type: 'array', items: { properties: { b: {} }, additionalProperties: false } } },
          additionalProperties: false,
        },
      ],
    },
  ],
  [
    'adds x-strict-required to the documented required (once each)',
    { required: ['title', 'status'], 'x-strict-required': ['type', 'status'], properties: { title: {} } },
    { required: ['title', 'status', 'type'], properties: { title: {} }, additionalProperties: false },
  ],
  [
    'x-strict-required without a documented required',
    { 'x-strict-required': ['count'], properties: { count: {} } },
    { required: ['count'], properties: { count: {} }, additionalProperties: false },
  ],
  [
    'applies x-strict-type to a member (narrows string? to string)',
    { properties: { traceId: { type: ['string', 'null'], 'x-strict-type': 'string' } } },
    { properties: { traceId: { type: 'string' } }, additionalProperties: false },
  ],
  [
    'applies x-strict-enum, -format, -minimum and -maximum',
    {
      type: ['string', 'null'],
      'x-strict-enum': ['Valid'],
      'x-strict-format': 'date-time',
      'x-strict-minimum': 0,
      'x-strict-maximum': 9,
    },
    { type: ['string', 'null'], enum: ['Valid'], format: 'date-time', minimum: 0, maximum: 9 },
  ],
  [
    'reads members named like keywords as members',
    { properties: { type: { 'x-strict-type': 'string' }, properties: { type: 'object' } } },
    { properties: { type: { type: 'string' }, properties: { type: 'object' } }, additionalProperties: false },
  ],
  [
    'leaves examples alone',
    { type: 'object', examples: [{ properties: { a: 1 }, 'x-strict-type': 'x' }] },
    { type: 'object', examples: [{ properties: { a: 1 }, 'x-strict-type': 'x' }] },
  ],
];

for (const [name, documented, strict] of CASES) {
  test(`strict view: ${name}`, () => {
    const before = structuredClone(documented);
    assert.deepEqual(strictView(documented), strict);
    assert.deepEqual(documented, before, 'the documented view is left untouched');
  });
}

test('strict view: an unknown x-strict- annotation is an error, not a silent loosening', () => {
  assert.throws(
    () => strictView({ properties: { a: { 'x-strict-typ': 'string' } } }),
    /#\/properties\/a: unknown annotation x-strict-typ/,
  );
  assert.throws(() => strictView({ 'x-strict-required': 'a' }), /x-strict-required must be a list/);
});

test("strict view of the project spec: it derives, and request bodies are the same in both views (the mock's)", () => {
  const documented = loadSpec();
  const before = JSON.stringify(documented);
  const strict = strictView(documented);
  assert.equal(JSON.stringify(documented), before);
  const schemas = (doc: typeof documented) =>
    (doc['components'] as { schemas: Record<string, unknown> }).schemas as Record<string, Record<string, unknown>>;
  for (const name of ['CustomerWrite', 'CustomerReplace', 'CustomerFields', 'CustomerCardWrite', 'LoginRequest']) {
    assert.deepEqual(schemas(strict)[name], schemas(documented)[name], name);
  }
  assert.equal(schemas(strict)['Customer']?.['additionalProperties'], false);
  assert.equal(schemas(documented)['Customer']?.['additionalProperties'], undefined);
});
