import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { signNws4, type Nws4Credentials } from '../../src/auth/nws4.js';
import { makeTestApp } from '../support/app.js';

// docs/decisions.md#identity-resources: /devices and /apikeys are the stores logins and signed requests read.

const { app, clock, auth } = makeTestApp();
const HOST = 'mock.test';
const admin = () => auth('admin');

function signed(creds: Nws4Credentials, method: string, path: string, body = ''): Record<string, string> {
  const headers: Record<string, string> = {
    host: HOST,
    ...(body === '' ? {} : { 'content-type': 'application/json' }),
  };
  return {
    ...headers,
    ...signNws4({ method, url: `http://${HOST}${path}`, headers, body }, creds, new Date(clock.now())),
  };
}

const login = (deviceName: string) =>
  request(app).post('/api/auth').send({ userName: 'clerk', password: 'clerk', deviceName });

test('login reads its device from /devices: unknown or inactive → 401, the stored device once active', async () => {
  const steps: { name: string; act: () => Promise<unknown>; status: number; device?: object }[] = [
    { name: 'unknown device', act: async () => undefined, status: 401 },
    {
      name: 'created inactive',
      act: () =>
        request(app)
          .post('/devices')
          .set(admin())
          .send({ name: 'T9', envName: 'PDA', isActive: false, description: 'Terminal 9', settings: { A: '1' } })
          .expect(201),
      status: 401,
    },
    {
      name: 'activated',
      act: () =>
        request(app)
          .put('/devices/T9')
          .set(admin())
          .send({ envName: 'PDA', description: 'Terminal 9', settings: { A: '1' } })
          .expect(200),
      status: 200,
      device: { name: 'T9', envName: 'PDA', description: 'Terminal 9', preferences: {}, settings: { A: '1' } },
    },
    {
      name: 'deactivated again',
      act: () => request(app).put('/devices/T9').set(admin()).send({ envName: 'PDA', isActive: false }).expect(200),
      status: 401,
    },
    { name: 'deleted', act: () => request(app).delete('/devices/T9').set(admin()).expect(200), status: 401 },
  ];
  for (const step of steps) {
    await step.act();
    const res = await login('T9');
    assert.equal(res.status, step.status, step.name);
    if (res.status === 401) assert.equal(res.body.errorCode, 1, step.name);
    if (step.device !== undefined) assert.deepEqual(res.body.user.device, step.device, step.name);
  }
});

test('an API key created over POST /apikeys signs requests once active, as its user on its device with its permissions', async () => {
  const creds = { clientId: 'own-client-id', clientSecret: 'own-client-secret' };
  const created = await request(app)
    .post('/apikeys')
    .set(admin())
    .send({ ...creds, name: 'Kiosk', userName: 'clerk', deviceName: 'PDA1', permissions: ['customerDelete'] });
  assert.equal(created.status, 201);
  const key = `/apikeys/${created.body.id}`;
  const put = (body: object) =>
    request(app)
      .put(key)
      .set(admin())
      .send({ name: 'Kiosk', userName: 'clerk', deviceName: 'PDA1', permissions: ['customerDelete'], ...body })
      .expect(200);
  // clerk may create customers but not delete them; the key may only delete: a signed request has the key's rights.
  const customer = JSON.stringify({ lastName: 'Signed' });
  const steps: {
    name: string;
    act: () => Promise<unknown>;
    request: () => request.Test;
    status: number;
    check?: (body: Record<string, unknown>) => void;
  }[] = [
    {
      name: 'inactive by default',
      act: async () => undefined,
      request: () =>
        request(app)
          .get('/api/auth')
          .set(signed(creds, 'GET', '/api/auth')),
      status: 401,
    },
    {
      name: 'activated by a PUT that omits the credentials (they are kept)',
      act: () => put({ isActive: true }),
      request: () =>
        request(app)
          .get('/api/auth')
          .set(signed(creds, 'GET', '/api/auth')),
      status: 200,
      check: (body) => {
        assert.equal(body['userName'], 'clerk');
        assert.equal((body['device'] as { name: string }).name, 'PDA1');
      },
    },
    {
      name: 'a write its permissions allow (past the right check to the 404)',
      act: async () => undefined,
      request: () =>
        request(app)
          .delete('/customers/nobody')
          .set(signed(creds, 'DELETE', '/customers/nobody')),
      status: 404,
    },
    {
      name: 'a write its user may do but its permissions do not allow',
      act: async () => undefined,
      request: () =>
        request(app)
          .post('/customers')
          .set(signed(creds, 'POST', '/customers', customer))
          .send(customer),
      status: 403,
    },
    {
      name: 'its device deactivated',
      act: () => request(app).put('/devices/PDA1').set(admin()).send({ envName: 'PDA', isActive: false }).expect(200),
      request: () =>
        request(app)
          .get('/customers')
          .set(signed(creds, 'GET', '/customers')),
      status: 401,
    },
    {
      name: 'its device active again',
      act: () => request(app).put('/devices/PDA1').set(admin()).send({ envName: 'PDA' }).expect(200),
      request: () =>
        request(app)
          .get('/customers')
          .set(signed(creds, 'GET', '/customers')),
      status: 200,
    },
    {
      name: 'the device a key names cannot be deleted',
      act: async () => undefined,
      request: () => request(app).delete('/devices/PDA1').set(admin()),
      status: 400,
      check: (body) => assert.equal((body['errors'] as { memberName: string }[])[0]?.memberName, 'name'),
    },
    {
      name: 'deactivated',
      act: () => put({ isActive: false }),
      request: () =>
        request(app)
          .get('/customers')
          .set(signed(creds, 'GET', '/customers')),
      status: 401,
    },
    {
      name: 'active again, then deleted',
      act: async () => {
        await put({ isActive: true });
        await request(app).delete(key).set(admin()).expect(200);
      },
      request: () =>
        request(app)
          .get('/customers')
          .set(signed(creds, 'GET', '/customers')),
      status: 401,
    },
  ];
  for (const step of steps) {
    await step.act();
    const res = await step.request();
    assert.equal(res.status, step.status, step.name);
    if (res.status === 401) assert.equal(res.body.errorCode, 1, step.name);
    step.check?.(res.body);
  }
});

test('a key with generated credentials signs with what POST answered', async () => {
  const created = await request(app)
    .post('/apikeys')
    .set(admin())
    .send({ name: 'Generated', userName: 'viewer', deviceName: 'P01', isActive: true });
  assert.equal(created.status, 201);
  assert.match(created.body.clientId, /^.{40}$/);
  assert.match(created.body.clientSecret, /^[0-9a-f]{64}$/);
  const creds = { clientId: created.body.clientId, clientSecret: created.body.clientSecret };
  const res = await request(app)
    .get('/api/auth')
    .set(signed(creds, 'GET', '/api/auth'));
  assert.equal(res.status, 200);
  assert.equal(res.body.userName, 'viewer');
});
