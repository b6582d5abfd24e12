import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLoginRequest, parseRefreshRequest } from '../../src/auth/auth-requests.js';
import type { LoginRequest } from '../../src/auth/auth-requests.js';
import type { Issue } from '../../src/errors/issue.js';

const OK = { userName: 'manager', password: 'manager', deviceName: 'P01' };
const NO_PASSWORD = { userName: 'manager', deviceName: 'P01' };

interface Case {
  name: string;
  body: Record<string, unknown>;
  strict?: boolean;
  expected: LoginRequest | Pick<Issue, 'kind' | 'member'>[];
}

const LOGIN: readonly Case[] = [
  { name: 'camelCase members', body: OK, expected: OK },
  {
    name: 'PascalCase members (as documented)',
    body: { UserName: 'manager', Password: 'manager', DeviceName: 'P01' },
    expected: OK,
  },
  { name: 'any case', body: { USERNAME: 'manager', password: 'manager', devicename: 'P01' }, expected: OK },
  {
    name: 'a repeated member in two cases: the last wins',
    body: { ...OK, UserName: 'clerk' },
    expected: { ...OK, userName: 'clerk' },
  },
  { name: 'unknown members are ignored', body: { ...OK, remember: true }, expected: OK },
  {
    name: 'unknown members are issues in strict mode',
    body: { ...OK, remember: true },
    strict: true,
    expected: [{ kind: 'body.unknown_member', member: 'remember' }],
  },
  {
    name: 'every missing member, under its documented name (the password is optional)',
    body: {},
    expected: [
      { kind: 'body.required', member: 'userName' },
      { kind: 'body.required', member: 'deviceName' },
    ],
  },
  { name: 'no password member: none given', body: NO_PASSWORD, expected: NO_PASSWORD },
  { name: 'a null password: none given', body: { ...NO_PASSWORD, Password: null }, expected: NO_PASSWORD },
  { name: 'an empty password: none given', body: { ...NO_PASSWORD, password: '' }, expected: NO_PASSWORD },
  {
    name: 'a blank password is a password (compared, not refused)',
    body: { ...NO_PASSWORD, password: '  ' },
    expected: { ...NO_PASSWORD, password: '  ' },
  },
  {
    name: 'without a password, the other members are still required',
    body: { userName: 'manager' },
    expected: [{ kind: 'body.required', member: 'deviceName' }],
  },
  {
    name: 'null is missing',
    body: { ...OK, deviceName: null },
    expected: [{ kind: 'body.required', member: 'deviceName' }],
  },
  {
    name: 'null is missing, named as sent',
    body: { userName: 'x', password: 'y', DeviceName: null },
    expected: [{ kind: 'body.required', member: 'DeviceName' }],
  },
  {
    name: 'a number, named as sent',
    body: { userName: 'x', Password: 1234, deviceName: 'P01' },
    expected: [{ kind: 'body.type', member: 'Password' }],
  },
  {
    name: 'an object',
    body: { ...OK, userName: { name: 'x' } },
    expected: [{ kind: 'body.type', member: 'userName' }],
  },
  {
    name: 'an empty string, named as sent',
    body: { UserName: '', password: 'y', deviceName: 'P01' },
    expected: [{ kind: 'auth.empty_member', member: 'UserName' }],
  },
  {
    name: 'a blank string',
    body: { ...OK, deviceName: '  ' },
    expected: [{ kind: 'auth.empty_member', member: 'deviceName' }],
  },
];

const shape = (result: ReturnType<typeof parseLoginRequest>): Case['expected'] =>
  result.ok ? result.value : result.issues.map(({ kind, member }) => ({ kind, member }));

for (const c of LOGIN) {
  test(`parseLoginRequest: ${c.name}`, () => {
    assert.deepEqual(shape(parseLoginRequest(c.body, c.strict ?? false)), c.expected);
  });
}

test('parseRefreshRequest: case-insensitive members; each missing one named', () => {
  assert.deepEqual(parseRefreshRequest({ TokenId: 'a', RefreshToken: 'b' }, false), {
    ok: true,
    value: { tokenId: 'a', refreshToken: 'b' },
  });
  const result = parseRefreshRequest({ tokenid: 1 }, false);
  assert.deepEqual(result.ok ? [] : result.issues.map((i) => [i.kind, i.member]), [
    ['body.type', 'tokenid'],
    ['body.required', 'refreshToken'],
  ]);
});
