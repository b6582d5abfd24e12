import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';

const cases: { name: string; path: string; status: number; type: RegExp; contains?: string }[] = [
  {
    name: 'the page loads swagger-ui and its own script from the mock',
    path: '/docs',
    status: 200,
    type: /text\/html/,
    contains: '<script src="/docs/assets/swagger-ui-bundle.js">',
  },
  {
    name: 'a trailing slash serves the same page',
    path: '/docs/',
    status: 200,
    type: /text\/html/,
    contains: '"specUrl":"/openapi.json"',
  },
  {
    name: 'the page offers the fixture users',
    path: '/docs',
    status: 200,
    type: /text\/html/,
    contains: 'data-login="manager"',
  },
  {
    name: "the page's script logs in and pre-authorizes swagger-ui",
    path: '/docs/docs.js',
    status: 200,
    type: /javascript/,
    contains: "preauthorizeApiKey('bearerAuth'",
  },
  { name: "the page's style", path: '/docs/docs.css', status: 200, type: /text\/css/, contains: '.docs-login' },
  {
    name: "swagger-ui's bundle from node_modules",
    path: '/docs/assets/swagger-ui-bundle.js',
    status: 200,
    type: /javascript/,
    contains: 'SwaggerUIBundle',
  },
  {
    name: "swagger-ui's stylesheet",
    path: '/docs/assets/swagger-ui.css',
    status: 200,
    type: /text\/css/,
    contains: '.swagger-ui',
  },
  {
    name: "swagger-ui-dist's sample page is not served",
    path: '/docs/assets/index.html',
    status: 404,
    type: /problem\+json/,
  },
  {
    name: 'nor its petstore initializer',
    path: '/docs/assets/swagger-initializer.js',
    status: 404,
    type: /problem\+json/,
  },
  { name: 'an unknown docs path is the usual 404', path: '/docs/nope', status: 404, type: /problem\+json/ },
];

for (const c of cases) {
  test(`docs: ${c.name}`, async () => {
    const { app } = makeTestApp();
    const res = await request(app).get(c.path);
    assert.equal(res.status, c.status);
    assert.match(res.headers['content-type'] ?? '', c.type);
    if (c.contains !== undefined) assert.ok(res.text.includes(c.contains), `${c.path} lacks ${c.contains}`);
  });
}

test('docs: other methods are 405', async () => {
  const { app } = makeTestApp();
  const res = await request(app).post('/docs');
  assert.equal(res.status, 405);
  assert.equal(res.headers['allow'], 'GET');
});

test('docs: the page names no other host (everything is served by the mock)', async () => {
  const { app } = makeTestApp();
  const page = await request(app).get('/docs');
  assert.doesNotMatch(page.text, /(src|href)="(https?:)?\/\//);
  const script = await request(app).get('/docs/docs.js');
  assert.match(script.text, /validatorUrl: null/, 'swagger-ui would otherwise ask validator.swagger.io');
});

test('docs: under a base path the spec and the log-in are found there', async () => {
  const { app } = makeTestApp({ config: { basePath: '/portos' } });
  const res = await request(app).get('/docs');
  assert.ok(res.text.includes('"specUrl":"/portos/openapi.json","loginUrl":"/portos/api/auth"'));
});

test('docs: docs.enabled false leaves /docs an unknown route', async () => {
  const { app } = makeTestApp({ config: { docs: { enabled: false } } });
  assert.equal((await request(app).get('/docs')).status, 404);
  assert.equal((await request(app).get('/docs/assets/swagger-ui.css')).status, 404);
});

test('docs: neither logged as requests nor hit by faults', async () => {
  const { app, mock } = makeTestApp();
  await request(app).post('/_mock/faults').send({ kind: 'status', status: 500 }).expect(201);
  assert.equal((await request(app).get('/docs')).status, 200);
  assert.equal((await request(app).get('/docs/assets/swagger-ui.css')).status, 200);
  assert.equal((await request(app).get('/api/v2/health')).status, 500);
  assert.deepEqual(
    mock.control.requests.items().map((r) => r.url),
    ['/api/v2/health'],
  );
});
