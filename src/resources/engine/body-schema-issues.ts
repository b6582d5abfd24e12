import type { ErrorObject } from 'ajv';
import { readDate } from '../../dates/read-date.js';
import { issue, type Issue } from '../../errors/issue.js';

/** Members whose pattern is an ISO 8601 date (`date`) or date-time; a pattern miss there is a format issue. */
const DATE_MEMBERS: Record<string, 'date' | 'date-time'> = {
  birthDate: 'date',
  activationTime: 'date-time',
  expirationTime: 'date-time',
  statusTime: 'date-time',
  effectiveFrom: 'date-time',
};

/** `/cards/1/serialNumber` → `cards[1].serialNumber`; `''` → `$` (the body). */
export function memberPath(pointer: string): string {
  if (pointer === '') return '$';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}

function lastMember(path: string): string {
  return (
    path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? ''
  );
}

const RANGE_KEYWORDS = { maximum: '<=', minimum: '>=', exclusiveMaximum: '<', exclusiveMinimum: '>' } as const;

function toIssue(error: ErrorObject): Issue {
  const member = memberPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const limit = Number(params['limit']);
  switch (error.keyword) {
    case 'type':
      return issue('body.type', member, { expected: [params['type']].flat().join(',') });
    case 'required':
      return issue(
        'body.required',
        member === '$' ? String(params['missingProperty']) : `${member}.${String(params['missingProperty'])}`,
        {},
      );
    case 'pattern': {
      const format = DATE_MEMBERS[lastMember(member)];
      return format === undefined
        ? issue('body.pattern', member, { pattern: String(params['pattern']) })
        : issue('body.format', member, { format });
    }
    case 'maxLength':
      return issue('body.too_long', member, { limit });
    case 'minLength':
      return issue('body.too_short', member, { limit });
    case 'maxItems':
      return issue('body.too_many_items', member, { limit });
    case 'maxProperties':
      return issue('body.too_many_members', member, { limit });
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      return issue('body.range', member, { limit, comparison: RANGE_KEYWORDS[error.keyword] });
    case 'enum':
      return issue('body.enum', member, { allowed: (params['allowedValues'] as unknown[] | undefined) ?? [] });
    case 'const':
      return issue('body.enum', member, { allowed: [params['allowedValue']] });
    case 'additionalProperties':
      return issue(
        'body.unknown_member',
        member === '$' ? String(params['additionalProperty']) : `${member}.${String(params['additionalProperty'])}`,
        {},
      );
    default:
      return issue('body.invalid', member, {});
  }
}

/** Ajv's errors as issues, one per member and kind, in the order found. */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors ?? []) {
    if (['anyOf', 'oneOf', 'if', 'allOf'].includes(error.keyword)) continue;
    const item = toIssue(error);
    const key = `${item.member}\u0000${item.kind}`;
    if (!seen.has(key)) issues.push(item);
    seen.add(key);
  }
  return issues;
}

/** Date members whose text matched the pattern but names no real instant (2024-02-30, year 0000). */
export function impossibleDates(value: unknown, path = ''): Issue[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => impossibleDates(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, member]) => {
    const here = path === '' ? name : `${path}.${name}`;
    const format = DATE_MEMBERS[name];
    if (format !== undefined && typeof member === 'string') {
      return readDate(member) === undefined ? [issue('body.format', here, { format })] : [];
    }
    return name === 'meta' ? [] : impossibleDates(member, here);
  });
}
