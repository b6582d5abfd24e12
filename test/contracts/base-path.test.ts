import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePathOf, relativePath, relativeToBase } from '../../src/contracts/base-path.js';

// A server behind a prefix names its paths with it; scenarios name them below the base URL.

test('the base path of a base URL', () => {
  for (const [url, path] of [
    ['http://h:3000', ''],
    ['http://h:3000/', ''],
    ['http://h:3000/api/v1', '/api/v1'],
    ['http://h:3000/api/v1/', '/api/v1'],
    ['https://h/a/b//', '/a/b'],
  ] as const)
    assert.equal(basePathOf(url), path, url);
});

test('a path under the base path loses the prefix; anything else stays as it is', () => {
  for (const [text, base, relative] of [
    ['/api/v1/customers', '/api/v1', '/customers'],
    ['/api/v1/customers/x?$take=1', '/api/v1', '/customers/x?$take=1'],
    ['/api/v1/api/v2/health', '/api/v1', '/api/v2/health'],
    ['/api/v1', '/api/v1', '/'],
    ['/api/v1?x=1', '/api/v1', '/?x=1'],
    ['/api/v10/customers', '/api/v1', '/api/v10/customers'],
    ['/customers', '/api/v1', '/customers'],
    ['/_mock/requests', '/api/v1', '/_mock/requests'],
    ['http://h/api/v1/customers', '/api/v1', 'http://h/api/v1/customers'],
    ['/api/v1/customers', '', '/api/v1/customers'],
    ['Location 1', '/api/v1', 'Location 1'],
  ] as const)
    assert.equal(relativePath(text, base), relative, `${text} under ${base}`);
});

test('an answer: instance, nested paths and Location read relative; the text as sent', () => {
  const body = {
    instance: '/api/v1/customers/x',
    items: [{ url: '/api/v1/customers?Search=a', status: 200 }],
    title: 'Not found',
  };
  const obs = {
    status: 404,
    headers: { location: '/api/v1/customers/x', 'content-type': 'application/json' },
    text: JSON.stringify(body),
    body,
    durationMs: 1,
  };
  const relative = relativeToBase(obs, '/api/v1');
  assert.deepEqual(relative.body, {
    instance: '/customers/x',
    items: [{ url: '/customers?Search=a', status: 200 }],
    title: 'Not found',
  });
  assert.deepEqual(relative.headers, { location: '/customers/x', 'content-type': 'application/json' });
  assert.equal(relative.text, obs.text);
  assert.equal(relativeToBase(obs, ''), obs, 'at the root nothing changes');
});
