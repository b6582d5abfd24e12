import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { makeTestApp, TEST_NOW } from '../support/app.js';

// docs/decisions.md#identity-resources (sessions); docs/portos/resources.md#sessions.

const t = makeTestApp();
const { app } = t;

async function login(userName: string, deviceName: string) {
  const res = await request(app).post('/api/auth').send({ userName, password: userName, deviceName });
  assert.equal(res.status, 200);
  const jti = JSON.parse(Buffer.from(String(res.body.tokenId).split('.')[1] ?? '', 'base64url').toString()).jti;
  return { token: String(res.body.tokenId), refreshToken: String(res.body.refreshToken), id: String(jti) };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ids = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);
const WEEK_MS = 7 * 24 * 3600 * 1000;

test('sessions: one per bearer login; list, filters, get; a refresh replaces it; DELETE revokes both tokens', async () => {
  const manager = await login('manager', 'P01');
  const clerk = await login('clerk', 'PDA1');
  const steps: { name: string; run: () => Promise<void> }[] = [
    {
      name: 'listed by any authenticated user, oldest first',
      run: async () => {
        const res = await request(app).get('/sessions').set(bearer(clerk.token));
        assert.equal(res.status, 200);
        assert.deepEqual(res.body, {
          items: [
            {
              id: manager.id,
              userName: 'manager',
              deviceName: 'P01',
              createdAt: new Date(TEST_NOW).toISOString(),
              expiresAt: new Date(TEST_NOW + WEEK_MS).toISOString(),
            },
            { ...res.body.items[1], id: clerk.id, userName: 'clerk', deviceName: 'PDA1' },
          ],
          count: 2,
          totalCount: 2,
        });
      },
    },
    {
      name: 'filters sessionId and userName',
      run: async () => {
        const byId = await request(app).get(`/sessions?sessionId=${clerk.id}`).set(bearer(clerk.token));
        assert.deepEqual(ids(byId.body), [clerk.id]);
        const byUser = await request(app).get('/sessions?userName=manager').set(bearer(clerk.token));
        assert.deepEqual(ids(byUser.body), [manager.id]);
      },
    },
    {
      name: 'get by id, and 404 for another id',
      run: async () => {
        const one = await request(app).get(`/sessions/${manager.id}`).set(t.auth('viewer'));
        assert.equal(one.status, 200);
        assert.equal(one.body.userName, 'manager');
        assert.equal((await request(app).get('/sessions/nope').set(t.auth('viewer'))).status, 404);
      },
    },
    {
      name: 'untouched by reset, and no change event',
      run: async () => {
        t.mock.reset();
        const res = await request(app).get('/sessions').set(bearer(clerk.token));
        assert.deepEqual(ids(res.body), [manager.id, clerk.id]);
        const changes = await request(app).get('/_mock/changes');
        assert.equal(JSON.stringify(changes.body).includes(manager.id), false);
      },
    },
    {
      name: 'a refresh replaces the session',
      run: async () => {
        const res = await request(app)
          .post('/api/auth/refresh')
          .send({ tokenId: clerk.token, refreshToken: clerk.refreshToken });
        assert.equal(res.status, 200);
        Object.assign(clerk, { token: res.body.tokenId, refreshToken: res.body.refreshToken });
        const list = await request(app).get('/sessions').set(bearer(clerk.token));
        assert.equal(list.body.count, 2);
        assert.equal(ids(list.body).includes(clerk.id), false, 'the old session is gone');
        clerk.id = ids(list.body)[1] ?? '';
      },
    },
    {
      name: "DELETE needs no right: viewer ends manager's session, answered with the session",
      run: async () => {
        const res = await request(app).delete(`/sessions/${manager.id}`).set(t.auth('viewer'));
        assert.equal(res.status, 200);
        assert.equal(res.body.id, manager.id);
        assert.equal(res.body.userName, 'manager');
      },
    },
    {
      name: 'its access token is revoked',
      run: async () => {
        const res = await request(app).get('/customers').set(bearer(manager.token));
        assert.equal(res.status, 401);
        assert.equal(res.body.errorCode, 1);
      },
    },
    {
      name: 'its refresh token too',
      run: async () => {
        const res = await request(app)
          .post('/api/auth/refresh')
          .send({ tokenId: manager.token, refreshToken: manager.refreshToken });
        assert.equal(res.status, 401);
      },
    },
    {
      name: 'gone: GET and DELETE are 404; the other session stays',
      run: async () => {
        assert.equal((await request(app).get(`/sessions/${manager.id}`).set(bearer(clerk.token))).status, 404);
        assert.equal((await request(app).delete(`/sessions/${manager.id}`).set(bearer(clerk.token))).status, 404);
        const list = await request(app).get('/sessions').set(bearer(clerk.token));
        assert.deepEqual(ids(list.body), [clerk.id]);
      },
    },
    {
      name: 'logout ends a session; a token without a login (portos-mock token) has none',
      run: async () => {
        assert.equal((await request(app).delete('/api/auth').set(bearer(clerk.token))).status, 204);
        const list = await request(app).get('/sessions').set(t.auth('viewer'));
        assert.deepEqual(list.body, { items: [], count: 0, totalCount: 0 });
      },
    },
    {
      name: 'no credentials: 401; other methods: 405',
      run: async () => {
        assert.equal((await request(app).get('/sessions')).status, 401);
        assert.equal((await request(app).post('/sessions').set(t.auth('admin')).send({})).status, 405);
        assert.equal((await request(app).put('/sessions/x').set(t.auth('admin')).send({})).status, 405);
      },
    },
  ];
  for (const step of steps) {
    await step.run().catch((error: unknown) => {
      throw new Error(`${step.name}: ${String(error)}`, { cause: error });
    });
  }
});

test('auth.singleSessionPerSaleDevice: a login on a sale device ends its earlier sessions; off by default', async () => {
  const cases = [
    { single: true, device: 'P01', firstStillValid: false },
    { single: true, device: 'PDA1', firstStillValid: false },
    { single: true, device: 'BackOffice', firstStillValid: true },
    { single: false, device: 'P01', firstStillValid: true },
  ];
  for (const { single, device, firstStillValid } of cases) {
    const mock = makeTestApp({ config: { auth: { singleSessionPerSaleDevice: single } } });
    const signIn = async (userName: string) =>
      (await request(mock.app).post('/api/auth').send({ userName, password: userName, deviceName: device })).body;
    const first = await signIn('manager');
    const second = await signIn('clerk');
    const label = `single ${single}, ${device}`;
    const firstAnswer = await request(mock.app).get('/api/auth').set(bearer(first.tokenId));
    assert.equal(firstAnswer.status, firstStillValid ? 200 : 401, label);
    const refreshed = await request(mock.app)
      .post('/api/auth/refresh')
      .send({ tokenId: first.tokenId, refreshToken: first.refreshToken });
    assert.equal(refreshed.status, firstStillValid ? 200 : 401, `${label}: refresh`);
    assert.equal((await request(mock.app).get('/api/auth').set(bearer(second.tokenId))).status, 200, label);
  }
});
