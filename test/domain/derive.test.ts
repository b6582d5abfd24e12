import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullNameOf, statusAt } from '../../src/domain/derive.js';

const NOW = Date.parse('2025-06-01T12:00:00Z');

const NAMES: [string | null, string | null, string][] = [
  ['John', 'Doe', 'John Doe'],
  ['John', null, 'John'],
  [null, 'Doe', 'Doe'],
  [null, null, ''],
  ['  Ján ', ' Kováč  ', 'Ján   Kováč'],
];
for (const [firstName, lastName, expected] of NAMES) {
  test(`fullName of ${JSON.stringify([firstName, lastName])}`, () =>
    assert.equal(fullNameOf({ firstName, lastName }), expected));
}

const STATUSES: [string, string | null, string | null, string][] = [
  ['unbounded', null, null, 'Valid'],
  ['activated in the past', '2020-01-01T00:00:00.000Z', null, 'Valid'],
  ['activates later', '2025-06-01T12:00:00.001Z', null, 'NotYetValid'],
  ['activates exactly now', '2025-06-01T12:00:00.000Z', null, 'Valid'],
  ['expires exactly now', null, '2025-06-01T12:00:00.000Z', 'Expired'],
  ['expires later', null, '2025-06-01T12:00:00.001Z', 'Valid'],
  ['expired and not yet active: expired wins', '2030-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', 'Expired'],
];
for (const [name, activationTime, expirationTime, expected] of STATUSES) {
  test(`status: ${name}`, () => assert.equal(statusAt({ activationTime, expirationTime }, NOW), expected));
}
