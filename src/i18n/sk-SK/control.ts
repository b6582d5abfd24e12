import type { ControlIssueParams } from '../../control/control-issues.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPE_NAMES = {
  object: 'objekt',
  array: 'pole',
  string: 'reťazec',
  integer: 'celé číslo',
  number: 'číslo',
  boolean: 'logická hodnota (true/false)',
} as const;

export const control: IssueMessages<keyof ControlIssueParams> = {
  'control.required': () => 'Hodnota je povinná.',
  'control.type': (p) => `Hodnota musí byť typu ${TYPE_NAMES[p.expected]}.`,
  'control.range': (p) =>
    p.exclusiveMin
      ? `Hodnota musí byť väčšia ako ${p.min} a najviac ${p.max}.`
      : `Hodnota musí byť od ${p.min} do ${p.max}.`,
  'control.one_of': (p) => `Neznáma hodnota „${p.value}“; povolené sú: ${p.allowed.join(', ')}.`,
  'control.unknown_member': (p) => `Neznámy člen; povolené sú: ${p.allowed.join(', ')}.`,
  'control.syntax': (p) => `Hodnota nemá správny tvar; napríklad: ${p.example}.`,
  'control.conflict': (p) => `Hodnotu nemožno kombinovať s: ${p.with}.`,
  'control.clock_range': (p) => `Hodiny musia zostať medzi ${p.first} a ${p.last}.`,
};
