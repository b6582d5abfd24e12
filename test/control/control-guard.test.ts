// A web page must never drive or read the control API: every POST under /_mock must declare JSON (a page cannot
// send that without a CORS preflight), /_mock sends no CORS headers at all, and with a control token nothing under
// /_mock answers without it. A refused call changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { makeTestApp, type TestApp } from '../support/app.js';

const small = JSON.parse(readFileSync('fixtures/customers.small.json', 'utf8')) as StoredCustomer[];
const TOKEN = 'open-sesame';
const EVIL = 'https://evil.example';

/** Everything a control call could change. */
function stateOf({ mock }: TestApp) {
  const { control, store } = mock;
  return {
    storeVersion: store.version,
    customers: store.size,
    clock: control.clock.state(),
    faults: control.faults.size,
    locks: control.locks.size,
    snapshots: control.snapshots.size,
    webhooks: control.webhooks.targets().length,
    changes: control.changes.size,
  };
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  path: string;
  /** `undefined`: no Content-Type header. */
  type?: string;
  body?: string;
  origin?: string;
  /** The token sent; the app has one only when `app` is `token`. */
  token?: string;
  app: 'open' | 'token';
  status: number;
  /** The call may change the state (it is carried out); every other case must leave it as it was. */
  changes?: boolean;
  /** Expected CORS (only PORTOS routes have it). */
  cors?: boolean;
}

