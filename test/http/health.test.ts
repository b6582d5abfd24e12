import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { ConfigError } from '../../src/config/load-config.js';
import { createMock } from '../../src/mock.js';
import { makeTestApp } from '../support/app.js';

// The default licence expires 2099-12-31T23:00:00.000Z (license.expirationTime); the clock is the mock's.
interface Case {
  name: string;
  now: string;
  lang?: string;
  status: 'Healthy' | 'Degraded' | 'Unhealthy';
  remaningDays: number;
  description: string;
  contentLanguage: string;
}

const CASES: readonly Case[] = [
  {
    name: 'far from expiry, no Accept-Language (sk-SK)',
    now: '2025-06-01T12:00:00Z',
    status: 'Healthy',
    remaningDays: 27242,
    description: 'Licencia exspiruje za 27242 dní.',
    contentLanguage: 'sk-SK',
  },
  {
    name: '31 days left, en-GB',
    now: '2099-11-30T23:00:00Z',
    lang: 'en-GB',
    status: 'Healthy',
    remaningDays: 31,
    description: 'The licence expires in 31 days.',
    contentLanguage: 'en-GB',
  },
  {
    name: '30 days left, sk',
    now: '2099-12-01T23:00:00Z',
    lang: 'sk',
    status: 'Degraded',
    remaningDays: 30,
    description: 'Licencia exspiruje za 30 dní.',
    contentLanguage: 'sk-SK',
  },
  {
    name: '17 days left, en with q-values',
    now: '2099-12-15T00:00:00Z',
    lang: 'de;q=1, en-US;q=0.8, sk;q=0.5',
    status: 'Degraded',
    remaningDays: 17,
    description: 'The licence expires in 17 days.',
    contentLanguage: 'en-GB',
  },
  {
    name: 'one hour left, sk-SK',
    now: '2099-12-31T22:00:00Z',
    lang: 'sk-SK',
    status: 'Degraded',
    remaningDays: 1,
    description: 'Licencia exspiruje za 1 dní.',
    contentLanguage: 'sk-SK',
  },
  {
    name: 'the instant of expiry, sk-SK',
    now: '2099-12-31T23:00:00Z',
    lang: 'sk-SK',
    status: 'Unhealthy',
    remaningDays: 0,
    description: 'Licencia exspirovala.',
    contentLanguage: 'sk-SK',
  },
  {
    name: 'expired, en-GB',
    now: '2100-03-01T00:00:00Z',
    lang: 'en-GB',
    status: 'Unhealthy',
    remaningDays: 0,
    description: 'The licence has expired.',
    contentLanguage: 'en-GB',
  },
];

for (const c of CASES) {
  test(`GET /api/v2/health: ${c.name} → licence and report ${c.status}`, async () => {
    const { app } = makeTestApp({ now: Date.parse(c.now) });
    const req = request(app).get('/api/v2/health');
    const res = await (c.lang === undefined ? req : req.set('Accept-Language', c.lang));
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-language'], c.contentLanguage);
    assert.equal(res.body.status, c.status);
    assert.deepEqual(Object.keys(res.body.entries), ['license', 'diskstorage', 'fiscalPrinters', 'orderEndpoints']);
    const { license, diskstorage, fiscalPrinters, orderEndpoints } = res.body.entries;
    assert.deepEqual(license.data, { remaningDays: c.remaningDays, expirationDate: '2099-12-31T23:00:00.000Z' });
    assert.equal(license.description, c.description);
    assert.equal(license.status, c.status);
    assert.deepEqual(license.tags, []);
    assert.match(license.duration, /^\d{2}:\d{2}:\d{2}\.\d{7}$/);
    for (const entry of [diskstorage, fiscalPrinters]) {
      assert.deepEqual({ ...entry, duration: '' }, { data: {}, duration: '', status: 'Healthy', tags: [] });
    }
    assert.deepEqual(orderEndpoints.data, { entries: [] });
    assert.equal(orderEndpoints.status, 'Healthy');
  });
}

test('GET /api/v2/health follows the mock clock as it moves', async () => {
  const { app, clock } = makeTestApp({ now: Date.parse('2099-11-01T00:00:00Z') });
  const statusNow = async () => (await request(app).get('/api/v2/health')).body.status as string;
  assert.equal(await statusNow(), 'Healthy');
  clock.set(Date.parse('2099-12-20T00:00:00Z'));
  assert.equal(await statusNow(), 'Degraded');
  clock.set(Date.parse('2100-01-01T00:00:00Z'));
  assert.equal(await statusNow(), 'Unhealthy');
});

const CONFIGURED: readonly { expirationTime: string; expirationDate: string; remaningDays: number }[] = [
  { expirationTime: '2025-06-11T12:00:00Z', expirationDate: '2025-06-11T12:00:00.000Z', remaningDays: 10 },
  { expirationTime: '2025-06-11T14:00:00+02:00', expirationDate: '2025-06-11T12:00:00.000Z', remaningDays: 10 },
  { expirationTime: '2025-06-11T12:00', expirationDate: '2025-06-11T12:00:00.000Z', remaningDays: 10 },
  { expirationTime: '2025-06-01T11:59:59.999Z', expirationDate: '2025-06-01T11:59:59.999Z', remaningDays: 0 },
];

for (const c of CONFIGURED) {
  test(`license.expirationTime ${c.expirationTime}: expirationDate ${c.expirationDate} with milliseconds`, async () => {
    const { app } = makeTestApp({ config: { license: { expirationTime: c.expirationTime } } });
    const res = await request(app).get('/api/v2/health');
    assert.deepEqual(res.body.entries.license.data, {
      remaningDays: c.remaningDays,
      expirationDate: c.expirationDate,
    });
  });
}

test('license.expirationTime that is not a date-time stops the start', () => {
  for (const expirationTime of ['tomorrow', '2099-13-01T00:00:00Z', '2099-02-30T00:00:00Z']) {
    assert.throws(
      () => createMock({ config: { license: { expirationTime } }, customers: [] }),
      (e: unknown) => e instanceof ConfigError && /license[./]expirationTime/.test(e.message),
      expirationTime,
    );
  }
});
