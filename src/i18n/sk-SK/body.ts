import type { BodyIssueParams, BodyRule } from '../../errors/body-issues.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'reťazec',
  number: 'číslo',
  integer: 'celé číslo',
  boolean: 'logická hodnota (true/false)',
  object: 'objekt',
  array: 'pole',
  null: 'null',
};

const COMPARISONS = { '<=': 'najviac', '>=': 'aspoň', '<': 'menšia ako', '>': 'väčšia ako' } as const;

const RULES: Record<BodyRule, string> = {
  domesticRateIsOne: 'Kurz domácej meny musí byť presne 1.',
  oneDomestic: 'Domáca mena musí byť práve jedna; cez API ju nemožno zmeniť.',
  domesticStays: 'Domácu menu nemožno odstrániť.',
  containerVat: 'PLU typu Container potrebuje kategóriu DPH bez sadzby (nezdaniteľnú).',
  receiptOnlyOnRecipe: 'Receptúru môže mať iba PLU typu Recipe.',
  minimumAboveMaximum: 'Minimum nesmie byť väčšie ako maximum.',
};

export const body: IssueMessages<keyof BodyIssueParams> = {
  'body.malformed_json': (p) =>
    p.position === null
      ? 'Telo požiadavky nie je platný JSON.'
      : `Telo požiadavky nie je platný JSON (chyba na pozícii ${p.position}).`,
  'body.not_utf8': () => 'Telo požiadavky nie je platný text v UTF-8.',
  'body.not_object': (p) => `Telo požiadavky musí byť objekt JSON, nie ${TYPE_NAMES[p.actual] ?? p.actual}.`,
  'body.required': () => 'Hodnota je povinná.',
  'body.type': (p) =>
    `Hodnota musí byť typu ${p.expected
      .split(',')
      .map((t) => TYPE_NAMES[t] ?? t)
      .join(' alebo ')}.`,
  'body.pattern': (p) => `Hodnota nemá povolený tvar (${p.pattern}).`,
  'body.format': (p) =>
    p.format === 'date'
      ? 'Hodnota musí byť dátum podľa ISO 8601 (napr. 1990-05-17 alebo 1990-05-17T00:00:00Z).'
      : 'Hodnota musí byť dátum a čas podľa ISO 8601 (napr. 2024-01-31T12:00:00Z).',
  'body.too_long': (p) => `Hodnota môže mať najviac ${p.limit} znakov.`,
  'body.too_short': (p) => `Hodnota musí mať aspoň ${p.limit} znakov.`,
  'body.too_many_items': (p) => `Pole môže mať najviac ${p.limit} položiek.`,
  'body.too_many_members': (p) => `Objekt môže mať najviac ${p.limit} členov.`,
  'body.range': (p) => `Hodnota musí byť ${COMPARISONS[p.comparison]} ${p.limit}.`,
  'body.enum': (p) => `Hodnota musí byť jedna z: ${p.allowed.map(String).join(', ')}.`,
  'body.invalid': () => 'Hodnota je neplatná.',
  'body.unknown_member': () => 'Neznámy člen; v prísnom režime (--strict) nie je povolený.',
  'body.unique': (p) => `Hodnotu „${p.value}“ už používa iný záznam; musí byť jedinečná.`,
  'body.too_deep': (p) => `Telo požiadavky je vnorené hlbšie ako ${p.limit} úrovní.`,
  'body.rule': (p) => RULES[p.rule],
  'body.unknown_reference': (p) => `Zdroj ${p.resource} '${p.value}' neexistuje.`,
  'body.in_use': (p) => `Položku stále používa ${p.count} ${p.by}; najprv ich zmeňte alebo odstráňte.`,
};
