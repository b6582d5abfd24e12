import { CUSTOMER_ID_PATTERN } from '../../domain/customer-id.js';
import { issue, type Issue } from '../../errors/issue.js';
import type { KeySpec } from './keys.js';

/** The issue of a key (POST body or PUT path) outside its row's domain, named after the key member. */
export function keyIssues(key: KeySpec, value: unknown): Issue[] {
  if (key.fromBody(value) !== undefined) return [];
  const { member, domain } = key;
  if (key.kind === 'id') return [issue('body.pattern', member, { pattern: CUSTOMER_ID_PATTERN })];
  if (key.kind === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return [issue('body.type', member, { expected: 'integer' })];
    return [
      value < domain.min
        ? issue('body.range', member, { limit: domain.min, comparison: '>=' })
        : issue('body.range', member, { limit: domain.max, comparison: '<=' }),
    ];
  }
  if (typeof value !== 'string') return [issue('body.type', member, { expected: 'string' })];
  return [
    value.length < domain.min
      ? issue('body.too_short', member, { limit: domain.min })
      : issue('body.too_long', member, { limit: domain.max }),
  ];
}
