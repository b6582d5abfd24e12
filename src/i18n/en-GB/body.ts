import type { BodyIssueParams, BodyRule } from '../../errors/body-issues.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean (true/false)',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

const COMPARISONS = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' } as const;

const RULES: Record<BodyRule, string> = {
  domesticRateIsOne: 'The exchange rate of the domestic currency must be exactly 1.',
  oneDomestic: 'There must be exactly one domestic currency; it cannot be changed over the API.',
  domesticStays: 'The domestic currency cannot be deleted.',
  containerVat: 'A Container PLU needs a VAT category whose rate is null (not taxable).',
  receiptOnlyOnRecipe: 'Only a Recipe PLU may have a receipt.',
  minimumAboveMaximum: 'The minimum must not be greater than the maximum.',
};

export const body: IssueMessages<keyof BodyIssueParams> = {
  'body.malformed_json': (p) =>
    p.position === null
      ? 'The request body is not valid JSON.'
      : `The request body is not valid JSON (error at position ${p.position}).`,
  'body.not_utf8': () => 'The request body is not valid UTF-8.',
  'body.not_object': (p) => `The request body must be a JSON object, not ${TYPE_NAMES[p.actual] ?? p.actual}.`,
  'body.required': () => 'A value is required.',
  'body.type': (p) =>
    `The value must be ${p.expected
      .split(',')
      .map((t) => TYPE_NAMES[t] ?? t)
      .join(' or ')}.`,
  'body.pattern': (p) => `The value does not have the allowed form (${p.pattern}).`,
  'body.format': (p) =>
    p.format === 'date'
      ? 'The value must be an ISO 8601 date (e.g. 1990-05-17 or 1990-05-17T00:00:00Z).'
      : 'The value must be an ISO 8601 date and time (e.g. 2024-01-31T12:00:00Z).',
  'body.too_long': (p) => `The value may have at most ${p.limit} characters.`,
  'body.too_short': (p) => `The value must have at least ${p.limit} characters.`,
  'body.too_many_items': (p) => `The array may have at most ${p.limit} items.`,
  'body.too_many_members': (p) => `The object may have at most ${p.limit} members.`,
  'body.range': (p) => `The value must be ${COMPARISONS[p.comparison]} ${p.limit}.`,
  'body.enum': (p) => `The value must be one of: ${p.allowed.map(String).join(', ')}.`,
  'body.invalid': () => 'The value is invalid.',
  'body.unknown_member': () => 'Unknown member; not allowed in strict mode (--strict).',
  'body.unique': (p) => `The value '${p.value}' is already used by another record; it must be unique.`,
  'body.too_deep': (p) => `The request body is nested deeper than ${p.limit} levels.`,
  'body.rule': (p) => RULES[p.rule],
  'body.unknown_reference': (p) => `There is no ${p.resource} '${p.value}'.`,
  'body.in_use': (p) =>
    `The item is still used by ${p.count} ${p.by} item${p.count === 1 ? '' : 's'}; change or delete ${p.count === 1 ? 'it' : 'them'} first.`,
};
