import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFaultHeader } from '../../src/control/fault-header.js';
import type { Fault } from '../../src/control/fault-kinds.js';
import { planFaults } from '../../src/control/fault-plan.js';
import { PathGlob } from '../../src/control/path-glob.js';
import { isRouteName, routeOf } from '../../src/control/route-names.js';
import { RESOURCE_NAMES, SEGMENTS } from '../../src/resources/names.js';

const VALID: [string, Fault[]][] = [
  ['latency=300', [{ kind: 'latency', minMs: 300, maxMs: 300 }]],
  ['latency=100-500', [{ kind: 'latency', minMs: 100, maxMs: 500 }]],
  ['status=500', [{ kind: 'status', status: 500 }]],
  ['STATUS=423', [{ kind: 'status', status: 423 }]],
  ['drop', [{ kind: 'drop' }]],
  ['truncate', [{ kind: 'truncate', bytes: null }]],
  ['truncate=0', [{ kind: 'truncate', bytes: 0 }]],
  [
    ' latency=5 , status=401 ',
    [
      { kind: 'latency', minMs: 5, maxMs: 5 },
      { kind: 'status', status: 401 },
    ],
  ],
];

for (const [header, faults] of VALID) {
  test(`fault header "${header}"`, () =>
    assert.deepEqual(parseFaultHeader(header, 'X-Mock-Fault'), { ok: true, value: faults }));
}

const INVALID: [string, string[]][] = [
  ['', ['control.one_of']],
  ['latency', ['control.syntax']],
  ['latency=700000', ['control.range']],
  ['status', ['control.syntax']],
  ['status=418', ['control.one_of']],
  ['truncate=x', ['control.syntax']],
  ['drop,truncate', ['control.conflict']],
  ['boom,latency=x', ['control.one_of', 'control.syntax']],
];

for (const [header, kinds] of INVALID) {
  test(`fault header "${header}" is refused`, () => {
    const parsed = parseFaultHeader(header, 'X-Mock-Fault');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.deepEqual(
        parsed.issues.map((i) => i.kind),
        kinds,
      );
      assert.ok(parsed.issues.every((i) => i.member === 'X-Mock-Fault'));
    }
  });
}

test('routes by name: every resource by segment (list) and name (item), the key decoded', () => {
  const cases: [string, ReturnType<typeof routeOf>][] = [
    ['/customers', { route: 'customers', id: null, segment: 'customers' }],
    ['/Customers/', { route: 'customers', id: null, segment: 'customers' }],
    ['/customers/a%20b', { route: 'customer', id: 'a b', segment: 'customers' }],
    ['/stocks', { route: 'stocks', id: null, segment: 'stocks' }],
    ['/stocks/S%2F01', { route: 'stock', id: 'S/01', segment: 'stocks' }],
    ['/plus/abc', { route: 'plu', id: 'abc', segment: 'plus' }],
    ['/vats/3', { route: 'vat', id: '3', segment: 'vats' }],
    ['/articlecategories/', { route: 'articlecategories', id: null, segment: 'articlecategories' }],
    ['/api/auth/refresh', { route: 'auth', id: null, segment: null }],
    ['/api/v2/health', { route: 'health', id: null, segment: null }],
    ['/openapi.json', { route: 'openapi', id: null, segment: null }],
    ['/customers/a/b', { route: null, id: null, segment: null }],
  ];
  for (const [path, expected] of cases) assert.deepEqual(routeOf(path), expected, path);
  for (const segment of SEGMENTS) {
    assert.ok(isRouteName(segment), `${segment} is a route name`);
    assert.ok(isRouteName(RESOURCE_NAMES[segment]), `${RESOURCE_NAMES[segment]} is a route name`);
  }
});

test('path globs: * within a segment, ** across', () => {
  const cases: [string, string, boolean][] = [
    ['/customers/*', '/customers/c1', true],
    ['/customers/*', '/customers', false],
    ['/customers/c*', '/customers/c12', true],
    ['/api/**', '/api/v2/health', true],
    ['/api/*', '/api/v2/health', false],
    ['/openapi.json', '/openapiXjson', false],
  ];
  for (const [glob, path, matches] of cases)
    assert.equal(new PathGlob(glob).matches(path), matches, `${glob} ~ ${path}`);
});

test('a plan: latencies add up, the first ending fault wins, a range draws once', () => {
  const plan = planFaults(
    [
      { kind: 'latency', minMs: 10, maxMs: 10 },
      { kind: 'status', status: 423 },
      { kind: 'drop' },
      { kind: 'latency', minMs: 0, maxMs: 100 },
    ],
    () => 0.5,
  );
  assert.deepEqual(plan, {
    delayMs: 60,
    terminal: { kind: 'status', status: 423 },
    applied: ['latency=10', 'status=423', 'latency=0-100'],
  });
});
