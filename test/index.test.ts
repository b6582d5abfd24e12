import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import * as portos from '../src/index.js';

test('the package entry exports what the README shows', () => {
  for (const name of [
    'createApp',
    'createMock',
    'startMock',
    'signNws4',
    'verifyNws4',
    'signWebhook',
    'controlledClock',
    'generateCustomers',
  ]) {
    assert.equal(typeof (portos as Record<string, unknown>)[name], 'function', name);
  }
  assert.equal(typeof portos.contracts.runContracts, 'function');
});

test('createApp mounts in supertest without listening (the README example)', async () => {
  const app = portos.createApp({ config: { count: 10, auth: { required: false } } });
  const res = await request(app).get('/customers').expect(200);
  assert.equal(res.body.totalCount, 10);
});

test('a request signed with the exported signer is accepted (the README NWS4 example)', async () => {
  const mock = await portos.startMock({ config: { port: 0, count: 1 } });
  try {
    const url = `${mock.url}/customers?$take=1`;
    const headers = portos.signNws4(
      { method: 'GET', url, headers: {}, body: '' },
      { clientId: 'integrator', clientSecret: 'integrator-secret' },
      new Date(),
    );
    const res = await fetch(url, { headers });
    assert.equal(res.status, 200);
  } finally {
    await mock.close();
  }
});
