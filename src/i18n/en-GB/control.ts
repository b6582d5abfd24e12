import type { ControlIssueParams } from '../../control/control-issues.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPE_NAMES = {
  object: 'an object',
  array: 'an array',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true/false)',
} as const;

export const control: IssueMessages<keyof ControlIssueParams> = {
  'control.required': () => 'A value is required.',
  'control.type': (p) => `The value must be ${TYPE_NAMES[p.expected]}.`,
  'control.range': (p) =>
    p.exclusiveMin
      ? `The value must be greater than ${p.min} and at most ${p.max}.`
      : `The value must be from ${p.min} to ${p.max}.`,
  'control.one_of': (p) => `Unknown value "${p.value}"; allowed: ${p.allowed.join(', ')}.`,
  'control.unknown_member': (p) => `Unknown member; allowed: ${p.allowed.join(', ')}.`,
  'control.syntax': (p) => `The value has the wrong form; for example: ${p.example}.`,
  'control.conflict': (p) => `The value cannot be combined with ${p.with}.`,
  'control.clock_range': (p) => `The clock must stay between ${p.first} and ${p.last}.`,
};
