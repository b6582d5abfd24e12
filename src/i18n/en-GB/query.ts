import type { QueryIssueParams } from '../../ndata/query-issues.js';
import type { Arity } from '../../ndata/operators.js';
import type { ValueType } from '../../ndata/value-types.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPES: Record<ValueType, string> = {
  decimal: 'a decimal number',
  bool: 'a boolean',
  DateTime: 'a date and time',
  string: 'a string',
};

const EXPECTED: Record<Exclude<ValueType, 'string'>, string> = {
  decimal: "a decimal number (with '.' as the decimal separator, e.g. 12.5)",
  bool: 'a boolean (true or false)',
  DateTime: "an ISO 8601 date and time (e.g. 2024-01-31T12:00:00Z; send '+' of an offset as %2B)",
};

const ARITIES: Record<Arity, string> = {
  none: 'takes no argument',
  one: 'takes one argument',
  two: "takes two arguments separated by ':' (quote an argument that contains ':', e.g. between:'…':'…')",
  list: 'takes a comma-separated list of at least one item',
};

const at = (p: { operation: number; text: string }) => `Operation ${p.operation} ('${p.text}')`;

export const query: IssueMessages<keyof QueryIssueParams> = {
  'query.empty_value': () => 'The value is empty; give an operation such as eq:VALUE, or leave the parameter out.',
  'query.empty_operation': (p) => `Operation ${p.operation} is empty (nothing between two ';' or after the last one).`,
  'query.unknown_operator': (p) => `${at(p)}: unknown operator '${p.operator}'; allowed: ${p.allowed.join(', ')}.`,
  'query.operator_not_allowed': (p) =>
    `${at(p)}: operator '${p.operator}' does not apply to this parameter (${TYPES[p.type]}, ${p.nullable ? 'may be null' : 'never null'}); allowed: ${p.allowed.join(', ')}.`,
  'query.argument_count': (p) => `${at(p)}: operator '${p.operator}' ${ARITIES[p.expected]}; found ${p.actual}.`,
  'query.empty_list': (p) => `${at(p)}: operator '${p.operator}' needs at least one item after ':'.`,
  'query.bad_quote': (p) =>
    `${at(p)}: a quote is not closed, or a quoted argument is not the whole argument; write a quote inside quotes as ''.`,
  'query.invalid_argument': (p) => `${at(p)}: '${p.value}' is not ${EXPECTED[p.type]}.`,
  'query.invalid_boolean': (p) => `'${p.value}' is not a boolean; use true or false.`,
  'query.invalid_integer': (p) => `'${p.value}' is not an integer.`,
  'query.integer_out_of_range': (p) =>
    `'${p.value}' is out of range; allowed are whole numbers from ${p.min} to ${p.max}.`,
  'query.sort_empty_key': (p) => `Sort key ${p.position} is empty.`,
  'query.sort_unknown_key': (p) =>
    `Sort key ${p.position} ('${p.key}'): unknown member; sortable: ${p.allowed.join(', ')}.`,
  'query.sort_not_sortable': (p) =>
    `Sort key ${p.position} ('${p.key}'): the member is an object or a list and cannot be sorted by; name one of its scalar members (e.g. company.name).`,
  'query.sort_bad_direction': (p) =>
    `Sort key ${p.position} ('${p.key}'): unknown direction '${p.direction}'; use asc or desc.`,
  'query.sort_conflicting_direction': (p) =>
    `Sort key ${p.position} ('${p.key}'): the leading '-' means descending but ':asc' ascending; use one of them.`,
  'query.repeated_parameter': (p) => `The parameter is given ${p.count} times; it may be given only once.`,
  'query.unknown_parameter': () => 'Unknown query parameter; not allowed in strict mode (--strict).',
};
