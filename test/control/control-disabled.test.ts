import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { configFromArgs } from '../../src/cli/serve-options.js';
import { makeTestApp } from '../support/app.js';

test('control off: /_mock is a plain 404 route_not_found, the fault header is ignored', async () => {
  const { app, auth, mock } = makeTestApp({ config: { control: { enabled: false } } });
  for (const [method, url] of [
    ['get', '/_mock/counts'],
    ['post', '/_mock/reset'],
    ['put', '/_mock/locks/c1'],
    ['get', '/_mock'],
  ] as const) {
    const res = await request(app)[method](url).set('Accept-Language', 'en-GB');
    assert.equal(res.status, 404, url);
    assert.equal(res.body.title, 'Resource not found');
    assert.equal(res.body.detail, `There is no route ${url}.`);
  }
  const res = await request(app).get('/customers').set(auth()).set('X-Mock-Fault', 'status=500');
  assert.equal(res.status, 200);
  const bad = await request(app).get('/customers').set(auth()).set('X-Mock-Fault', 'nonsense');
  assert.equal(bad.status, 200, 'not even parsed');
  assert.equal(mock.control.requests.size, 0, 'the in-memory request log is part of the control API');
});

test('control on under another prefix and header name', async () => {
  const { app, auth } = makeTestApp({ config: { control: { prefix: '/__qa', faultHeader: 'X-QA-Fault' } } });
  assert.equal((await request(app).get('/__qa/counts')).status, 200);
  assert.equal((await request(app).get('/_mock/counts')).status, 404);
  assert.equal((await request(app).get('/customers').set(auth()).set('X-QA-Fault', 'status=500')).status, 500);
  assert.equal((await request(app).get('/customers').set(auth()).set('X-Mock-Fault', 'status=500')).status, 200);
});

test('the control API is outside the PORTOS base path and needs no credentials', async () => {
  const { app, auth } = makeTestApp({ config: { basePath: '/portos' } });
  assert.equal((await request(app).get('/_mock/counts')).status, 200);
  assert.equal((await request(app).get('/portos/_mock/counts')).status, 404);
  await request(app).put('/_mock/locks/x1').expect(204);
  const locked = await request(app).put('/portos/customers/x1').set(auth()).send({});
  assert.equal(locked.status, 423);
  assert.equal(locked.body.instance, '/portos/customers/x1');
});

const FLAGS: { name: string; args: string[]; env?: Record<string, string>; expected: object }[] = [
  { name: 'defaults', args: [], expected: { enabled: true, stateFile: '', webhooks: [] } },
  { name: '--no-control', args: ['--no-control'], expected: { enabled: false } },
  { name: 'PORTOS_MOCK_CONTROL=0', args: [], env: { PORTOS_MOCK_CONTROL: '0' }, expected: { enabled: false } },
  { name: 'PORTOS_MOCK_CONTROL=1', args: [], env: { PORTOS_MOCK_CONTROL: '1' }, expected: { enabled: true } },
  { name: '--state', args: ['--state', 'day.json'], expected: { stateFile: 'day.json' } },
  {
    name: '--webhook twice, one with a secret',
    args: ['--webhook', 'http://127.0.0.1:4000/a#s3cret', '--webhook', 'http://127.0.0.1:4000/b'],
    expected: { webhooks: [{ url: 'http://127.0.0.1:4000/a', secret: 's3cret' }, { url: 'http://127.0.0.1:4000/b' }] },
  },
];

for (const row of FLAGS) {
  test(`serve flags: ${row.name}`, () => {
    const { config } = configFromArgs(row.args, row.env ?? {});
    const picked = Object.fromEntries(
      Object.keys(row.expected).map((key) => [key, config.control[key as keyof typeof config.control]]),
    );
    assert.deepEqual(picked, row.expected);
  });
}

test('serve logs requests unless --quiet; the library does not', () => {
  assert.equal(configFromArgs([], {}, { logRequests: true }).config.logRequests, true);
  assert.equal(configFromArgs(['--quiet'], {}, { logRequests: true }).config.logRequests, false);
  assert.equal(configFromArgs([], {}).config.logRequests, false);
});
