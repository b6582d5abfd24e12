import assert from 'node:assert/strict';
import { test } from 'node:test';
import { captureValues } from '../../src/contracts/capture.js';
import { interpolateDeep, interpolateString, references, type Scope } from '../../src/contracts/interpolate.js';
import type { Observation } from '../../src/contracts/replay.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const scope: Scope = {
  vars: {
    run: 'r1',
    uid: 'r1x0',
    lang: 'en-GB',
    as: 'manager',
    id: 'abc',
    v: 3,
    user: { name: 'Ann', rights: ['admin'] },
    empty: '',
  },
  now: () => NOW,
  profile: (name, field) => (name === 'manager' && field === 'password' ? 's3cret' : undefined),
};

const OK: [string, unknown][] = [
  ['/customers/${id}', '/customers/abc'],
  ['${v}', 3],
  ['${v+1}', 4],
  ['${ v - 1 }', 2],
  ['v${v}', 'v3'],
  ['${user.name}', 'Ann'],
  ['${user.rights[0]}', 'admin'],
  ['${user}', { name: 'Ann', rights: ['admin'] }],
  ['x ${user.rights} y', 'x ["admin"] y'],
  ['ext-${uid}', 'ext-r1x0'],
  ['${lang}/${as}', 'en-GB/manager'],
  ['${now}', '2025-06-01T12:00:00.000Z'],
  ['${now+1d}', '2025-06-02T12:00:00.000Z'],
  ['${now-30m}', '2025-06-01T11:30:00.000Z'],
  ['${now-1y}', '2024-06-01T12:00:00.000Z'],
  ['${now+90}', '2025-06-01T12:01:30.000Z'],
  ['${profile.manager.password}', 's3cret'],
  ['$${id} stays', '${id} stays'],
  ['${empty}', ''],
  ['no placeholders', 'no placeholders'],
];

for (const [text, expected] of OK) {
  test(`interpolate ${JSON.stringify(text)}`, () => {
    assert.deepEqual(interpolateString(text, scope), { ok: true, value: expected });
  });
}

const ERRORS: [string, RegExp][] = [
  ['${missing}', /\$\{missing\} is not set/],
  ['${user.age}', /no value at that path/],
  ['${id+1}', /arithmetic needs a number/],
  ['${profile.viewer.password}', /no such profile field/],
  ['${1x}', /not a valid expression/],
];

for (const [text, message] of ERRORS) {
  test(`interpolation error ${JSON.stringify(text)}`, () => {
    const result = interpolateString(text, scope);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.error, message);
  });
}

test('interpolateDeep keeps types, leaves member names alone and lists every error with its path', () => {
  const { value, errors } = interpolateDeep(
    { path: '/c/${id}', body: { _v: '${v}', '${id}': ['${nope}', 1, null] } },
    scope,
    'request',
  );
  assert.deepEqual(value, { path: '/c/abc', body: { _v: 3, '${id}': ['${nope}', 1, null] } });
  assert.deepEqual(errors, [
    { path: 'request.body["${id}"][0]', error: '${nope} is not set (nothing captured it yet)' },
  ]);
});

test('references name the roots a text uses', () => {
  assert.deepEqual(
    references('/x/${id}/${profile.a.b}/$${not}/${ bad bad }').map((r) => [r.root, r.valid]),
    [
      ['id', true],
      ['profile', true],
      ['', false],
    ],
  );
});

const obs: Observation = {
  status: 201,
  headers: { location: '/customers/abc-1', 'content-type': 'application/json' },
  text: '',
  body: { id: 'abc-1', _v: 1, items: [{ id: 'i0' }], user: { userName: 'clerk' } },
  durationMs: 1,
};

test('captures read body paths, headers, status and regex groups', () => {
  const { values, findings } = captureValues(
    {
      id: 'body.id',
      v: 'body._v',
      first: 'body.items[0].id',
      user: 'body.user',
      where: 'headers.Location',
      status: 'status',
      tail: { from: 'headers.location', regex: '/customers/(.+)$' },
    },
    obs,
  );
  assert.deepEqual(findings, []);
  assert.deepEqual(values, {
    id: 'abc-1',
    v: 1,
    first: 'i0',
    user: { userName: 'clerk' },
    where: '/customers/abc-1',
    status: 201,
    tail: 'abc-1',
  });
});

test('a capture that finds nothing is a finding', () => {
  const { values, findings } = captureValues(
    { token: 'body.tokenId', id: { from: 'headers.location', regex: '^/nope/(.+)' } },
    obs,
  );
  assert.deepEqual(values, {});
  assert.deepEqual(
    findings.map((f) => [f.kind, f.path]),
    [
      ['capture', 'body.tokenId'],
      ['capture', 'headers.location'],
    ],
  );
});