const form = 'application/x-www-form-urlencoded';
const CASES: Case[] = [
  // What a page can send without a preflight: refused before anything happens.
  {
    name: 'reset as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/reset',
    type: 'text/plain',
    body: '',
    origin: EVIL,
    status: 415,
  },
  {
    name: 'reset as a form',
    app: 'open',
    method: 'POST',
    path: '/_mock/reset',
    type: form,
    body: '',
    origin: EVIL,
    status: 415,
  },
  {
    name: 'reset as multipart',
    app: 'open',
    method: 'POST',
    path: '/_mock/reset',
    type: 'multipart/form-data; boundary=x',
    body: '',
    status: 415,
  },
  { name: 'reset without a type', app: 'open', method: 'POST', path: '/_mock/reset', status: 415 },
  {
    name: 'freeze as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/clock/freeze',
    type: 'text/plain',
    body: '',
    origin: EVIL,
    status: 415,
  },
  {
    name: 'advance as a form',
    app: 'open',
    method: 'POST',
    path: '/_mock/clock/advance',
    type: form,
    body: 'by=1d',
    status: 415,
  },
  {
    name: 'resume as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/clock/resume',
    type: 'text/plain',
    status: 415,
  },
  {
    name: 'a fault as text/plain JSON',
    app: 'open',
    method: 'POST',
    path: '/_mock/faults',
    type: 'text/plain',
    body: '{"kind":"drop"}',
    origin: EVIL,
    status: 415,
  },
  {
    name: 'a webhook as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/webhooks',
    type: 'text/plain',
    body: '{"url":"http://127.0.0.1:9/x"}',
    status: 415,
  },
  {
    name: 'a merge as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/customers',
    type: 'text/plain',
    body: '[]',
    status: 415,
  },
  {
    name: 'a restore as text/plain',
    app: 'open',
    method: 'POST',
    path: '/_mock/snapshots/kept/restore',
    type: 'text/plain',
    status: 415,
  },
  {
    name: 'a load (PUT) as text/plain',
    app: 'open',
    method: 'PUT',
    path: '/_mock/customers',
    type: 'text/plain',
    body: '[]',
    status: 415,
  },
  {
    name: 'a snapshot of a body (PUT) as a form',
    app: 'open',
    method: 'PUT',
    path: '/_mock/snapshots/s2',
    type: form,
    body: 'a=1',
    status: 415,
  },
  {
    name: 'a POST to the panel as a form',
    app: 'open',
    method: 'POST',
    path: '/_mock/ui',
    type: form,
    body: '',
    status: 415,
  },
  // The preflight gets no CORS: the browser never sends the real request.
  { name: 'preflight of reset', app: 'open', method: 'OPTIONS', path: '/_mock/reset', origin: EVIL, status: 405 },
  { name: 'preflight of the root', app: 'open', method: 'OPTIONS', path: '/_mock', origin: EVIL, status: 405 },
  // Declared JSON (an empty body included) is carried out, still without CORS.
  {
    name: 'reset as JSON, empty',
    app: 'open',
    method: 'POST',
    path: '/_mock/reset',
    type: 'application/json',
    origin: EVIL,
    status: 200,
    changes: true,
  },
  {
    name: 'freeze as JSON with a charset',
    app: 'open',
    method: 'POST',
    path: '/_mock/clock/freeze',
    type: 'application/json; charset=utf-8',
    status: 200,
    changes: true,
  },
  { name: 'reads answer without CORS', app: 'open', method: 'GET', path: '/_mock/counts', origin: EVIL, status: 200 },
  {
    name: 'the notifications answer without CORS',
    app: 'open',
    method: 'GET',
    path: '/_mock/notifications',
    origin: EVIL,
    status: 200,
  },
  {
    name: 'a preflight for the notifications gets no CORS',
    app: 'open',
    method: 'OPTIONS',
    path: '/_mock/notifications',
    origin: EVIL,
    status: 405,
  },
  {
    name: 'lock (PUT, no body) needs no type',
    app: 'open',
    method: 'PUT',
    path: '/_mock/locks/c9',
    status: 204,
    changes: true,
  },
  { name: 'the panel answers without CORS', app: 'open', method: 'GET', path: '/_mock/ui', origin: EVIL, status: 200 },
  // The PORTOS routes keep their CORS.
  {
    name: 'PORTOS GET keeps CORS',
    app: 'open',
    method: 'GET',
    path: '/api/v2/health',
    origin: EVIL,
    status: 200,
    cors: true,
  },
  {
    name: 'PORTOS preflight keeps CORS',
    app: 'open',
    method: 'OPTIONS',
    path: '/customers',
    origin: EVIL,
    status: 204,
    cors: true,
  },
  // With a control token: nothing under /_mock without it.
  { name: 'the root without the token', app: 'token', method: 'GET', path: '/_mock', status: 401 },
  {
    name: 'the root with a wrong token',
    app: 'token',
    method: 'GET',
    path: '/_mock',
    token: 'open-sesame!',
    status: 401,
  },
  {
    name: 'the root with a token of another length',
    app: 'token',
    method: 'GET',
    path: '/_mock',
    token: 'x',
    status: 401,
  },
  { name: 'the root with the token', app: 'token', method: 'GET', path: '/_mock', token: TOKEN, status: 200 },
  { name: 'the request log without the token', app: 'token', method: 'GET', path: '/_mock/requests', status: 401 },
  {
    name: 'the notifications without the token',
    app: 'token',
    method: 'GET',
    path: '/_mock/notifications?since=0',
    origin: EVIL,
    status: 401,
  },
  {
    name: 'the notifications with the token',
    app: 'token',
    method: 'GET',
    path: '/_mock/notifications?since=0',
    token: TOKEN,
    status: 200,
  },
  {
    name: 'clearing the notifications with a wrong token',
    app: 'token',
    method: 'DELETE',
    path: '/_mock/notifications',
    token: 'nope',
    status: 401,
  },
  { name: 'the state without the token', app: 'token', method: 'GET', path: '/_mock/state', origin: EVIL, status: 401 },
  {
    name: "the panel's log rows without the token",
    app: 'token',
    method: 'GET',
    path: '/_mock/ui/requests',
    status: 401,
  },
  {
    name: 'reset as JSON without the token',
    app: 'token',
    method: 'POST',
    path: '/_mock/reset',
    type: 'application/json',
    status: 401,
  },
  {
    name: 'reset as JSON with a wrong token',
    app: 'token',
    method: 'POST',
    path: '/_mock/reset',
    type: 'application/json',
    token: 'nope',
    status: 401,
  },
  {
    name: 'reset as text/plain without the token',
    app: 'token',
    method: 'POST',
    path: '/_mock/reset',
    type: 'text/plain',
    status: 401,
  },
  {
    name: 'reset as text/plain with the token',
    app: 'token',
    method: 'POST',
    path: '/_mock/reset',
    type: 'text/plain',
    token: TOKEN,
    status: 415,
  },
  {
    name: 'reset as JSON with the token',
    app: 'token',
    method: 'POST',
    path: '/_mock/reset',
    type: 'application/json',
    token: TOKEN,
    status: 200,
    changes: true,
  },
  { name: 'unlock all without the token', app: 'token', method: 'DELETE', path: '/_mock/locks', status: 401 },
  {
    name: 'a fault without the token',
    app: 'token',
    method: 'POST',
    path: '/_mock/faults',
    type: 'application/json',
    body: '{"kind":"drop"}',
    status: 401,
  },
  {
    name: 'a preflight without the token',
    app: 'token',
    method: 'OPTIONS',
    path: '/_mock/reset',
    origin: EVIL,
    status: 401,
  },
  { name: 'an unknown control path without the token', app: 'token', method: 'GET', path: '/_mock/nope', status: 401 },
  { name: 'the panel page without the token (no data)', app: 'token', method: 'GET', path: '/_mock/ui', status: 401 },
  { name: 'the panel page with the token', app: 'token', method: 'GET', path: '/_mock/ui', token: TOKEN, status: 200 },
  {
    name: "the panel's script without the token",
    app: 'token',
    method: 'GET',
    path: '/_mock/ui/panel.js',
    status: 200,
  },
  {
    name: 'PORTOS routes need no control token',
    app: 'token',
    method: 'GET',
    path: '/api/v2/health',
    origin: EVIL,
    status: 200,
    cors: true,
  },
];

