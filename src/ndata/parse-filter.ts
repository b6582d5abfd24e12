import { issue, type Issue } from '../errors/issue.js';
import type { Condition } from './ast.js';
import { lex, type Piece, type Separator } from './lexer.js';
import { FILTER_MEMBERS, type FilterMember, type MemberValue } from './members.js';
import { OPERATORS, operatorApplies, operatorNamed, operatorsFor, type Operator } from './operators.js';
import { excerpt, type OperationRef } from './query-issues.js';
import { VALUE_TYPES, type Value, type ValueType } from './value-types.js';

interface Operation extends OperationRef {
  pieces: Piece[];
  value: string;
}

type Outcome = { ok: true; op: Operator; args: Value[] } | { ok: false; issues: Issue[] };

function splitAt(pieces: readonly Piece[], sep: Separator): Piece[][] {
  const groups: Piece[][] = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    if (last === undefined || piece.before === sep) groups.push([piece]);
    else last.push(piece);
  }
  return groups;
}

/** The text of a group of pieces: a lone quoted piece's content, else the raw text (undefined: stray quote). */
function textOf(group: readonly Piece[], value: string): string | undefined {
  const [first] = group;
  const last = group.at(-1);
  if (first === undefined || last === undefined) return '';
  if (group.length === 1) return first.content;
  return group.some((p) => p.quoted) ? undefined : value.slice(first.start, last.end);
}

const LOOKS_LIKE_OPERATOR = /^[A-Za-z]+$/;

/** The argument texts of `op` (everything after its first `:`), split as its arity says, or the issue. */
function argumentTexts(member: string, spec: MemberType, op: Operator, o: Operation): (string | undefined)[] | Issue {
  const { type, nullable } = spec;
  const where = { operation: o.operation, text: o.text };
  if (!operatorApplies(op, type, nullable)) {
    return issue('query.operator_not_allowed', member, {
      ...where,
      operator: op,
      type,
      nullable,
      allowed: operatorsFor(type, nullable),
    });
  }
  const rest = o.pieces.slice(1);
  const arity = OPERATORS[op].arity;
  const groups =
    rest.length === 0 ? [] : arity === 'two' ? splitAt(rest, ':') : arity === 'list' ? splitAt(rest, ',') : [rest];
  const expected = { none: 0, one: 1, two: 2, list: Math.max(1, groups.length) }[arity];
  if (groups.length !== expected) {
    return issue('query.argument_count', member, { ...where, operator: op, expected: arity, actual: groups.length });
  }
  const [only] = rest;
  if (arity === 'list' && rest.length === 1 && only !== undefined && !only.quoted && only.content === '') {
    return issue('query.empty_list', member, { ...where, operator: op });
  }
  return groups.map((g) => textOf(g, o.value));
}

/**
 * Parses one operation of `member`'s value into an operator and typed arguments, or its issues. The text
 * before the first `:` is the operator when it names one; otherwise the whole operation is an `eq` value.
 */
function parseOperation(member: string, spec: MemberType, o: Operation): Outcome {
  const { type, nullable } = spec;
  const where = { operation: o.operation, text: o.text };
  const fail = (...issues: Issue[]): Outcome => ({ ok: false, issues });
  const [head, second] = o.pieces;
  if (head === undefined || (o.pieces.length === 1 && !head.quoted && head.content === '')) {
    return fail(issue('query.empty_operation', member, { operation: o.operation }));
  }
  if (o.pieces.some((p) => p.badQuote)) return fail(issue('query.bad_quote', member, where));
  const named = head.quoted ? undefined : operatorNamed(head.content);
  const op = named !== undefined && (second === undefined || second.before === ':') ? named : undefined;
  const texts = op === undefined ? [textOf(o.pieces, o.value)] : argumentTexts(member, spec, op, o);
  if (!Array.isArray(texts)) return fail(texts);
  if (!texts.every((t): t is string => t !== undefined)) return fail(issue('query.bad_quote', member, where));
  const args: Value[] = [];
  const issues: Issue[] = [];
  for (const text of texts) {
    const parsed = VALUE_TYPES[type].parse(text);
    if (parsed !== undefined) args.push(parsed);
    else if (type === 'string') throw new TypeError('string arguments always parse');
    else if (op === undefined && second?.before === ':' && LOOKS_LIKE_OPERATOR.test(head.content)) {
      // `DiscountRate=foo:1`: neither a value nor an operator; say the likelier mistake.
      issues.push(
        issue('query.unknown_operator', member, {
          ...where,
          operator: excerpt(head.content),
          allowed: operatorsFor(type, nullable),
        }),
      );
    } else issues.push(issue('query.invalid_argument', member, { ...where, value: excerpt(text), type }));
  }
  return issues.length > 0 ? fail(...issues) : { ok: true, op: op ?? 'eq', args };
}

/**
 * Parses every occurrence of a filter parameter as one `;`-separated list of operations (a repeated
 * parameter adds to the list; operations are numbered across occurrences). Arguments are converted by
 * the member's type here, once.
 */
export function parseFilter<M extends FilterMember>(
  member: M,
  values: readonly string[],
): { conditions: Condition<MemberValue<M>>[]; issues: Issue[] } {
  const parsed = parseMemberFilter(member, FILTER_MEMBERS[member], values);
  // The arguments were parsed by the member's own value type.
  return parsed as unknown as { conditions: Condition<MemberValue<M>>[]; issues: Issue[] };
}

/** A filter member's value type and nullability: all the parser needs of it. */
export interface MemberType {
  type: ValueType;
  nullable: boolean;
}

/** `parseFilter` for any member table (the resource engine's rows): `member` names the parameter in issues. */
export function parseMemberFilter(
  member: string,
  spec: MemberType,
  values: readonly string[],
): { conditions: Condition<Value>[]; issues: Issue[] } {
  const conditions: Condition<Value>[] = [];
  const issues: Issue[] = [];
  let operation = 0;
  for (const value of values) {
    if (value === '') {
      operation += 1;
      issues.push(issue('query.empty_value', member, {}));
      continue;
    }
    for (const pieces of splitAt(lex(value), ';')) {
      operation += 1;
      const first = pieces[0];
      const last = pieces.at(-1);
      const text = first === undefined || last === undefined ? '' : excerpt(value.slice(first.start, last.end));
      const outcome = parseOperation(member, spec, { operation, text, pieces, value });
      // The arguments were parsed by the member's own value type and counted against the operator's arity.
      if (outcome.ok) conditions.push({ op: outcome.op, args: outcome.args } as unknown as Condition<Value>);
      else issues.push(...outcome.issues);
    }
  }
  return { conditions, issues };
}
