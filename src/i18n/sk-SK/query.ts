import type { QueryIssueParams } from '../../ndata/query-issues.js';
import type { Arity } from '../../ndata/operators.js';
import type { ValueType } from '../../ndata/value-types.js';
import type { IssueMessages } from '../locale-texts.js';

const TYPES: Record<ValueType, string> = {
  decimal: 'desatinné číslo',
  bool: 'logická hodnota',
  DateTime: 'dátum a čas',
  string: 'reťazec',
};

const EXPECTED: Record<Exclude<ValueType, 'string'>, string> = {
  decimal: 'desatinné číslo (s bodkou ako desatinným oddeľovačom, napr. 12.5)',
  bool: 'logická hodnota (true alebo false)',
  DateTime: "dátum a čas podľa ISO 8601 (napr. 2024-01-31T12:00:00Z; znak '+' v posune pošlite ako %2B)",
};

const ARITIES: Record<Arity, string> = {
  none: 'nemá žiadny argument',
  one: 'má jeden argument',
  two: "má dva argumenty oddelené znakom ':' (argument obsahujúci ':' dajte do apostrofov, napr. between:'…':'…')",
  list: 'má zoznam hodnôt oddelených čiarkou (aspoň jednu)',
};

const at = (p: { operation: number; text: string }) => `Operácia ${p.operation} ('${p.text}')`;

export const query: IssueMessages<keyof QueryIssueParams> = {
  'query.empty_value': () => 'Hodnota je prázdna; zadajte operáciu, napr. eq:HODNOTA, alebo parameter vynechajte.',
  'query.empty_operation': (p) => `Operácia ${p.operation} je prázdna (nič medzi dvoma ';' alebo za posledným).`,
  'query.unknown_operator': (p) => `${at(p)}: neznámy operátor '${p.operator}'; povolené: ${p.allowed.join(', ')}.`,
  'query.operator_not_allowed': (p) =>
    `${at(p)}: operátor '${p.operator}' sa pre tento parameter nedá použiť (${TYPES[p.type]}, ${p.nullable ? 'môže byť null' : 'nikdy nie je null'}); povolené: ${p.allowed.join(', ')}.`,
  'query.argument_count': (p) => `${at(p)}: operátor '${p.operator}' ${ARITIES[p.expected]}; zadaných: ${p.actual}.`,
  'query.empty_list': (p) => `${at(p)}: operátor '${p.operator}' potrebuje za ':' aspoň jednu hodnotu.`,
  'query.bad_quote': (p) =>
    `${at(p)}: apostrof nie je uzavretý alebo argument v apostrofoch nie je celým argumentom; apostrof vnútri apostrofov zapíšte ako ''.`,
  'query.invalid_argument': (p) => `${at(p)}: '${p.value}' nie je ${EXPECTED[p.type]}.`,
  'query.invalid_boolean': (p) => `'${p.value}' nie je logická hodnota; použite true alebo false.`,
  'query.invalid_integer': (p) => `'${p.value}' nie je celé číslo.`,
  'query.integer_out_of_range': (p) => `'${p.value}' je mimo rozsahu; povolené sú celé čísla od ${p.min} do ${p.max}.`,
  'query.sort_empty_key': (p) => `Kľúč triedenia ${p.position} je prázdny.`,
  'query.sort_unknown_key': (p) =>
    `Kľúč triedenia ${p.position} ('${p.key}'): neznámy člen; triediť možno podľa: ${p.allowed.join(', ')}.`,
  'query.sort_not_sortable': (p) =>
    `Kľúč triedenia ${p.position} ('${p.key}'): člen je objekt alebo zoznam, podľa neho triediť nemožno; uveďte jeho jednoduchý člen (napr. company.name).`,
  'query.sort_bad_direction': (p) =>
    `Kľúč triedenia ${p.position} ('${p.key}'): neznámy smer '${p.direction}'; použite asc alebo desc.`,
  'query.sort_conflicting_direction': (p) =>
    `Kľúč triedenia ${p.position} ('${p.key}'): úvodné '-' znamená zostupne, ale ':asc' vzostupne; použite len jedno.`,
  'query.repeated_parameter': (p) => `Parameter je zadaný ${p.count}-krát; smie byť zadaný iba raz.`,
  'query.unknown_parameter': () => 'Neznámy parameter dopytu; v prísnom režime (--strict) nie je povolený.',
};
