// `portos.licence.activated` with Microsoft's official client (@microsoft/signalr): sent after each successful
// `POST /license/activate` to the connections subscribed to it, with the licence as `GET /license` shows it
// (docs/decisions.md#licence, docs/decisions.md#real-time-notifications).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RunningMock } from '../../src/mock.js';
import { barrier, client, HUB_NOW, hubUrl, RESOURCES, startHubMock } from './support.js';

const T = { timeout: 20_000 };
const LICENCE = 'portos.licence.activated';

async function post(mock: RunningMock, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

interface Case {
  name: string;
  /** Who activates: a fixture identity's Bearer token, or no credentials. */
  identity: string | null;
  /** The expected `s.u`, or null for `s: null`. */
  user: { userName: string; deviceName: string | null } | null;
}

const CASES: readonly Case[] = [
  { name: 'without credentials: s is null', identity: null, user: null },
  { name: 'as admin: s names the writer', identity: 'admin', user: { userName: 'admin', deviceName: 'P01' } },
  { name: 'as manager', identity: 'manager', user: { userName: 'manager', deviceName: 'P01' } },
];

describe('the licence event with the official client', () => {
  let mock: RunningMock;
  let token: string;
  before(async () => {
    mock = await startHubMock();
    token = mock.auth.issueToken('manager');
  });
  after(async () => mock.close());

  for (const c of CASES) {
    test(`POST /license/activate ${c.name}; only the licence subscriber hears it`, T, async () => {
      const licensed = client(hubUrl(mock), token);
      const resources = client(hubUrl(mock), token);
      await Promise.all([licensed.connection.start(), resources.connection.start()]);
      await licensed.connection.invoke('Subscribe', LICENCE, { resources: [{ name: 'ignored' }] });
      await resources.connection.invoke('Subscribe', RESOURCES);

      const shown = await fetch(`${mock.url}/license`).then((res) => res.json());
      const headers = c.identity === null ? {} : { Authorization: `Bearer ${mock.auth.issueToken(c.identity)}` };
      const activated = await post(mock, '/license/activate', '{"code":"abc"}', headers);
      assert.equal(activated.status, 200);
      assert.deepEqual(activated.body, shown);

      const [event] = await licensed.received(1);
      assert.ok(event !== undefined);
      assert.match(event.r, /^[0-9a-f]{24}$/);
      assert.deepEqual(
        { ...event, r: '', s: event.s === null ? null : { ...event.s, c: typeof event.s.c } },
        {
          e: LICENCE,
          s: c.user === null ? null : { c: 'string', u: c.user },
          r: '',
          ca: new Date(HUB_NOW).toISOString(),
          ea: null,
          p: shown,
        },
      );
      // A round trip on each connection: whatever the activation queued has arrived.
      await Promise.all([barrier(licensed.connection), barrier(resources.connection)]);
      assert.equal(licensed.events.length, 1, 'exactly one notification');
      assert.deepEqual(resources.events, [], 'a resources.changed subscriber hears nothing of the licence');
      await Promise.all([licensed.connection.stop(), resources.connection.stop()]);
    });
  }

  test('getrequestcode, a refused activate and an unsubscribed connection send nothing', T, async () => {
    const licensed = client(hubUrl(mock), token);
    const unsubscribed = client(hubUrl(mock), token);
    await Promise.all([licensed.connection.start(), unsubscribed.connection.start()]);
    await licensed.connection.invoke('Subscribe', LICENCE);
    assert.equal((await post(mock, '/license/getrequestcode', '{}')).status, 200);
    assert.equal((await post(mock, '/license/activate', '[]')).status, 400);
    assert.equal((await post(mock, '/license/activate', '{"a":')).status, 400);
    // Unsubscribing is the barrier: the round trip comes after anything the requests above queued.
    await Promise.all([barrier(licensed.connection), barrier(unsubscribed.connection)]);
    assert.deepEqual(licensed.events, []);
    assert.equal((await post(mock, '/license/activate', '{}')).status, 200);
    await barrier(unsubscribed.connection);
    assert.deepEqual(unsubscribed.events, []);
    await Promise.all([licensed.connection.stop(), unsubscribed.connection.stop()]);
  });

  test('each activation is its own notification with its own reference', T, async () => {
    const licensed = client(hubUrl(mock), token);
    await licensed.connection.start();
    await licensed.connection.invoke('Subscribe', LICENCE);
    for (let i = 0; i < 3; i++) assert.equal((await post(mock, '/license/activate', '{}')).status, 200);
    const events = await licensed.received(3);
    assert.equal(new Set(events.map((event) => event.r)).size, 3);
    assert.ok(events.every((event) => event.e === LICENCE));
    await licensed.connection.stop();
  });

  test('the change log and the notifications log get nothing from an activation', T, async () => {
    const read = async (path: string) => {
      const res = await fetch(`${mock.url}/_mock/${path}`);
      assert.equal(res.status, 200, path);
      return (await res.json()) as unknown;
    };
    const changes = () => read('changes');
    const notifications = () => read('notifications');
    const [changesBefore, notificationsBefore] = [await changes(), await notifications()];
    assert.equal((await post(mock, '/license/activate', '{}')).status, 200);
    assert.deepEqual(await changes(), changesBefore);
    assert.deepEqual(await notifications(), notificationsBefore);
  });
});

test('with auth off, s names the anonymous user', T, async () => {
  const mock = await startHubMock({ auth: { required: false } });
  try {
    const licensed = client(hubUrl(mock), undefined);
    await licensed.connection.start();
    await licensed.connection.invoke('Subscribe', LICENCE);
    assert.equal((await post(mock, '/license/activate', '{}')).status, 200);
    const [event] = await licensed.received(1);
    assert.deepEqual(event?.s?.u, { userName: 'anonymous', deviceName: null });
    await licensed.connection.stop();
  } finally {
    await mock.close();
  }
});
