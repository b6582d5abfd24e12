import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { PathGlob, type StepCounter } from '../../src/control/path-glob.js';

/** The RegExp the globs used to compile to: right answers, exponential time on `*a*a*…b`. Small inputs only. */
function referenceRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) =>
      part
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]'),
    )
    .join('.*');
  return new RegExp(`^${source}/?$`, 'i');
}

test('path globs match like the documented rules', () => {
  const cases: [string, string, boolean][] = [
    ['/customers/*', '/customers/c1', true],
    ['/customers/*', '/customers/c1/', true],
    ['/customers/*', '/customers', false],
    ['/customers/*', '/customers/a/b', false],
    ['/customers/c*', '/Customers/C12', true],
    ['/customers/c?', '/customers/c1', true],
    ['/customers/c?', '/customers/c12', false],
    ['/customers/?', '/customers//', false],
    ['/api/**', '/api/v2/health', true],
    ['/api/**/health', '/api/v2/health', true],
    ['/api/*', '/api/v2/health', false],
    ['/openapi.json', '/openapiXjson', false],
    ['/*a*a*a*a*a*a*a*a*a*a*a*ab', `/${'a'.repeat(34)}`, false],
    ['/*a*a*a*a*a*a*a*a*a*a*a*ab', `/${'a'.repeat(34)}b`, true],
  ];
  for (const [glob, path, matches] of cases)
    assert.equal(new PathGlob(glob).matches(path), matches, `${glob} ~ ${path}`);
});

test('path globs answer what the RegExp answered (property, small inputs)', () => {
  const char = fc.constantFrom('a', 'b', 'A', '/', '.', '*', '?');
  const pathChar = fc.constantFrom('a', 'b', 'B', '/', '.');
  fc.assert(
    fc.property(fc.string({ unit: char, maxLength: 8 }), fc.string({ unit: pathChar, maxLength: 10 }), (glob, path) => {
      const pattern = `/${glob}`;
      const target = `/${path}`;
      assert.equal(
        new PathGlob(pattern).matches(target),
        referenceRegExp(pattern).test(target),
        `${pattern} ~ ${target}`,
      );
    }),
    { numRuns: 500, seed: 7 },
  );
});

test('the steps of a match grow linearly with the path, even for a backtracking-hostile glob', () => {
  const globs = ['/*a*a*a*a*a*a*a*a*a*a*a*ab', '/**a**a**a**a**a**b', '/a?*?*?*?*?*?*c', '/**/x/**/y/**/z'];
  const lengths = [250, 500, 1000, 2000, 4000];
  for (const glob of globs) {
    const bound = glob.length + 1;
    const steps = lengths.map((length) => {
      const counter: StepCounter = { steps: 0 };
      assert.equal(new PathGlob(glob).matches(`/${'a'.repeat(length)}`, counter), false, glob);
      assert.ok(counter.steps <= 2 * (length + 2) * bound, `${glob}: ${counter.steps} steps for ${length}`);
      return counter.steps;
    });
    // Each character added to the path costs at most one step per position in the glob, however long it is.
    for (let i = 1; i < steps.length; i += 1) {
      const added = (lengths[i] ?? 0) - (lengths[i - 1] ?? 0);
      const [before = 0, after = 0] = [steps[i - 1], steps[i]];
      assert.ok(after - before <= added * bound, `${glob}: ${before} → ${after} steps`);
    }
  }
});
