import type { ApiKeyIdentity, UserIdentity } from '../../auth/identities.js';
import { readDate, writeDate } from '../../dates/read-date.js';
import { issue, type Issue } from '../../errors/issue.js';
import { idKey } from '../engine/keys.js';
import { filterOn, flag, list, nullableText } from '../engine/members.js';
import type { Item, ResourceRow, RuleInput } from '../engine/resource-row.js';

/** When a seeded key without its own `createdAt` was created (docs/decisions.md#catalogue-seed). */
const SEED_CREATED_AT = '2024-01-01T00:00:00.000Z';

/** The id of the n-th seeded key without its own (the first is the fixture key's `65a0…a1`). */
function seedId(index: number): string {
  return `65a0000000000000000000${(0xa1 + index).toString(16).padStart(2, '0')}`.slice(-24);
}

/** The identities' API keys as `/apikeys` items, in the data-models table's member order. */
export function apiKeySeed(keys: readonly ApiKeyIdentity[]): Item[] {
  return keys.map((key, index) => ({
    id: key.id ?? seedId(index),
    clientId: key.clientId,
    clientSecret: key.clientSecret,
    isActive: key.isActive,
    createdAt: writeDate(readDate(key.createdAt ?? SEED_CREATED_AT) ?? 0),
    name: key.name ?? key.clientId,
    description: key.description ?? null,
    userName: key.userName,
    deviceName: key.deviceName,
    permissions: [...key.permissions],
    _v: 1,
  }));
}

/** A credential the client sent (the write schema keeps it to 1–128 characters), else undefined. */
function sent(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function keptText(item: Item | undefined, member: string): string | undefined {
  const value = item?.[member];
  return typeof value === 'string' ? value : undefined;
}

function rules(users: () => readonly UserIdentity[]) {
  return ({ item, catalogue }: RuleInput): Issue[] => {
    const issues: Issue[] = [];
    const clientId = item['clientId'];
    const taken = catalogue
      .items('apikeys')
      .some((other) => other['clientId'] === clientId && other['id'] !== item['id']);
    if (taken) issues.push(issue('body.unique', 'clientId', { value: String(clientId) }));
    const userName = item['userName'];
    if (!users().some((user) => user.userName === userName))
      issues.push(issue('body.unknown_reference', 'userName', { resource: 'user', value: String(userName) }));
    return issues;
  };
}

/**
 * `/apikeys`, the NWS4 key store (docs/decisions.md#identity-resources): key `id`; `name`, `userName` (a user of
 * the identities) and `deviceName` (a device: a device a key names cannot be deleted) required; `clientId` (40)
 * and `clientSecret` (64 lowercase hex) generated unless sent, and kept by a PUT that omits them; `clientId`
 * unique; `isActive` false until activated; `createdAt` the mock clock at creation. Reading keys needs an apiKey
 * right: a secret is a credential.
 */
export function apiKeyRow(seed: () => readonly Item[], users: () => readonly UserIdentity[]): ResourceRow {
  return {
    segment: 'apikeys',
    name: 'apiKey',
    key: idKey(),
    schemas: { model: 'ApiKey', write: 'ApiKeyWrite' },
    members: {
      id: filterOn.text('id'),
      isActive: filterOn.bool('isActive'),
      clientId: filterOn.text('clientId'),
      userName: filterOn.text('userName'),
      deviceName: filterOn.text('deviceName'),
    },
    sortable: ['id', 'clientId', 'isActive', 'createdAt', 'name', 'description', 'userName', 'deviceName', '_v'],
    readRights: ['apiKeyCreate', 'apiKeyUpdate', 'apiKeyDelete'],
    build: ({ body, key, version, previous, now, newHex }) => ({
      id: key,
      clientId: sent(body['clientId']) ?? keptText(previous, 'clientId') ?? newHex(40),
      clientSecret: sent(body['clientSecret']) ?? keptText(previous, 'clientSecret') ?? newHex(64),
      isActive: flag(body['isActive'], false),
      createdAt: keptText(previous, 'createdAt') ?? writeDate(now),
      name: nullableText(body['name']),
      description: nullableText(body['description']),
      userName: nullableText(body['userName']),
      deviceName: nullableText(body['deviceName']),
      permissions: [...list<string>(body['permissions'])],
      _v: version,
    }),
    rules: rules(users),
    references: (item) => [{ segment: 'devices', member: 'deviceName', where: { name: item['deviceName'] } }],
    seed,
  };
}
