import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp } from '../support/app.js';

test('CORS: any origin by default, preflight answered, headers exposed', async () => {
  const { app, auth } = makeTestApp();
  const preflight = await request(app)
    .options('/customers')
    .set('Origin', 'http://localhost:5173')
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'authorization, content-type');
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers['access-control-allow-origin'], '*');
  assert.match(preflight.headers['access-control-allow-methods'] ?? '', /POST/);
  assert.equal(preflight.headers['access-control-allow-headers'], 'authorization, content-type');
  const res = await request(app).get('/customers/none').set(auth()).set('Origin', 'http://localhost:5173');
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.match(res.headers['access-control-expose-headers'] ?? '', /Location.*Content-Language.*WWW-Authenticate/);
});

test('CORS: a list of origins echoes only those; disabled sends nothing', async () => {
  const listed = makeTestApp({ config: { cors: { origins: ['https://pos.example'] } } });
  const ok = await request(listed.app).get('/api/v2/health').set('Origin', 'https://pos.example');
  assert.equal(ok.headers['access-control-allow-origin'], 'https://pos.example');
  assert.match(ok.headers['vary'] ?? '', /Origin/);
  const other = await request(listed.app).get('/api/v2/health').set('Origin', 'https://evil.example');
  assert.equal(other.headers['access-control-allow-origin'], undefined);
  const off = makeTestApp({ config: { cors: { enabled: false } } });
  const none = await request(off.app).get('/api/v2/health').set('Origin', 'https://pos.example');
  assert.equal(none.headers['access-control-allow-origin'], undefined);
});

test('base path: every PORTOS route moves under it; the bare paths are 404', async () => {
  const { app, auth } = makeTestApp({ config: { basePath: '/portos' } });
  const created = await request(app).post('/portos/customers').set(auth()).send({ firstName: 'B' });
  assert.equal(created.status, 201);
  assert.equal(created.headers['location'], `/portos/customers/${created.body.id}`);
  assert.equal((await request(app).get('/portos/api/v2/health')).status, 200);
  assert.equal((await request(app).get('/portos/openapi.json')).status, 200);
  const bare = await request(app).get('/customers').set(auth());
  assert.equal(bare.status, 404);
});

test('health: 200 HealthReport without credentials; openapi.json is the spec', async () => {
  const { app } = makeTestApp();
  const health = await request(app).get('/api/v2/health');
  assert.equal(health.status, 200);
  assert.equal(health.body.status, 'Healthy');
  assert.match(health.body.totalDuration, /^\d{2}:\d{2}:\d{2}\.\d{7}$/);
  assert.deepEqual(Object.keys(health.body.entries), ['license', 'diskstorage', 'fiscalPrinters', 'orderEndpoints']);
  const spec = await request(app).get('/openapi.json');
  assert.equal(spec.status, 200);
  assert.equal(spec.body.openapi, '3.1.0');
  assert.ok(spec.body.paths['/customers']);
});

test('route paths are case-insensitive, as in ASP.NET', async () => {
  const { app, auth } = makeTestApp();
  assert.equal((await request(app).get('/Customers').set(auth())).status, 200);
});