function appFor(which: Case['app']): TestApp {
  const app = makeTestApp({ customers: small, config: which === 'token' ? { control: { token: TOKEN } } : {} });
  // Something a restore could bring back, so a refused restore would otherwise change the data.
  app.mock.control.snapshots.save('kept', { customers: small.slice(0, 2), resources: {} }, 0);
  return app;
}

for (const c of CASES) {
  test(`${c.app === 'token' ? '[token] ' : ''}${c.method} ${c.path} ${c.name} → ${c.status}`, async () => {
    const app = appFor(c.app);
    const before = stateOf(app);
    let call = request(app.app)[c.method === 'OPTIONS' ? 'options' : (c.method.toLowerCase() as 'get')](c.path);
    if (c.type !== undefined) call = call.set('Content-Type', c.type);
    if (c.origin !== undefined) call = call.set('Origin', c.origin);
    if (c.method === 'OPTIONS') call = call.set('Access-Control-Request-Method', 'POST');
    if (c.token !== undefined) call = call.set('X-Mock-Control-Token', c.token);
    const res = c.body === undefined ? await call : await call.send(c.body);
    assert.equal(res.status, c.status, res.text);
    const cors = Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
    if (c.cors === true) assert.ok(cors.length > 0, 'a PORTOS route keeps its CORS');
    else assert.deepEqual(cors, [], 'no CORS header under /_mock');
    if (c.changes !== true) assert.deepEqual(stateOf(app), before, 'a refused call changes nothing');
    else assert.notDeepEqual(stateOf(app), before, 'the call was carried out');
    if (c.status === 415) {
      assert.equal(res.body.status, 415);
      assert.match(res.body.detail, /application\/json/);
    }
    if (c.status === 401 && c.path !== '/_mock/ui') {
      assert.equal(res.type, 'application/problem+json');
      assert.equal(res.body.errorCode, 1);
      assert.match(res.headers['www-authenticate'] ?? '', /^X-Mock-Control-Token /);
    }
  });
}

test('the 401 and the 415 are localized', async () => {
  const locked = appFor('token');
  const sk = await request(locked.app).get('/_mock').set('Accept-Language', 'sk-SK');
  const en = await request(locked.app).get('/_mock').set('Accept-Language', 'en-GB').set('X-Mock-Control-Token', '?');
  assert.deepEqual(
    [sk.body.title, sk.body.detail, en.body.title, en.body.detail],
    [
      'Používateľ nie je prihlásený',
      'Riadiace API mocku vyžaduje riadiaci token v hlavičke X-Mock-Control-Token.',
      'Not authenticated',
      'The X-Mock-Control-Token header does not carry the control token of this mock.',
    ],
  );
  const open = appFor('open');
  const refused = await request(open.app)
    .post('/_mock/reset')
    .set('Content-Type', 'text/plain')
    .set('Accept-Language', 'en-GB');
  assert.equal(refused.body.detail, 'The content type text/plain is not supported; use application/json.');
  const sk415 = await request(open.app).post('/_mock/reset').set('Content-Type', 'text/plain');
  assert.equal(sk415.headers['content-language'], 'sk-SK');
  assert.notEqual(sk415.body.title, refused.body.title);
});

test('the panel page without the token shows no data at all', async () => {
  const locked = appFor('token');
  const page = await request(locked.app).get('/_mock/ui');
  assert.match(page.text, /data-needs-token/);
  for (const customer of small) assert.ok(!page.text.includes(customer.id), `${customer.id} is not on the page`);
  const full = await request(locked.app).get('/_mock/ui').set('X-Mock-Control-Token', TOKEN);
  assert.ok(full.text.includes(small[0]?.id ?? '?'));
});
